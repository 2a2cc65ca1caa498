// The simulator's generated desktops and jobs, field by field: only documented fields, with
// documented types and values, absent rather than empty; the documented filters. (The answers of
// every route against the definitions themselves: tst_simulatorconformance.)

#include "deletionjob.h"
#include "desktopgenerator.h"
#include "desktoplistfilter.h"

#include "api/workspacejson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <functional>

using DesktopCheck = std::function<bool(const SimulatedDesktop &)>;
Q_DECLARE_METATYPE(DesktopCheck)

namespace {

// DesktopDetailInfo's documented fields.
const QSet<QString> kDesktopFields = {
    QStringLiteral("desktop_id"), QStringLiteral("computer_name"), QStringLiteral("status"),
    QStringLiteral("task_status"), QStringLiteral("created"), QStringLiteral("login_status"),
    QStringLiteral("user_name"), QStringLiteral("user_group"), QStringLiteral("attach_user_infos"),
    QStringLiteral("ip_addresses"), QStringLiteral("addresses"), QStringLiteral("desktop_type"),
    QStringLiteral("product_id"), QStringLiteral("product"), QStringLiteral("flavor"), QStringLiteral("metadata"),
    QStringLiteral("root_volume"), QStringLiteral("data_volumes"), QStringLiteral("availability_zone"),
    QStringLiteral("site_type"), QStringLiteral("site_name"), QStringLiteral("ou_name"),
    QStringLiteral("os_version"), QStringLiteral("sid"), QStringLiteral("order_id"),
    QStringLiteral("in_maintenance_mode"), QStringLiteral("enterprise_project_id"), QStringLiteral("tags"),
    QStringLiteral("security_groups")};
const QSet<QString> kStatuses = {QStringLiteral("ACTIVE"), QStringLiteral("SHUTOFF"), QStringLiteral("HIBERNATED"),
                                 QStringLiteral("ERROR"), QStringLiteral("STARTING"), QStringLiteral("STOPPING"),
                                 QStringLiteral("RESTARTING"), QStringLiteral("HIBERNATING"),
                                 QStringLiteral("AWAKENING")};
const QSet<QString> kLoginStatuses = {QStringLiteral("UNREGISTER"), QStringLiteral("REGISTERED"),
                                      QStringLiteral("CONNECTED"), QStringLiteral("DISCONNECTED")};
const QSet<QString> kDesktopTypes = {QStringLiteral("DEDICATED"), QStringLiteral("POOLED"), QStringLiteral("SHARED")};
// JobDetailInfo's documented fields (the current Go SDK): no message, no top-level desktop_name.
const QSet<QString> kSubJobFields = {
    QStringLiteral("id"), QStringLiteral("job_id"), QStringLiteral("job_type"), QStringLiteral("entities"),
    QStringLiteral("begin_time"), QStringLiteral("end_time"), QStringLiteral("status"), QStringLiteral("error_code"),
    QStringLiteral("fail_reason"), QStringLiteral("process"), QStringLiteral("host"), QStringLiteral("project_id"),
    QStringLiteral("attach_user"), QStringLiteral("entity"), QStringLiteral("ip_address")};
const QSet<QString> kEntityFields = {QStringLiteral("desktop_id"), QStringLiteral("desktop_name"),
                                     QStringLiteral("user_name"), QStringLiteral("ip_address"),
                                     QStringLiteral("product_id")};

QSet<QString> keysOf(const QJsonObject &object)
{
    const QStringList keys = object.keys();
    return QSet<QString>(keys.cbegin(), keys.cend());
}

} // namespace

class TestSimulatorFields : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void desktopsCarryOnlyDocumentedFieldsAndValues();
    void billingIsWhereTheServiceSendsIt();
    void addressesComeInTheDocumentedShape();
    void poolIdOnlyWhenAssumed();
    void documentedFiltersApply_data();
    void documentedFiltersApply();
    void userNamesTakePrecedenceOverUserName();
    void listedValuesAreCapped_data();
    void listedValuesAreCapped();
    void subJobsCarryOnlyDocumentedFields();

private:
    const QList<SimulatedDesktop> m_desktops = DesktopGenerator::generate(3000, 11);
};

void TestSimulatorFields::desktopsCarryOnlyDocumentedFieldsAndValues()
{
    QSet<QString> typesSeen;
    QSet<QString> loginSeen;
    for (const SimulatedDesktop &desktop : m_desktops) {
        const QJsonObject json = QJsonDocument::fromJson(desktop.compactJson()).object();
        const QSet<QString> undocumented = keysOf(json) - kDesktopFields;
        QVERIFY2(undocumented.isEmpty(), qPrintable(QStringList(undocumented.cbegin(), undocumented.cend()).join(u',')));
        const QString status = json.value(QLatin1String("status")).toString();
        QVERIFY2(kStatuses.contains(status), qPrintable(status));
        const QString login = json.value(QLatin1String("login_status")).toString();
        QVERIFY2(kLoginStatuses.contains(login), qPrintable(login));
        // A desktop that is not running shows UNREGISTER.
        if (status == QLatin1String("SHUTOFF") || status == QLatin1String("HIBERNATED"))
            QCOMPARE(login, QStringLiteral("UNREGISTER"));
        loginSeen.insert(login);
        const QString type = json.value(QLatin1String("desktop_type")).toString();
        QVERIFY2(kDesktopTypes.contains(type), qPrintable(type));
        typesSeen.insert(type);
        // Documented strings of at least one character are absent rather than empty.
        for (const char *key : {"user_name", "user_group", "task_status", "order_id"})
            QVERIFY2(!json.contains(QLatin1String(key)) || !json.value(QLatin1String(key)).toString().isEmpty(), key);
        QCOMPARE(json.contains(QLatin1String("user_name")), !desktop.userName.isEmpty());
        QCOMPARE(json.contains(QLatin1String("task_status")), !desktop.taskStatus.isEmpty());
        QVERIFY(json.value(QLatin1String("in_maintenance_mode")).isBool());
        QVERIFY(json.value(QLatin1String("enterprise_project_id")).isString());
        QVERIFY(WorkspaceJson::parseTimestamp(json.value(QLatin1String("created")).toString()).isValid());
        for (const QJsonValue &tag : json.value(QLatin1String("tags")).toArray())
            QCOMPARE(keysOf(tag.toObject()), (QSet<QString>{QStringLiteral("key"), QStringLiteral("value")}));
    }
    QCOMPARE(typesSeen, kDesktopTypes);
    QCOMPARE(loginSeen, kLoginStatuses);
}

void TestSimulatorFields::billingIsWhereTheServiceSendsIt()
{
    int withMetadata = 0;
    int contradicting = 0;
    for (const SimulatedDesktop &desktop : m_desktops) {
        const QJsonObject json = QJsonDocument::fromJson(desktop.compactJson()).object();
        QCOMPARE(json.value(QLatin1String("product")).toObject().value(QLatin1String("charge_mode")).toString(),
                 desktop.yearlyMonthly ? QStringLiteral("0") : QStringLiteral("1"));
        QCOMPARE(!json.value(QLatin1String("order_id")).toString().isEmpty(), desktop.yearlyMonthly);
        const QJsonValue charging = json.value(QLatin1String("metadata")).toObject().value(QLatin1String("charging_mode"));
        if (!charging.isUndefined()) {
            ++withMetadata;
            if (desktop.yearlyMonthly && charging.toString() == QLatin1String("0"))
                ++contradicting;
        }
        // The client reads the truth whatever metadata says.
        QCOMPARE(WorkspaceJson::desktopFromJson(json).billingMode,
                 desktop.yearlyMonthly ? BillingMode::YearlyMonthly : BillingMode::PayPerUse);
    }
    // metadata.charging_mode on some desktops only, sometimes contradicting (the published example).
    QVERIFY(withMetadata > 0 && withMetadata < m_desktops.size());
    QVERIFY(contradicting > 0);
}

void TestSimulatorFields::addressesComeInTheDocumentedShape()
{
    for (const bool asArray : {false, true}) {
        for (SimulatedDesktop desktop : m_desktops.mid(0, 50)) {
            desktop.addressesAsArray = asArray; // the published example's shape, an assumption
            desktop.refreshJson();
            const QJsonObject json = QJsonDocument::fromJson(desktop.compactJson()).object();
            const QJsonValue addresses = json.value(QLatin1String("addresses"));
            QCOMPARE(addresses.isArray(), asArray);
            const QJsonArray entries = asArray ? addresses.toArray()
                                               : addresses.toObject().value(desktop.subnetId).toArray();
            if (!asArray)
                QCOMPARE(addresses.toObject().keys(), QStringList{desktop.subnetId});
            QCOMPARE(entries.size(), 1);
            QCOMPARE(entries.first().toObject().value(QLatin1String("version")), QJsonValue(QStringLiteral("4")));
            QCOMPARE(entries.first().toObject().value(QLatin1String("addr")).toString(), desktop.ipAddress);
            // ip_addresses is sent as well; the client reads either shape on its own.
            QJsonObject withoutIps = json;
            withoutIps.remove(QLatin1String("ip_addresses"));
            QCOMPARE(WorkspaceJson::desktopFromJson(withoutIps).ipAddresses, QStringList{desktop.ipAddress});
        }
    }
}

void TestSimulatorFields::poolIdOnlyWhenAssumed()
{
    for (SimulatedDesktop desktop : m_desktops) {
        if (desktop.poolId.isEmpty())
            continue;
        QVERIFY(!QJsonDocument::fromJson(desktop.compactJson()).object().contains(QLatin1String("pool_id")));
        desktop.poolIdSent = true;
        desktop.refreshJson();
        const QJsonObject json = QJsonDocument::fromJson(desktop.compactJson()).object();
        QCOMPARE(json.value(QLatin1String("pool_id")).toString(), desktop.poolId);
        QCOMPARE(WorkspaceJson::desktopFromJson(json).poolId, desktop.poolId);
    }
}

void TestSimulatorFields::documentedFiltersApply_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<DesktopCheck>("expected");
    using Check = DesktopCheck;
    const SimulatedDesktop &pooled = *std::find_if(m_desktops.cbegin(), m_desktops.cend(), [](const SimulatedDesktop &d) {
        return d.desktopType == QLatin1String("POOLED");
    });
    const SimulatedDesktop &sample = m_desktops.at(1234);
    QTest::newRow("pool_id") << QStringLiteral("pool_id=") + pooled.poolId
                             << Check([id = pooled.poolId](const SimulatedDesktop &d) { return d.poolId == id; });
    QTest::newRow("enterprise_project_id") << QStringLiteral("enterprise_project_id=ep-fin")
                                           << Check([](const SimulatedDesktop &d) {
                                                  return d.enterpriseProjectId == QLatin1String("ep-fin");
                                              });
    QTest::newRow("availability_zone") << QStringLiteral("availability_zone=cn-north-4b")
                                       << Check([](const SimulatedDesktop &d) {
                                              return d.availabilityZone == QLatin1String("cn-north-4b");
                                          });
    QTest::newRow("image_id") << QStringLiteral("image_id=") + sample.imageId
                              << Check([id = sample.imageId](const SimulatedDesktop &d) { return d.imageId == id; });
    QTest::newRow("subnet_id") << QStringLiteral("subnet_id=") + sample.subnetId
                               << Check([id = sample.subnetId](const SimulatedDesktop &d) { return d.subnetId == id; });
    QTest::newRow("user_attached=true") << QStringLiteral("user_attached=true")
                                        << Check([](const SimulatedDesktop &d) { return !d.userName.isEmpty(); });
    QTest::newRow("user_attached=false") << QStringLiteral("user_attached=false")
                                         << Check([](const SimulatedDesktop &d) { return d.userName.isEmpty(); });
    QTest::newRow("in_maintenance_mode") << QStringLiteral("in_maintenance_mode=true")
                                         << Check([](const SimulatedDesktop &d) { return d.inMaintenanceMode; });
    QTest::newRow("charge_mode=0 yearly/monthly") << QStringLiteral("charge_mode=0")
                                                  << Check([](const SimulatedDesktop &d) { return d.yearlyMonthly; });
    QTest::newRow("charge_mode=1 pay-per-use") << QStringLiteral("charge_mode=1")
                                               << Check([](const SimulatedDesktop &d) { return !d.yearlyMonthly; });
    QTest::newRow("desktop_type SHARED") << QStringLiteral("desktop_type=SHARED")
                                         << Check([](const SimulatedDesktop &d) {
                                                return d.desktopType == QLatin1String("SHARED");
                                            });
    QTest::newRow("desktop_type POOLED") << QStringLiteral("desktop_type=POOLED")
                                         << Check([](const SimulatedDesktop &d) {
                                                return d.desktopType == QLatin1String("POOLED");
                                            });
}

void TestSimulatorFields::documentedFiltersApply()
{
    QFETCH(QString, query);
    QFETCH(DesktopCheck, expected);
    QString error;
    const auto filter = DesktopListFilter::parse(QUrlQuery(query), &error);
    QVERIFY2(filter, qPrintable(error));
    const QList<const SimulatedDesktop *> matching = filter->apply(m_desktops);
    const auto wanted = std::count_if(m_desktops.cbegin(), m_desktops.cend(), expected);
    QVERIFY(wanted > 0);
    QVERIFY(wanted < m_desktops.size()); // the filter is not a no-op
    QCOMPARE(matching.size(), wanted);
    for (const SimulatedDesktop *desktop : matching)
        QVERIFY(expected(*desktop));
}

void TestSimulatorFields::userNamesTakePrecedenceOverUserName()
{
    const QString first = m_desktops.at(0).userName.isEmpty() ? m_desktops.at(1).userName : m_desktops.at(0).userName;
    const QString other = std::find_if(m_desktops.cbegin(), m_desktops.cend(), [&](const SimulatedDesktop &d) {
                              return !d.userName.isEmpty() && d.userName != first;
                          })->userName;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("user_name"), other);
    query.addQueryItem(QStringLiteral("user_names"), first);
    QString error;
    const auto filter = DesktopListFilter::parse(query, &error);
    QVERIFY2(filter, qPrintable(error));
    const QList<const SimulatedDesktop *> matching = filter->apply(m_desktops);
    QVERIFY(!matching.isEmpty());
    for (const SimulatedDesktop *desktop : matching)
        QCOMPARE(desktop->userName, first);
}

void TestSimulatorFields::listedValuesAreCapped_data()
{
    QTest::addColumn<QString>("key");
    QTest::newRow("desktop_id") << QStringLiteral("desktop_id");
    QTest::newRow("user_names") << QStringLiteral("user_names");
}

void TestSimulatorFields::listedValuesAreCapped()
{
    QFETCH(QString, key);
    QUrlQuery query;
    for (int i = 0; i < 100; ++i)
        query.addQueryItem(key, QStringLiteral("value-%1").arg(i));
    QString error;
    QVERIFY2(DesktopListFilter::parse(query, &error), qPrintable(error));
    query.addQueryItem(key, QStringLiteral("one-too-many"));
    QVERIFY(!DesktopListFilter::parse(query, &error));
    QVERIFY2(error.contains(key) && error.contains(QLatin1String("100")), qPrintable(error));
}

void TestSimulatorFields::subJobsCarryOnlyDocumentedFields()
{
    QList<DeletionTarget> targets;
    for (int i = 0; i < 4; ++i)
        targets.append({QStringLiteral("d%1").arg(i), QStringLiteral("WKS-%1").arg(i), QStringLiteral("ann"),
                        QStringLiteral("10.0.0.%1").arg(i), QStringLiteral("p"), {}, {}});
    DeletionJob job(QStringLiteral("job-1"), targets, 100);
    QSignalSpy finished(&job, &DeletionJob::finished);
    job.start();
    QVERIFY(finished.wait(5000));
    const QJsonObject json = job.toJson();
    QCOMPARE(json.value(QLatin1String("job_type")).toString(), QStringLiteral("deleteDesktops"));
    int spaceSeparated = 0;
    for (const QJsonValue &value : json.value(QLatin1String("sub_jobs")).toArray()) {
        const QJsonObject subJob = value.toObject();
        const QSet<QString> undocumented = keysOf(subJob) - kSubJobFields;
        QVERIFY2(undocumented.isEmpty(), qPrintable(QStringList(undocumented.cbegin(), undocumented.cend()).join(u',')));
        QVERIFY((keysOf(subJob.value(QLatin1String("entities")).toObject()) - kEntityFields).isEmpty());
        QCOMPARE(subJob.value(QLatin1String("job_type")).toString(), QStringLiteral("deleteDesktops"));
        const QString begin = subJob.value(QLatin1String("begin_time")).toString();
        const QString end = subJob.value(QLatin1String("end_time")).toString();
        if (begin.contains(QLatin1Char(' '))) {
            ++spaceSeparated;
            QCOMPARE(begin.size(), 19); // yyyy-MM-dd HH:mm:ss, no zone
            QCOMPARE(end.size(), 19);
        }
        // Either form reads as the same UTC time the job keeps.
        QVERIFY(WorkspaceJson::parseTimestamp(begin).isValid());
        QVERIFY(WorkspaceJson::parseTimestamp(end) >= WorkspaceJson::parseTimestamp(begin));
        const SubJob parsed = WorkspaceJson::subJobFromJson(subJob);
        QCOMPARE(parsed.desktopName, subJob.value(QLatin1String("entities")).toObject().value(QLatin1String("desktop_name")).toString());
        QVERIFY(!parsed.desktopName.isEmpty());
    }
    QCOMPARE(spaceSeparated, 2);
}

QTEST_GUILESS_MAIN(TestSimulatorFields)
#include "tst_simulatorfields.moc"
