// Retire and Restore from the window against the in-process simulator: two desktops retired
// through the confirmation (grace period and message chosen there) end tagged with this app's
// dates, in maintenance and stopped, other tags untouched, every step audited; one of them
// restored ends untagged, out of maintenance and running, and the window says it was restored. A
// retirement a killed app left half-way is named, desktop by desktop, when the window connects.

#include "mnemonics.h"
#include "changeactiondialog.h"
#include "desktoptablemodel.h"
#include "mainwindow.h"
#include "desktoploader.h"
#include "retirementtesttags.h"
#include "simulatortestsupport.h"
#include "widgetbyname.h"
#include "windowsimulatorsupport.h"

#include "decommission/retirementstate.h"
#include "deletion/auditlog.h"

#include <QLayout>
#include <QSet>
#include <QAction>
#include <QDateTime>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

namespace {
const QString kAccessKey = QStringLiteral("RETIREWINDOWKEY");
const QString kSecretKey = QStringLiteral("retire-window-secret");
constexpr int kWaitMs = 20000;

ChangeActionDialog* openQuestion(const MainWindow& window)
{
    ChangeActionDialog* box = nullptr;
    const bool opened = QTest::qWaitFor(
        [&] {
            box = window.findChild<ChangeActionDialog*>(QStringLiteral("decommissionQuestion"));
            return box != nullptr && box->isVisible();
        },
        kWaitMs);
    return opened ? box : nullptr;
}

} // namespace

class TestRetireWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void retireTwoThenRestoreOne()
    {
        WorkspaceSimulator simulator(simulatorConfig(kAccessKey, kSecretKey, 30, 100));
        QVERIFY(simulator.listen());
        QTemporaryDir dir;
        MainWindow window;
        auto* retire = byName<QAction>(window, "retireAction");
        auto* restore = byName<QAction>(window, "restoreAction");
        QVERIFY(!retire->isEnabled() && !restore->isEnabled());
        QSignalSpy loaded(&window, &MainWindow::desktopsLoaded);
        window.connectTo(simulatorConnection(simulator, dir.path()));
        QVERIFY(loaded.wait(kWaitMs));

        const DesktopTableModel* model = window.desktopModel();
        QList<Desktop> chosen;
        for (int row = 0; row < model->rowCount() && chosen.size() < 2; ++row) {
            const Desktop desktop = model->desktopAt(row);
            if (desktop.status == QLatin1String("ACTIVE") && !desktop.isBeingDeleted()
                && !desktop.inMaintenanceMode && desktop.tags.size() <= 18
                && desktop.billingMode != BillingMode::YearlyMonthly
                && !Retirement::stateOf(desktop.tags).isRetiring())
                chosen.append(desktop);
        }
        QCOMPARE(chosen.size(), 2);
        const QStringList ids { chosen.at(0).id, chosen.at(1).id };
        QCOMPARE(window.selectDesktopIds(ids), 2);
        // Neither is retiring: Restore would leave both out.
        QTRY_VERIFY(retire->isEnabled() && !restore->isEnabled());

        // Retire: the confirmation asks for the grace period and the message, and its dates and
        // requests follow them.
        retire->trigger();
        ChangeActionDialog* question = openQuestion(window);
        QVERIFY(question);
        QCOMPARE(question->review().kind(), ReviewedChange::Retire);
        // Nothing of the dialog's own lies outside its layout, over the heading.
        for (QWidget* child : question->findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly))
            QVERIFY2(!child->isVisible() || question->layout()->indexOf(child) >= 0,
                qPrintable(QString::fromLatin1(child->metaObject()->className())));
        // Every key reaches its own field or button, the requests shown or not (Alt+R retires).
        for (int shown = 0; shown < 2; ++shown) {
            const QStringList keys = mnemonicKeysOf(*question);
            QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()).size(), keys.size());
            question->previewButton()->click();
        }
        QCOMPARE(question->desktopList()->model()->rowCount(), 2);
        QSpinBox* days = question->graceDaysBox();
        QLineEdit* message = question->messageEdit();
        QVERIFY(days && message);
        QCOMPARE(days->value(), 30);
        days->setValue(14);
        const QDate today = QDateTime::currentDateTimeUtc().date();
        const QString due = Retirement::dayText(today.addDays(14));
        QVERIFY2(question->headingText().contains(due), qPrintable(question->headingText()));
        message->setText(QString(300, QLatin1Char('x')));
        // No more than the service takes (255 UTF-16 units).
        QCOMPARE(message->text().size(), 255);
        QVERIFY(byName<QLabel>(*question, "retirementMessageNote")->text().startsWith(u'0'));
        days->setValue(0);
        QVERIFY(question->warningsText().contains(QStringLiteral("due at once")));
        days->setValue(14);
        message->setText(QStringLiteral("This desktop is retired; ask IT to bring it back."));
        QVERIFY(question->confirmButton()->isEnabled());
        QVERIFY(question->previewText().contains(QStringLiteral("ask IT to bring it back")));
        QVERIFY(question->previewText().contains(due));
        question->confirmButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(retire->isEnabled(), kWaitMs);
        // The table is listed again after the run.
        QTRY_VERIFY_WITH_TIMEOUT(
            model->desktopAt(model->rowOf(ids.at(1))).status == QLatin1String("SHUTOFF"), kWaitMs);
        QVERIFY(!window.findChild<QMessageBox*>(QStringLiteral("retirementResultBox")));

        for (const Desktop& before : std::as_const(chosen)) {
            const Desktop after = model->desktopAt(model->rowOf(before.id));
            QVERIFY(after.inMaintenanceMode);
            QCOMPARE(after.status, QStringLiteral("SHUTOFF"));
            QCOMPARE(tagValue(after, Retirement::retiredOnKey()), Retirement::dayText(today));
            QCOMPARE(tagValue(after, Retirement::retireAfterKey()), due);
            QCOMPARE(othersOf(after.tags), before.tags);
        }
        QCOMPARE(simulator.requestCount("POST", QStringLiteral("desktops/logoff")), 1);
        QCOMPARE(simulator.requestCount("POST", QStringLiteral("desktops/batch-tags")), 1);

        // Restore one: the other stays retiring.
        QCOMPARE(window.selectDesktopIds({ ids.at(0) }), 1);
        QTRY_VERIFY(restore->isEnabled());
        restore->trigger();
        question = openQuestion(window);
        QVERIFY(question);
        QCOMPARE(question->review().kind(), ReviewedChange::Restore);
        QVERIFY(!question->graceDaysBox());
        // The desktop with the date it was to be deleted after.
        QCOMPARE(question->desktopList()->model()->index(0, 5).data().toString(), due);
        question->confirmButton()->click();
        QMessageBox* note = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (note = window.findChild<QMessageBox*>(QStringLiteral("retirementResultBox")))
                != nullptr,
            kWaitMs);
        QVERIFY2(note->text().contains(QStringLiteral("restored")), qPrintable(note->text()));
        // Carried through: no desktop left half-way.
        QVERIFY2(note->icon() == QMessageBox::Information,
                 qPrintable(note->text() + u'\n' + note->informativeText() + u'\n' + note->detailedText()));
        note->close();
        // The table is listed again after the run: the desktop shows its new state.
        QTRY_VERIFY2_WITH_TIMEOUT(!model->desktopAt(model->rowOf(ids.at(0))).inMaintenanceMode,
                                  qPrintable(QStringLiteral("listings %1, loading %2")
                                                 .arg(simulator.requestCount("GET", QStringLiteral("desktops/detail")))
                                                 .arg(window.loader()->isLoading())),
                                  kWaitMs);
        const Desktop restored = model->desktopAt(model->rowOf(ids.at(0)));
        QCOMPARE(restored.status, QStringLiteral("ACTIVE"));
        QVERIFY(!Retirement::stateOf(restored.tags).isRetiring());
        QCOMPARE(restored.tags, chosen.at(0).tags);
        const Desktop stillRetiring = model->desktopAt(model->rowOf(ids.at(1)));
        QVERIFY(Retirement::stateOf(stillRetiring.tags).isRetiring());

        // Every step of both runs is on record, intent and outcome.
        QStringList kinds;
        for (const QJsonObject& entry :
            AuditLog::readEntries(dir.filePath(QStringLiteral("audit.jsonl")))) {
            if (entry.value(QStringLiteral("event")).toString() == QLatin1String("done"))
                kinds.append(entry.value(QStringLiteral("kind")).toString());
        }
        QCOMPARE(kinds,
            QStringList({ QStringLiteral("maintenance_on"), QStringLiteral("logoff"),
                QStringLiteral("tags_add"), QStringLiteral("power_stop"),
                QStringLiteral("maintenance_off"), QStringLiteral("power_start"),
                QStringLiteral("tags_remove") }));
    }

    void interruptedRetirementIsNamedAtConnect()
    {
        // The record a killed app left: desk-a put in maintenance and tagged, its stop never sent.
        WorkspaceSimulator simulator(simulatorConfig(kAccessKey, kSecretKey, 5, 100));
        QVERIFY(simulator.listen());
        QTemporaryDir dir;
        const QString project = clientConfigFor(simulator).projectId;
        QFile audit(AuditLog::defaultFilePath(dir.path()));
        QVERIFY(audit.open(QIODevice::WriteOnly));
        const QString host = QSysInfo::machineHostName();
        const QString lines = QStringLiteral(
            R"({"event":"retirement_started","kind":"retire","run_id":"r1","project_id":"%1","targets":[{"id":"desk-a","name":"pc-a"}],"process_id":0,"host":"%2","time":"2026-12-01T10:00:00.000Z","schema":2}
{"event":"intent","kind":"maintenance_on","run_id":"m1","chunk":0,"project_id":"%1","targets":[{"id":"desk-a","name":"pc-a"}],"process_id":0,"host":"%2","time":"2026-12-01T10:00:01.000Z","schema":2}
{"event":"done","kind":"maintenance_on","run_id":"m1","chunk":0,"time":"2026-12-01T10:00:02.000Z","schema":2}
{"event":"intent","kind":"tags_add","run_id":"t1","chunk":0,"project_id":"%1","targets":[{"id":"desk-a","name":"pc-a"}],"process_id":0,"host":"%2","time":"2026-12-01T10:00:03.000Z","schema":2}
{"event":"done","kind":"tags_add","run_id":"t1","chunk":0,"time":"2026-12-01T10:00:04.000Z","schema":2}
)")
                                  .arg(project, host);
        audit.write(lines.toUtf8());
        audit.close();

        MainWindow window;
        window.connectTo(simulatorConnection(simulator, dir.path()));
        QMessageBox* box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (box = window.findChild<QMessageBox*>(QStringLiteral("retirementSettlementBox")))
                != nullptr,
            kWaitMs);
        QVERIFY2(
            box->text().contains(QStringLiteral("pc-a: in maintenance and tagged, not stopped.")),
            qPrintable(box->text()));
        QCOMPARE(AuditLog::readEntries(audit.fileName())
                     .last()
                     .value(QStringLiteral("event"))
                     .toString(),
            QStringLiteral("retirement_settled"));
    }
};

QTEST_MAIN(TestRetireWindow)
#include "tst_retirewindow.moc"
