// What a new administrator met in the window, mouse or keyboard, English or Chinese: Tab out of
// the table, Ctrl+J into the Jobs panel, mnemonics and shortcuts that do not clash, the columns that
// decide a decommissioning on screen and their titles whole, the details of a desktop, an empty
// table that says why, the welcome page's actions, the idle filter's plural, the usage error's
// details and the user guide inside the app.
#include "widgetbyname.h"
#include "applanguage.h"
#include "desktopdetailsdialog.h"
#include "desktopfilterproxy.h"
#include "desktoptablemodel.h"
#include "fakedesktopnetwork.h"
#include "jobspanel.h"
#include "mainwindow.h"
#include "userguidedialog.h"
#include "welcomepage.h"

#include <QAction>
#include <QComboBox>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

class TestNewAdministrator : public QObject
{
    Q_OBJECT
private:
    static ResolvedConnection connection()
    {
        ResolvedConnection connection;
        connection.config.endpoint = QUrl(QStringLiteral("http://127.0.0.1:9"));
        connection.config.projectId = QStringLiteral("0123project");
        connection.config.retry.maxAttempts = 1;
        connection.credentials = {QStringLiteral("AK"), QStringLiteral("SK"), {}};
        connection.dataDir = QDir::temp().filePath(QStringLiteral("tst_newadministrator"));
        return connection;
    }

    static bool load(MainWindow &window, FakeDesktopNetwork &network, int count, const QString &dataDir = QString())
    {
        for (int i = 0; i < count; ++i) {
            QJsonObject desktop = FakeDesktopNetwork::desktop(QStringLiteral("id-%1").arg(i, 3, 10, QLatin1Char('0')),
                                                              QStringLiteral("desk-%1").arg(i), QStringLiteral("ACTIVE"),
                                                              QStringLiteral("user%1").arg(i));
            desktop.insert(QStringLiteral("desktop_type"), QStringLiteral("DEDICATED"));
            desktop.insert(QStringLiteral("in_maintenance_mode"), i == 0);
            network.desktops.append(desktop);
        }
        window.setNetworkAccessManager(&network);
        QSignalSpy loaded(&window, &MainWindow::desktopsLoaded);
        ResolvedConnection to = connection();
        if (!dataDir.isEmpty())
            to.dataDir = dataDir;
        window.connectTo(to);
        return loaded.wait(5000);
    }

    static bool showActive(MainWindow &window)
    {
        window.show();
        window.activateWindow();
        return QTest::qWaitForWindowActive(&window);
    }

    // The letter after '&' in a text, lower case; none for "&&" or no mnemonic.
    static QChar mnemonic(const QString &text)
    {
        for (qsizetype i = 0; i + 1 < text.size(); ++i) {
            if (text.at(i) == QLatin1Char('&')) {
                if (text.at(i + 1) == QLatin1Char('&')) {
                    ++i;
                    continue;
                }
                return text.at(i + 1).toLower();
            }
        }
        return {};
    }

    AppLanguage m_language;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_language.install(QLocale(QLocale::English, QLocale::UnitedStates)));
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("WorkspaceAdminTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_newadministrator"));
    }

    void init()
    {
        QSettings().remove(QStringLiteral("MainWindow"));
        QVERIFY(m_language.install(QLocale(QLocale::English, QLocale::UnitedStates)));
    }

    void tabLeavesTheTable()
    {
        FakeDesktopNetwork network;
        MainWindow window;
        QVERIFY(load(window, network, 5));
        QVERIFY(showActive(window));
        auto *view = byName<QTableView>(window, "desktopTable");
        view->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(view->hasFocus());
        const QModelIndex current = view->currentIndex();
        QTest::keyClick(view, Qt::Key_Tab);
        QVERIFY(!view->hasFocus());
        QCOMPARE(view->currentIndex(), current); // Tab did not walk the cells
        QVERIFY(!view->tabKeyNavigation());
    }

    void ctrlJGoesIntoTheJobsPanelAndBack()
    {
        FakeDesktopNetwork network;
        MainWindow window;
        QVERIFY(load(window, network, 5));
        QVERIFY(showActive(window));
        auto *view = byName<QTableView>(window, "desktopTable");
        view->setFocus();
        QTRY_VERIFY(view->hasFocus());
        auto *panel = byName<JobsPanel>(window, "jobsPanel");
        QVERIFY(!panel->isVisible());
        QTest::keyClick(&window, Qt::Key_J, Qt::ControlModifier);
        QTRY_VERIFY(panel->isVisible());
        QTRY_VERIFY(panel->treeView()->hasFocus());
        QTest::keyClick(&window, Qt::Key_J, Qt::ControlModifier);
        QTRY_VERIFY(view->hasFocus());
        QVERIFY(panel->isVisible()); // the panel stays: the menu's Jobs Panel hides it
    }

    void welcomePageAndMenuMnemonicsDoNotClash()
    {
        MainWindow window;
        window.showWelcome();
        QList<QChar> letters;
        for (QAction *menu : window.menuBar()->actions())
            letters.append(mnemonic(menu->text()));
        auto *welcome = window.findChild<WelcomePage *>();
        QVERIFY(welcome);
        for (QPushButton *button : welcome->findChildren<QPushButton *>())
            letters.append(mnemonic(button->text()));
        for (QLabel *label : welcome->findChildren<QLabel *>())
            letters.append(mnemonic(label->text()));
        letters.removeAll(QChar());
        QSet<QChar> unique(letters.cbegin(), letters.cend());
        QCOMPARE(unique.size(), letters.size());
    }

    void decommissioningHasShortcutsThatClashWithNothing()
    {
        MainWindow window;
        QHash<QKeySequence, QString> seen;
        for (QAction *action : window.findChildren<QAction *>()) {
            for (const QKeySequence &shortcut : action->shortcuts()) {
                const QString other = seen.value(shortcut);
                QVERIFY2(other.isEmpty() || other == action->text(),
                         qPrintable(shortcut.toString() + QLatin1String(": ") + other + QLatin1String(" / ")
                                    + action->text()));
                seen.insert(shortcut, action->text());
            }
        }
        for (const char *name : {"startMaintenanceAction", "endMaintenanceAction", "logoffAction"})
            QVERIFY2(!byName<QAction>(window, name)->shortcut().isEmpty(), name);
    }

    // The columns that decide a decommissioning are on screen in a window 1280 px wide, with the
    // user and the pool from 1600 px, and every column's title is whole, in English and in Chinese.
    void decisiveColumnsAreOnScreenWithWholeTitles_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("width");
        QTest::newRow("en 1600") << QStringLiteral("en_US") << 1600;
        QTest::newRow("en 1280") << QStringLiteral("en_US") << 1280;
        QTest::newRow("zh_CN 1600") << QStringLiteral("zh_CN") << 1600;
        QTest::newRow("zh_CN 1280") << QStringLiteral("zh_CN") << 1280;
    }

    void decisiveColumnsAreOnScreenWithWholeTitles()
    {
        QFETCH(QString, language);
        QFETCH(int, width);
        QVERIFY(m_language.install(QLocale(language)));
        FakeDesktopNetwork network;
        MainWindow window;
        QVERIFY(load(window, network, 3));
        window.resize(width, 900);
        QVERIFY(showActive(window));
        auto *view = byName<QTableView>(window, "desktopTable");
        const QHeaderView *header = view->horizontalHeader();
        QList<int> decisive{DesktopTableModel::NameColumn,        DesktopTableModel::IdColumn,
                            DesktopTableModel::StatusColumn,      DesktopTableModel::LoginStatusColumn,
                            DesktopTableModel::IdleDaysColumn,    DesktopTableModel::UsedHoursColumn,
                            DesktopTableModel::MaintenanceColumn, DesktopTableModel::RetireAfterColumn,
                            DesktopTableModel::DaysLeftColumn};
        // Who uses the desktop and its pool as well, given the room.
        if (width >= 1600)
            decisive << DesktopTableModel::UserColumn << DesktopTableModel::PoolColumn;
        for (int column : decisive) {
            const int right = header->sectionViewportPosition(column) + header->sectionSize(column);
            QVERIFY2(right <= view->viewport()->width(),
                     qPrintable(QStringLiteral("column %1 ends at %2 of %3").arg(column).arg(right).arg(view->viewport()->width())));
        }
        for (int column = 0; column < header->count(); ++column) {
            if (header->isSectionHidden(column) || column == header->logicalIndex(header->count() - 1))
                continue;
            const QString title = window.desktopModel()->headerData(column, Qt::Horizontal).toString();
            const int needed = header->fontMetrics().horizontalAdvance(title);
            QVERIFY2(header->sectionSize(column) >= needed + 12,
                     qPrintable(QStringLiteral("%1: %2 < %3").arg(title).arg(header->sectionSize(column)).arg(needed)));
        }
        // A status with its operation under way is read whole, as the deletion dialog says it.
        QVERIFY(header->sectionSize(DesktopTableModel::StatusColumn)
                >= view->fontMetrics().horizontalAdvance(DesktopTableModel::tr("%1 (%2)", "desktop status (task status)")
                                                              .arg(DesktopTableModel::statusDisplayName(QStringLiteral("STOPPING")),
                                                                   DesktopTableModel::statusDisplayName(QStringLiteral("powering-off")))));
    }

    void detailsShowWhatDecidesADecommissioning()
    {
        FakeDesktopNetwork network;
        MainWindow window;
        QVERIFY(load(window, network, 3));
        window.selectDesktopIds({QStringLiteral("id-000")});
        QTRY_VERIFY(byName<QAction>(window, "detailsAction")->isEnabled());
        byName<QAction>(window, "detailsAction")->trigger();
        auto *dialog = window.findChild<DesktopDetailsDialog *>();
        QVERIFY(dialog);
        QCOMPARE(dialog->fieldText(DesktopDetailsDialog::tr("Type:")), QStringLiteral("Dedicated (DEDICATED)"));
        QVERIFY(dialog->fieldText(DesktopDetailsDialog::tr("In maintenance:")).startsWith(QStringLiteral("Yes")));
        for (const QString &label : {DesktopDetailsDialog::tr("Pool:"), DesktopDetailsDialog::tr("Idle (days):"),
                                     DesktopDetailsDialog::tr("Used (hours):")})
            QVERIFY2(!dialog->fieldText(label).isEmpty(), qPrintable(label));
        dialog->close();
    }

    void anEmptyTableSaysWhy()
    {
        FakeDesktopNetwork network;
        MainWindow window;
        QVERIFY(load(window, network, 3));
        QVERIFY(window.emptyTableText().isEmpty());
        byName<QLineEdit>(window, "searchField")->setText(QStringLiteral("nothing-matches-this"));
        QTRY_COMPARE(window.emptyTableText(), MainWindow::tr("No desktops match the search and the filters."));
        byName<QLineEdit>(window, "searchField")->clear();
        QTRY_VERIFY(window.emptyTableText().isEmpty());
    }

    void theWelcomePageOffersNothingThatNeedsDesktops()
    {
        MainWindow window;
        window.showWelcome();
        for (const char *name : {"selectAllAction", "exportShownAction", "selectByIdsAction", "findAction"})
            QVERIFY2(!byName<QAction>(window, name)->isEnabled(), name);
    }

    void idleFilterCountsItsDays()
    {
        MainWindow window;
        auto *idle = byName<QSpinBox>(window, "idleFilter");
        // One text with the count in it, which the catalogue gives its plural forms ("1 day").
        const auto text = [](int days) { return MainWindow::tr("Idle ≥ %Ln day(s)", "idle filter: at least N days", days); };
        idle->setValue(1);
        QCOMPARE(idle->text(), text(1));
        idle->setValue(30);
        QCOMPARE(idle->text(), text(30));
        QVERIFY(text(30).contains(QStringLiteral("30")));
        idle->setValue(0);
        QCOMPARE(idle->text(), MainWindow::tr("Any idle time"));
    }

    void idleFilterStopsAtTheUsagePeriod()
    {
        // No desktop is idle longer than the period: a larger minimum would show nothing.
        MainWindow window;
        auto *idle = byName<QSpinBox>(window, "idleFilter");
        auto *period = byName<QComboBox>(window, "usagePeriod");
        QCOMPARE(idle->maximum(), period->currentData().toInt());
        idle->setValue(90);
        QCOMPARE(idle->value(), period->currentData().toInt());
        period->setCurrentIndex(period->findData(180));
        QCOMPARE(idle->maximum(), 180);
        idle->setValue(90);
        QCOMPARE(idle->value(), 90);
        // A shorter period brings a larger minimum down to it.
        period->setCurrentIndex(period->findData(7));
        QCOMPARE(idle->maximum(), 7);
        QCOMPARE(idle->value(), 7);
    }

    void theUsageErrorCanBeReadWhole()
    {
        FakeDesktopNetwork network;
        MainWindow window;
        QVERIFY(load(window, network, 3));
        // The fake network knows no usage statistics: their load fails.
        QTRY_VERIFY(window.usageText().contains(MainWindow::tr("Details…")));
        auto *usage = byName<QLabel>(window, "usageLabel");
        Q_EMIT usage->linkActivated(QStringLiteral("details"));
        auto *box = window.findChild<QMessageBox *>(QStringLiteral("usageErrorBox"));
        QVERIFY(box);
        QVERIFY(box->text().startsWith(MainWindow::tr("Usage statistics not loaded: %1").section(QLatin1Char(':'), 0, 0)));
        box->close();
    }

    // After a restart the Jobs panel lists this session's deletions; it does not pretend there
    // never were any.
    void theJobsPanelPointsToEarlierDeletions()
    {
        QTemporaryDir dir;
        QFile audit(dir.filePath(QStringLiteral("audit.jsonl")));
        QVERIFY(audit.open(QIODevice::WriteOnly));
        audit.write(R"({"time":"2026-01-01T00:00:00.000Z","event":"job_gave_up","job_id":"job-1","reason":"r"})" "\n");
        audit.close();
        FakeDesktopNetwork network;
        MainWindow window;
        QVERIFY(load(window, network, 1, dir.path()));
        const QString summary = byName<JobsPanel>(window, "jobsPanel")->summaryText();
        QVERIFY2(summary.contains(QDir::toNativeSeparators(audit.fileName())), qPrintable(summary));
        QVERIFY(byName<JobsPanel>(window, "jobsPanel")->noticeText().isEmpty());
    }

    void theUserGuideOpensInsideTheApp()
    {
        MainWindow window;
        window.openUserGuide();
        auto *dialog = window.findChild<UserGuideDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->browser()->toPlainText().contains(QStringLiteral("User guide")));
        // Pictures are left out rather than shown broken.
        QVERIFY(!dialog->browser()->toMarkdown().contains(QStringLiteral("](docs/screenshots")));
        window.openUserGuide(); // raised, not opened twice
        QCOMPARE(window.findChildren<UserGuideDialog *>().size(), 1);
        dialog->close();
    }

    void theBuiltInGuideServesWithoutAnInstalledOne()
    {
        QTemporaryDir dir;
        const QString markdown = UserGuideDialog::guideMarkdown({dir.filePath(QStringLiteral("missing.md"))});
        QVERIFY(markdown.startsWith(QStringLiteral("## User guide")));
        QVERIFY(!markdown.contains(QStringLiteral("![")));
    }
};

QTEST_MAIN(TestNewAdministrator)
#include "tst_newadministrator.moc"
