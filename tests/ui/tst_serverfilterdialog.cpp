#include "serverfilterdialog.h"

#include <QComboBox>
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
};

QTEST_MAIN(TestServerFilterDialog)
#include "tst_serverfilterdialog.moc"
