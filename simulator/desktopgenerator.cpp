#include "desktopgenerator.h"

#include <QRandomGenerator>
#include <QTimeZone>

#include <array>

namespace {

const std::array<const char *, 8> kDepartments = {"fin", "hr", "dev", "ops", "sales", "mkt", "legal", "qa"};
const std::array<const char *, 16> kGivenNames = {"wei", "li", "anna", "jonas", "maria", "chen", "omar",
                                                  "sofia", "lucas", "yuki", "fatima", "pedro", "ines",
                                                  "noah", "mei", "ivan"};
const std::array<const char *, 12> kFamilyNames = {"zhang", "wang", "mueller", "garcia", "silva", "tan",
                                                   "kumar", "novak", "rossi", "sato", "haddad", "berg"};
const std::array<const char *, 3> kZones = {"cn-north-4a", "cn-north-4b", "cn-north-4c"};

struct Product
{
    const char *productId;
    const char *flavorId;
    int cpu;
    int memoryGb;
};
const std::array<Product, 4> kProducts = {{
    {"workspace.x86.general.large2", "s6.large.2", 2, 4},
    {"workspace.x86.general.xlarge2", "s6.xlarge.2", 4, 8},
    {"workspace.x86.ultimate.2xlarge2", "c7.2xlarge.2", 8, 16},
    {"workspace.x86.ultimate.xlarge4", "m7.xlarge.4", 4, 16},
}};
const std::array<const char *, 3> kImages = {"Windows Server 2019 Standard 64bit",
                                             "Windows Server 2022 Datacenter 64bit",
                                             "Windows 10 Enterprise LTSC 64bit"};
const std::array<const char *, 3> kOsVersions = {"Windows Server 2019", "Windows Server 2022",
                                                 "Windows 10"};

QString uuidFrom(QRandomGenerator &random)
{
    const QString hex = QString::number(random.generate64(), 16).rightJustified(16, QLatin1Char('0'))
        + QString::number(random.generate64(), 16).rightJustified(16, QLatin1Char('0'));
    return hex.mid(0, 8) + QLatin1Char('-') + hex.mid(8, 4) + QLatin1Char('-') + hex.mid(12, 4)
        + QLatin1Char('-') + hex.mid(16, 4) + QLatin1Char('-') + hex.mid(20, 12);
}

template<typename T, std::size_t N>
const T &pick(QRandomGenerator &random, const std::array<T, N> &items)
{
    return items.at(random.bounded(static_cast<quint32>(N)));
}

// A share test that reads like the sentence it implements: chance(random, 30) is "30 % of the time".
bool chance(QRandomGenerator &random, int percent)
{
    return static_cast<int>(random.bounded(100u)) < percent;
}

} // namespace

namespace DesktopGenerator {

QList<SimulatedDesktop> generate(int count, quint32 seed, const QString &namePrefix)
{
    QRandomGenerator random(seed);
    const QDateTime firstCreated(QDate(2023, 1, 9), QTime(8, 0), QTimeZone::utc());
    constexpr qint64 kCreationSpanSeconds = 2LL * 365 * 24 * 3600;
    // Fewer users than desktops, so that some users own two desktops (delete_users must keep them).
    const int userCount = qMax(1, count * 4 / 5);

    QList<SimulatedDesktop> desktops;
    desktops.reserve(count);
    for (int i = 0; i < count; ++i) {
        SimulatedDesktop desktop;
        desktop.id = uuidFrom(random);
        const QString department = QLatin1String(pick(random, kDepartments));
        desktop.computerName = QStringLiteral("%1-%2-%3")
                                   .arg(namePrefix, department.toUpper())
                                   .arg(i + 1, 5, 10, QLatin1Char('0'));

        const bool assigned = !chance(random, 6);
        if (assigned) {
            const int user = static_cast<int>(random.bounded(static_cast<quint32>(userCount)));
            desktop.userName = QLatin1String(kGivenNames.at(user % kGivenNames.size())) + QLatin1Char('.')
                + QLatin1String(kFamilyNames.at((user / kGivenNames.size()) % kFamilyNames.size()))
                + QString::number(user / (kGivenNames.size() * kFamilyNames.size()) + 1);
            desktop.userGroup = chance(random, 10) ? QStringLiteral("administrators") : QStringLiteral("users");
        }

        const int statusRoll = static_cast<int>(random.bounded(100u));
        if (statusRoll < 68) {
            desktop.status = QStringLiteral("ACTIVE");
        } else if (statusRoll < 86) {
            desktop.status = QStringLiteral("SHUTOFF");
        } else if (statusRoll < 92) {
            desktop.status = QStringLiteral("HIBERNATED");
        } else if (statusRoll < 96) {
            desktop.status = QStringLiteral("ERROR");
        } else if (statusRoll < 98) {
            desktop.status = QStringLiteral("STOPPING");
            desktop.taskStatus = QStringLiteral("powering-off");
        } else {
            desktop.status = QStringLiteral("RESTARTING");
            desktop.taskStatus = QStringLiteral("rebooting");
        }

        if (!assigned) {
            desktop.loginStatus = QStringLiteral("UNREGISTER");
        } else if (desktop.status == QLatin1String("ACTIVE")) {
            const int loginRoll = static_cast<int>(random.bounded(100u));
            desktop.loginStatus = loginRoll < 35   ? QStringLiteral("CONNECTED")
                : loginRoll < 75                   ? QStringLiteral("REGISTERED")
                                                   : QStringLiteral("DISCONNECTED");
        } else {
            // Documented: a desktop that is not running shows UNREGISTER (there is no OFFLINE).
            desktop.loginStatus = QStringLiteral("UNREGISTER");
        }

        // Unique addresses: the index spread over 10.x.y.z, one /24 per 250 desktops.
        desktop.ipAddress = QStringLiteral("10.%1.%2.%3").arg(16 + i / 62500).arg((i / 250) % 250).arg(i % 250 + 2);
        desktop.subnetId = QStringLiteral("subnet-%1").arg((i / 250) % 250);

        const Product &product = pick(random, kProducts);
        desktop.productId = QLatin1String(product.productId);
        desktop.flavorId = QLatin1String(product.flavorId);
        desktop.cpuCores = product.cpu;
        desktop.memoryGb = product.memoryGb;
        // One roll, as many draws as before, so that a seed still makes the same desktops.
        const int typeRoll = static_cast<int>(random.bounded(100u));
        desktop.desktopType = typeRoll < 10 ? QStringLiteral("POOLED")
            : typeRoll >= 97               ? QStringLiteral("SHARED")
                                           : QStringLiteral("DEDICATED");
        if (typeRoll < 10)
            desktop.poolId = QStringLiteral("pool-%1").arg(department);
        desktop.availabilityZone = QLatin1String(pick(random, kZones));
        const quint32 image = random.bounded(static_cast<quint32>(kImages.size()));
        desktop.imageName = QLatin1String(kImages.at(image));
        desktop.imageId = QStringLiteral("image-%1").arg(image + 1);
        desktop.osVersion = QLatin1String(kOsVersions.at(image));
        desktop.rootVolumeGb = chance(random, 30) ? 100 : 80;
        desktop.dataVolumeGb = chance(random, 40) ? 100 * static_cast<int>(random.bounded(1u, 4u)) : 0;
        desktop.created = firstCreated.addSecs(static_cast<qint64>(random.bounded(static_cast<quint32>(kCreationSpanSeconds))));

        desktop.yearlyMonthly = chance(random, 10);
        if (desktop.yearlyMonthly)
            desktop.orderId = QStringLiteral("CS%1").arg(random.generate64() % 1000000000000ULL, 12, 10, QLatin1Char('0'));
        // metadata.charging_mode on some desktops only; on some yearly/monthly ones it says "0",
        // contradicting product.charge_mode and order_id, as in the published example.
        if (i % 3 == 0)
            desktop.metadataChargingMode = desktop.yearlyMonthly && i % 2 == 0 ? QStringLiteral("1") : QStringLiteral("0");
        if (department == QLatin1String("fin") || department == QLatin1String("legal"))
            desktop.enterpriseProjectId = QStringLiteral("ep-") + department;
        desktop.inMaintenanceMode = chance(random, 3);
        // Users cannot log in to a desktop in maintenance: a session there has been disconnected.
        if (desktop.inMaintenanceMode && desktop.loginStatus == QLatin1String("CONNECTED"))
            desktop.loginStatus = QStringLiteral("DISCONNECTED");

        desktop.tags.append({QStringLiteral("department"), department});
        if (chance(random, 7))
            desktop.tags.append({QStringLiteral("protected"), QStringLiteral("true")});
        if (chance(random, 25))
            desktop.tags.append({QStringLiteral("env"), chance(random, 50) ? QStringLiteral("test") : QStringLiteral("prod")});
        desktop.refreshJson();
        desktops.append(std::move(desktop));
    }
    return desktops;
}

} // namespace DesktopGenerator
