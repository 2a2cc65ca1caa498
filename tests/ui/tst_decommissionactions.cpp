#include "decommissionactions.h"
#include "desktoploader.h"
#include "desktopspage.h"
#include "desktoptablemodel.h"

#include "decommission/retirementstate.h"

#include <QAction>
#include <QMainWindow>
#include <QStatusBar>
#include <QTest>

// End Maintenance and Restore Retiring Desktops are offered only for a selection they could apply
// to (a desktop in maintenance mode; a retiring one), their tool tips saying why not otherwise;
// the other decommissioning actions apply to any selection.
class TestDecommissionActions : public QObject {
    Q_OBJECT

private:
    static Desktop desktop(const QString& id)
    {
        Desktop desktop;
        desktop.id = id;
        desktop.computerName = id.toUpper();
        desktop.status = QStringLiteral("ACTIVE");
        return desktop;
    }

    QAction* action(const char* name) const
    {
        return m_window->findChild<QAction*>(QLatin1String(name));
    }

    // Selects these desktops and updates the actions as the window does after a selection.
    void select(const QStringList& ids)
    {
        m_page->selectDesktopIds(ids);
        m_page->updateCounts();
        m_actions->update(!ids.isEmpty());
    }

    std::unique_ptr<QMainWindow> m_window;
    DesktopTableModel* m_model = nullptr;
    DesktopsPage* m_page = nullptr;
    DecommissionActions* m_actions = nullptr;
    QString m_endTip;
    QString m_restoreTip;

private Q_SLOTS:
    void init()
    {
        m_window = std::make_unique<QMainWindow>();
        m_model = new DesktopTableModel(m_window.get());
        auto* loader = new DesktopLoader(m_model, m_window.get());
        m_page = new DesktopsPage(m_model, loader, m_window.get());
        m_window->setCentralWidget(m_page);
        m_actions = new DecommissionActions(m_page, m_window->statusBar(), m_window.get());
        Desktop inMaintenance = desktop(QStringLiteral("in-maintenance"));
        inMaintenance.inMaintenanceMode = true;
        Desktop retiring = desktop(QStringLiteral("retiring"));
        for (const DesktopTag& tag : Retirement::retirementTags(QDate(2026, 12, 1), 30))
            retiring.tags.append({ tag.key, tag.value });
        m_model->upsertDesktops({ desktop(QStringLiteral("plain")), inMaintenance, retiring });
        m_endTip = action("endMaintenanceAction")->toolTip();
        m_restoreTip = action("restoreAction")->toolTip();
    }

    void cleanup() { m_window.reset(); }

    void notOfferedForDesktopsTheyCannotApplyTo()
    {
        select({ QStringLiteral("plain") });
        for (const char* name : { "startMaintenanceAction", "logoffAction", "retireAction" })
            QVERIFY2(action(name)->isEnabled(), name);
        QAction* end = action("endMaintenanceAction");
        QAction* restore = action("restoreAction");
        QVERIFY(!end->isEnabled());
        QCOMPARE(end->toolTip(),
            QStringLiteral("None of the selected desktops is in maintenance mode."));
        QCOMPARE(end->statusTip(), end->toolTip());
        QVERIFY(!restore->isEnabled());
        QVERIFY2(restore->toolTip().startsWith(
                     QLatin1String("None of the selected desktops is retiring")),
            qPrintable(restore->toolTip()));
    }

    void offeredWhenOneSelectedDesktopApplies()
    {
        QAction* end = action("endMaintenanceAction");
        QAction* restore = action("restoreAction");
        select({ QStringLiteral("plain"), QStringLiteral("in-maintenance") });
        QVERIFY(end->isEnabled());
        QCOMPARE(end->toolTip(), m_endTip);
        QVERIFY(!restore->isEnabled());
        select({ QStringLiteral("plain"), QStringLiteral("retiring") });
        QVERIFY(!end->isEnabled());
        QVERIFY(restore->isEnabled());
        QCOMPARE(restore->toolTip(), m_restoreTip);
        QCOMPARE(restore->statusTip(), m_restoreTip);
    }

    void withoutSelectionTheToolTipsStayTheirOwn()
    {
        select({});
        QVERIFY(!action("endMaintenanceAction")->isEnabled());
        QCOMPARE(action("endMaintenanceAction")->toolTip(), m_endTip);
        QCOMPARE(action("restoreAction")->toolTip(), m_restoreTip);
    }

    void aListingThatChangesTheSelectedDesktopsChangesTheOffer()
    {
        select({ QStringLiteral("plain") });
        QVERIFY(!action("endMaintenanceAction")->isEnabled());
        Desktop nowInMaintenance = desktop(QStringLiteral("plain"));
        nowInMaintenance.inMaintenanceMode = true;
        m_model->upsertDesktops({ nowInMaintenance });
        m_page->updateCounts(); // as the window does when a listing ends
        m_actions->update(true);
        QVERIFY(action("endMaintenanceAction")->isEnabled());
    }
};

QTEST_MAIN(TestDecommissionActions)
#include "tst_decommissionactions.moc"
