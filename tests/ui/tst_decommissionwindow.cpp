// The window's decommissioning views against the in-process simulator: usage statistics loaded
// after the listing (idle days, hours of use, "No data" for desktops too new to have any), the
// idle filter, a new period loading the statistics again, and the pools by name.

#include "widgetbyname.h"
#include "desktopfilterproxy.h"
#include "desktoploader.h"
#include "desktoptablemodel.h"
#include "mainwindow.h"
#include "simulatortestsupport.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kAccessKey = QStringLiteral("DECOMMISSIONWINDOWKEY");
const QString kSecretKey = QStringLiteral("decommission-window-secret");
constexpr int kWaitMs = 20000;
} // namespace

class TestDecommissionWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void usageFollowsTheListingAndThePeriod()
    {
        WorkspaceSimulator simulator(simulatorConfig(kAccessKey, kSecretKey, 120, 100));
        QVERIFY(simulator.listen());
        QTemporaryDir dir;
        MainWindow window;
        ResolvedConnection connection;
        connection.config = clientConfigFor(simulator);
        connection.credentials = {kAccessKey, kSecretKey, {}};
        connection.dataDir = dir.path();
        QSignalSpy usage(window.loader(), &DesktopLoader::usageLoaded);
        QSignalSpy pools(window.loader(), &DesktopLoader::poolsLoaded);
        window.connectTo(connection);
        QVERIFY(usage.wait(kWaitMs));
        QVERIFY(!usage.at(0).at(0).value<ApiError>().isError());
        QCOMPARE(simulator.requestCount("GET", QStringLiteral("metrics")) > 0, true);
        QTRY_VERIFY_WITH_TIMEOUT(!pools.isEmpty(), kWaitMs);
        QVERIFY(!pools.at(0).at(1).value<ApiError>().isError());
        QVERIFY(!window.loader()->pools().isEmpty());

        const DesktopTableModel *model = window.desktopModel();
        QCOMPARE(model->rowCount(), 120);
        int withData = 0;
        int maxIdle = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString idle = model->index(row, DesktopTableModel::IdleDaysColumn).data().toString();
            bool isNumber = false;
            const int days = idle.toInt(&isNumber);
            QVERIFY2(isNumber || idle == QLatin1String("No data"), qPrintable(idle));
            if (isNumber) {
                ++withData;
                maxIdle = std::max(maxIdle, days);
            }
        }
        QVERIFY(withData > 0);
        QVERIFY(maxIdle > 0);
        QVERIFY(byName<QLabel>(window, "usageLabel")->text().contains(QLatin1String("30")));

        // "Idle at least" hides the less idle and those without data.
        auto *idleFilter = byName<QSpinBox>(window, "idleFilter");
        idleFilter->setValue(maxIdle);
        QVERIFY(window.filterProxy()->rowCount() >= 1);
        QVERIFY(window.filterProxy()->rowCount() < withData + 1);
        idleFilter->setValue(0);
        QCOMPARE(window.filterProxy()->rowCount(), 120);

        // Another period loads the statistics again.
        const int requestsBefore = simulator.requestCount("GET", QStringLiteral("metrics"));
        auto *period = byName<QComboBox>(window, "usagePeriod");
        period->setCurrentIndex(period->findData(180));
        QVERIFY(usage.wait(kWaitMs));
        QVERIFY(simulator.requestCount("GET", QStringLiteral("metrics")) > requestsBefore);
        QVERIFY(byName<QLabel>(window, "usageLabel")->text().contains(QLatin1String("180")));
    }
};

QTEST_MAIN(TestDecommissionWindow)
#include "tst_decommissionwindow.moc"
