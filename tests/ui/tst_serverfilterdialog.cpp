#include "serverfilterdialog.h"

#include <QComboBox>
#include <QPushButton>
#include <QTest>

class TestServerFilterDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Statuses are listed by name, as in the table, and sent to the server as the API's values.
    void statusListedByNameAndQueriedByApiValue()
    {
        DesktopQuery query;
        query.status = QStringLiteral("SHUTOFF");
        ServerFilterDialog dialog(query);
        auto *status = dialog.findChild<QComboBox *>(QStringLiteral("serverStatusFilter"));
        QVERIFY(status);
        QCOMPARE(status->currentText(), QStringLiteral("Shut off"));
        QCOMPARE(dialog.query().status, QStringLiteral("SHUTOFF"));
        status->setCurrentIndex(status->findText(QStringLiteral("Hibernated")));
        QCOMPARE(dialog.query().status, QStringLiteral("HIBERNATED"));
        status->setCurrentIndex(0);
        QVERIFY(dialog.query().status.isEmpty());
    }

    void maintenanceModeIsAServerFilter()
    {
        DesktopQuery query;
        query.inMaintenanceMode = false;
        ServerFilterDialog dialog(query);
        auto *maintenance = dialog.findChild<QComboBox *>(QStringLiteral("serverMaintenanceFilter"));
        QVERIFY(maintenance);
        QCOMPARE(dialog.query().inMaintenanceMode, std::optional<bool>(false));
        QCOMPARE(ServerFilterDialog::describe(dialog.query()), QStringLiteral("not in maintenance"));
        maintenance->setCurrentIndex(maintenance->findData(true));
        QCOMPARE(dialog.query().inMaintenanceMode, std::optional<bool>(true));
        dialog.clearButton()->click();
        QCOMPARE(dialog.query().inMaintenanceMode, std::nullopt);
        QVERIFY(ServerFilterDialog::describe(dialog.query()).isEmpty());
    }
};

QTEST_MAIN(TestServerFilterDialog)
#include "tst_serverfilterdialog.moc"
