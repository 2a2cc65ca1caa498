// The window at the keyboard and on first use: the status bar's counts beside its messages, the
// tab order and a visible current row, Escape in the search field, Details only for a selection,
// Select by IDs (tabs, separators, adding), the server-side filter shown and cleared, the
// transitional statuses, the id column, the title, exports for machines, the desktops left out of
// a deletion and the welcome page's profiles.
#include "widgetbyname.h"
#include "applanguage.h"
#include "deletioncontroller.h"
#include "deletiondialog.h"
#include "desktopfilterproxy.h"
#include "desktoploader.h"
#include "desktoptablemodel.h"
#include "failureexplanation.h"
#include "fakedesktopnetwork.h"
#include "mnemonics.h"
#include "mainwindow.h"
#include "profiledialog.h"
#include "selectbyidsdialog.h"
#include "serverfilterdialog.h"
#include "welcomepage.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QSpinBox>
#include <QTest>
#include <QTreeView>

class TestWindowPolish : public QObject
{
    Q_OBJECT
private:
    static ResolvedConnection connection(const QString &endpoint = QStringLiteral("http://127.0.0.1:9"))
    {
        ResolvedConnection connection;
        connection.config.endpoint = QUrl(endpoint);
        connection.config.projectId = QStringLiteral("0123project");
        connection.config.retry.maxAttempts = 1;
        connection.credentials = {QStringLiteral("AK"), QStringLiteral("SK"), {}};
        connection.protectedTags = {QStringLiteral("protected=true")};
        return connection;
    }

    static void fill(FakeDesktopNetwork &network, int count)
    {
        for (int i = 0; i < count; ++i) {
            network.desktops.append(FakeDesktopNetwork::desktop(
                QStringLiteral("id-%1").arg(i, 3, 10, QLatin1Char('0')), QStringLiteral("desk-%1").arg(i),
                QStringLiteral("ACTIVE"), QStringLiteral("user%1").arg(i), QStringLiteral("10.1.0.%1").arg(i)));
        }
    }

    static bool loadAndWait(MainWindow &window, const ResolvedConnection &to = connection())
    {
        QSignalSpy loaded(&window, &MainWindow::desktopsLoaded);
        window.connectTo(to);
        return loaded.wait(5000);
    }

    // `count` desktops loaded into the window through the fake network.
    static bool load(MainWindow &window, FakeDesktopNetwork &network, int count)
    {
        fill(network, count);
        window.setNetworkAccessManager(&network);
        return loadAndWait(window);
    }

    static bool showActive(MainWindow &window)
    {
        window.show();
        window.activateWindow();
        return QTest::qWaitForWindowActive(&window);
    }

    template<typename T>
    static T *openDialog()
    {
        // Dialogs are opened with open(): visible as soon as the action returns.
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (auto *dialog = qobject_cast<T *>(widget); dialog && dialog->isVisible())
                return dialog;
        }
        return nullptr;
    }

    AppLanguage m_language;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_language.install(QLocale(QLocale::English, QLocale::UnitedStates)));
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("WorkspaceAdminTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_windowpolish"));
    }

    void init()
    {
        // Each test starts from the default layout.
        QSettings().remove(QStringLiteral("MainWindow"));
    }

    void statusMessagesNeverCoverTheCounts()
    {
        FakeDesktopNetwork network;
        fill(network, 3);
        MainWindow window;
        window.setNetworkAccessManager(&network);
        // The smallest size the window is made for: the longest message (the pools' warning, when
        // that listing ends before the check) is then left of the counts too.
        window.resize(1280, 800);
        // A message that arrives before the window is shown (as the journal's "Following …" does).
        window.statusBar()->showMessage(QStringLiteral("Following 3 unfinished deletion jobs…"));
        QVERIFY(loadAndWait(window));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *counts = window.findChild<QLabel *>(QStringLiteral("countLabel"));
        QVERIFY(counts);
        QTRY_VERIFY(counts->isVisible());
        QVERIFY(!window.statusBar()->currentMessage().isEmpty());
        // Permanent widgets sit right of the message area: the message is drawn left of them, once
        // the status bar has laid out what the listing and the usage loading (here: failing, with
        // the service's long words) changed in it.
        const auto messageWidth = [&window] {
            return window.statusBar()->fontMetrics().horizontalAdvance(window.statusBar()->currentMessage());
        };
        QTRY_VERIFY2(counts->geometry().left() > messageWidth(),
                     qPrintable(QStringLiteral("%1 ≤ %2 (%3)")
                                    .arg(counts->geometry().left())
                                    .arg(messageWidth())
                                    .arg(window.statusBar()->currentMessage())));
        window.statusBar()->showMessage(QStringLiteral("Another message"));
        QVERIFY(counts->isVisible());
    }

    void tableComesRightAfterTheFiltersWithAVisibleCurrentRow()
    {
        FakeDesktopNetwork network;
        MainWindow window;
        QVERIFY(load(window, network, 3));
        QVERIFY(showActive(window));
        byName<QLineEdit>(window, "searchField")->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(byName<QLineEdit>(window, "searchField")->hasFocus());
        const QList<QWidget *> expected = {byName<QComboBox>(window, "statusFilter"), byName<QComboBox>(window, "loginFilter"), byName<QComboBox>(window, "billingFilter"), byName<QComboBox>(window, "maintenanceFilter"),
                                       byName<QComboBox>(window, "usagePeriod"), byName<QSpinBox>(window, "idleFilter"),
                                           byName<QComboBox>(window, "retirementFilter"), byName<QWidget>(window, "idleOverview"),
                                           byName<QTableView>(window, "desktopTable")};
        for (QWidget *next : expected) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QTRY_COMPARE(QApplication::focusWidget(), next);
        }
        // Focus on a table without a current row puts the first row current, not selected.
        QVERIFY(byName<QTableView>(window, "desktopTable")->currentIndex().isValid());
        QCOMPARE(byName<QTableView>(window, "desktopTable")->currentIndex().row(), 0);
        QVERIFY(window.selectedDesktopIds().isEmpty());
    }

    void escapeClearsTheSearchField()
    {
        FakeDesktopNetwork network;
        MainWindow window;
        QVERIFY(load(window, network, 3));
        QVERIFY(showActive(window));
        byName<QLineEdit>(window, "searchField")->setFocus();
        QTest::keyClicks(byName<QLineEdit>(window, "searchField"), QStringLiteral("desk-1"));
        QTRY_COMPARE(window.filterProxy()->rowCount(), 1);
        QTest::keyClick(byName<QLineEdit>(window, "searchField"), Qt::Key_Escape);
        QVERIFY(byName<QLineEdit>(window, "searchField")->text().isEmpty());
        QTRY_COMPARE(window.filterProxy()->rowCount(), 3);
    }

    void detailsNeedASelection()
    {
        FakeDesktopNetwork network;
        MainWindow window;
        QVERIFY(load(window, network, 3));
        byName<QTableView>(window, "desktopTable")->setCurrentIndex(window.filterProxy()->index(1, 0));
        byName<QTableView>(window, "desktopTable")->clearSelection();
        QTRY_VERIFY(!byName<QAction>(window, "detailsAction")->isEnabled());
        window.selectDesktopIds({QStringLiteral("id-002")});
        QTRY_VERIFY(byName<QAction>(window, "detailsAction")->isEnabled());
    }

    void selectByIdsMovesFocusWithTabSplitsCellsAndAdds()
    {
        FakeDesktopNetwork network;
        MainWindow window;
        QVERIFY(load(window, network, 5));
        window.show();
        window.selectDesktopIds({QStringLiteral("id-000")});
        byName<QAction>(window, "selectByIdsAction")->trigger();
        auto *dialog = openDialog<SelectByIdsDialog>();
        QVERIFY(dialog);
        dialog->activateWindow();
        dialog->editor()->setFocus();
        QTRY_VERIFY(dialog->editor()->hasFocus());
        QTest::keyClick(dialog->editor(), Qt::Key_Tab);
        QVERIFY(!dialog->editor()->toPlainText().contains(QLatin1Char('\t')));
        QVERIFY(!dialog->editor()->hasFocus());
        dialog->editor()->setPlainText(QStringLiteral("id-002\tdesk-2\tActive\nid-003, desk-4"));
        QTest::mouseClick(dialog->addButton(), Qt::LeftButton);
        QTRY_COMPARE(window.selectedDesktopIds().size(), 4);
        QVERIFY(window.selectedDesktopIds().contains(QStringLiteral("id-000"))); // kept: added to
        // Replacing is still the plain Select.
        QCOMPARE(window.selectByIdsOrNames({QStringLiteral("desk-1;desk-2")}), QStringList());
        QCOMPARE(window.selectedDesktopIds(), (QStringList{QStringLiteral("id-001"), QStringLiteral("id-002")}));
    }

    void serverFilterIsShownAndCleared()
    {
        FakeDesktopNetwork network;
        MainWindow window;
        QVERIFY(load(window, network, 3));
        window.show();
        QVERIFY(byName<QPushButton>(window, "clearServerFilterButton")->isHidden());
        const QString plainTitle = window.windowTitle();
        DesktopQuery query;
        query.status = QStringLiteral("SHUTOFF");
        query.computerName = QStringLiteral("dev");
        QSignalSpy loaded(&window, &MainWindow::desktopsLoaded);
        window.setServerQuery(query);
        QVERIFY(loaded.wait(5000));
        QCOMPARE(window.serverFilterText(), QStringLiteral("status Shut off, name dev"));
        auto *label = window.findChild<QLabel *>(QStringLiteral("serverFilterLabel"));
        QVERIFY(label && label->isVisible());
        QVERIFY(label->text().contains(QStringLiteral("name dev")));
        QVERIFY(byName<QPushButton>(window, "clearServerFilterButton")->isVisible());
        QVERIFY2(window.windowTitle().contains(QStringLiteral("filtered")), qPrintable(window.windowTitle()));
        QTest::mouseClick(byName<QPushButton>(window, "clearServerFilterButton"), Qt::LeftButton);
        QVERIFY(loaded.wait(5000));
        QVERIFY(window.loader()->query().status.isEmpty());
        QVERIFY(window.loader()->query().computerName.isEmpty());
        QVERIFY(byName<QPushButton>(window, "clearServerFilterButton")->isHidden());
        QCOMPARE(window.windowTitle(), plainTitle);
    }

    void filterDialogClearEmptiesEveryField()
    {
        DesktopQuery query;
        query.status = QStringLiteral("ERROR");
        query.userName = QStringLiteral("alice");
        query.tag = QStringLiteral("team=a");
        query.sortField = QStringLiteral("created");
        ServerFilterDialog dialog(query);
        QTest::mouseClick(dialog.clearButton(), Qt::LeftButton);
        const DesktopQuery cleared = dialog.query();
        QVERIFY(cleared.status.isEmpty());
        QVERIFY(cleared.userName.isEmpty());
        QVERIFY(cleared.tag.isEmpty());
        QCOMPARE(cleared.sortField, QStringLiteral("created"));
        QVERIFY(ServerFilterDialog::describe(cleared).isEmpty());
    }

    void statusFilterListsTheTransitionalStates()
    {
        MainWindow window;
        for (const char *raw : {"STARTING", "STOPPING", "RESTARTING", "HIBERNATING", "AWAKENING"}) {
            const int index = byName<QComboBox>(window, "statusFilter")->findData(QString::fromLatin1(raw));
            QVERIFY2(index > 0, raw);
            QCOMPARE(byName<QComboBox>(window, "statusFilter")->itemText(index),
                     DesktopTableModel::statusDisplayName(QString::fromLatin1(raw)));
        }
    }

    void idColumnIsReadableAtTheDefaultSizeAnd1280()
    {
        FakeDesktopNetwork network;
        network.desktops.append(FakeDesktopNetwork::desktop(QStringLiteral("3f2a9c1e-7b4d-4e8a-9f10-5c6d7e8f9a0b"),
                                                            QStringLiteral("desk")));
        MainWindow window;
        window.setNetworkAccessManager(&network);
        QVERIFY(loadAndWait(window));
        for (int width : {0, 1280}) {
            if (width > 0)
                window.resize(width, 760);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QTableView *view = byName<QTableView>(window, "desktopTable");
            const QModelIndex id = window.filterProxy()->index(0, DesktopTableModel::IdColumn);
            const QRect cell = view->visualRect(id);
            QVERIFY2(view->viewport()->rect().contains(cell), "the id column is out of view");
            const int needed = view->fontMetrics().horizontalAdvance(id.data().toString());
            QVERIFY2(cell.width() >= needed + 6, qPrintable(QStringLiteral("%1 < %2").arg(cell.width()).arg(needed)));
        }
    }

    void titleNamesTheConnectionAndRegion()
    {
        FakeDesktopNetwork network;
        fill(network, 1);
        MainWindow window;
        window.setNetworkAccessManager(&network);
        ResolvedConnection to = connection(QStringLiteral("https://workspace.cn-north-4.myhuaweicloud.com"));
        to.profileName = QStringLiteral("prod");
        QVERIFY(loadAndWait(window, to));
        QCOMPARE(window.windowTitle(), QStringLiteral("Workspace Admin — prod (cn-north-4)"));
        window.setDemoMode(true);
        QCOMPARE(window.windowTitle(), QStringLiteral("Workspace Admin — Demo (cn-north-4)"));
    }

    void exportsAreMachineFriendly()
    {
        FakeDesktopNetwork network;
        MainWindow window;
        QVERIFY(load(window, network, 2));
        QHeaderView *header = byName<QTableView>(window, "desktopTable")->horizontalHeader();
        header->setSectionHidden(DesktopTableModel::TagsColumn, true);
        const QList<QByteArray> lines = window.csvForShown(false).split('\n');
        const QByteArray head = lines.at(0).trimmed();
        QVERIFY2(head.contains("Status,status,task_status"), head.constData());
        QVERIFY2(head.contains("Billing,charge_mode"), head.constData());
        QVERIFY2(head.contains("Login status,login_status"), head.constData());
        // The fixture's created time, in ISO-8601 UTC whatever the locale.
        QVERIFY2(lines.at(1).contains("2026-01-02T03:04:05Z"), lines.at(1).constData());
        QVERIFY(lines.at(1).contains(",ACTIVE,"));
    }

    void deletionDialogNamesTheTargetAndTheDesktopsLeftOut()
    {
        FakeDesktopNetwork network;
        fill(network, 3);
        QJsonObject guarded = FakeDesktopNetwork::desktop(QStringLiteral("id-guard"), QStringLiteral("db-server"));
        guarded.insert(QStringLiteral("tags"),
                       QJsonArray{QJsonObject{{QStringLiteral("key"), QStringLiteral("protected")},
                                              {QStringLiteral("value"), QStringLiteral("true")}}});
        network.desktops.append(guarded);
        MainWindow window;
        window.setNetworkAccessManager(&network);
        ResolvedConnection to = connection(QStringLiteral("https://workspace.cn-north-4.myhuaweicloud.com"));
        to.profileName = QStringLiteral("prod");
        to.dataDir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
            + QStringLiteral("/leftout");
        QVERIFY(loadAndWait(window, to));
        QCOMPARE(window.selectDesktopIds({QStringLiteral("id-001"), QStringLiteral("id-guard")}), 2);
        QSignalSpy opened(window.deletionController(), &DeletionController::dialogOpened);
        QTRY_VERIFY(byName<QAction>(window, "deleteAction")->isEnabled());
        byName<QAction>(window, "deleteAction")->trigger();
        QVERIFY(opened.wait()); // after the engine's look-up
        auto *dialog = opened.at(0).at(0).value<DeletionDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->targetText().contains(QStringLiteral("0123project")));
        QVERIFY(dialog->targetText().contains(QStringLiteral("cn-north-4")));
        QVERIFY(dialog->targetText().contains(QStringLiteral("prod")));
        QCOMPARE(dialog->leftOut().size(), 1);
        QCOMPARE(dialog->leftOut().at(0).desktopId, QStringLiteral("id-guard"));
        QCOMPARE(dialog->leftOut().at(0).reason, LeftOutReason::Protected);
        QCOMPARE(cellText(dialog->leftOutList(), 0, 0), QStringLiteral("db-server"));
        dialog->reject();
    }

    void welcomePageListsSavedProfiles()
    {
        MainWindow window;
        window.setProfileNames({QStringLiteral("prod"), QStringLiteral("test")});
        window.showWelcome();
        window.show();
        auto *welcome = window.findChild<WelcomePage *>();
        QVERIFY(welcome);
        QVERIFY(welcome->profileList()->isVisible());
        QCOMPARE(welcome->profileList()->count(), 2);
        QSignalSpy chosen(&window, &MainWindow::profileChosen);
        Q_EMIT welcome->profileList()->itemActivated(welcome->profileList()->item(1));
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.at(0).at(0).toString(), QStringLiteral("test"));
        window.setProfileNames({});
        QVERIFY(welcome->profileList()->isHidden());
    }

    void connectionDialogMnemonicsAreUnique()
    {
        ProfileDialog dialog;
        const QStringList keys = mnemonicKeysOf(dialog);
        QVERIFY(keys.size() >= 8);
        QStringList unique = keys;
        unique.removeDuplicates();
        QCOMPARE(keys.size(), unique.size());
    }

    // Every menu reaches each of its items by its own key, in English and in Chinese.
    void menuMnemonicsAreUniqueInEachLanguage()
    {
        static const QRegularExpression mnemonic(QStringLiteral("&([^&])"));
        for (const QLocale &locale : {QLocale(QLocale::English, QLocale::UnitedStates),
                 QLocale(QLocale::Chinese, QLocale::China)}) {
            QVERIFY(m_language.install(locale));
            MainWindow window;
            for (const QMenu *menu : window.menuBar()->findChildren<QMenu *>()) {
                QStringList keys;
                for (const QAction *action : menu->actions()) {
                    const QRegularExpressionMatch match = mnemonic.match(action->text());
                    if (!action->isSeparator() && action->isVisible() && match.hasMatch())
                        keys.append(match.captured(1).toLower());
                }
                QStringList unique = keys;
                unique.removeDuplicates();
                QVERIFY2(keys.size() == unique.size(),
                         qPrintable(locale.name() + QLatin1String(": ") + menu->title()
                                    + QLatin1String(": ") + keys.join(QLatin1Char(' '))));
            }
        }
        QVERIFY(m_language.install(QLocale(QLocale::English, QLocale::UnitedStates)));
    }

    // No two of the window's actions share a shortcut (Qt would then run neither).
    void shortcutsAreUnique()
    {
        MainWindow window;
        QHash<QString, QString> actionOfShortcut;
        for (const QAction *action : window.findChildren<QAction *>()) {
            for (const QKeySequence &shortcut : action->shortcuts()) {
                const QString key = shortcut.toString(QKeySequence::PortableText);
                QVERIFY2(!actionOfShortcut.contains(key),
                         qPrintable(key + QLatin1String(": ") + actionOfShortcut.value(key) + QLatin1String(", ")
                                    + action->text()));
                actionOfShortcut.insert(key, action->text());
            }
        }
        QVERIFY(actionOfShortcut.contains(QStringLiteral("Ctrl+Shift+R")));
    }

    void aKeychainFailureIsShownAtSave()
    {
        MainWindow window;
        window.show();
        window.showCredentialsSaved(QStringLiteral("prod"), true, QString());
        QVERIFY(!window.findChild<QMessageBox *>(QStringLiteral("credentialsNotSavedBox")));
        window.showCredentialsSaved(QStringLiteral("prod"), false, QStringLiteral("No secret service"));
        auto *box = window.findChild<QMessageBox *>(QStringLiteral("credentialsNotSavedBox"));
        QVERIFY(box);
        QVERIFY(box->isVisible());
        QVERIFY(box->text().contains(QStringLiteral("prod")));
        QVERIFY(box->informativeText().contains(QStringLiteral("No secret service")));
        box->close();
    }

    void knownErrorCodesGetAnExplanation()
    {
        // Both gateway prefixes, any case; undocumented codes keep the server's words alone.
        QVERIFY(!FailureExplanation::forCode(QStringLiteral("APIG.0301")).isEmpty());
        QCOMPARE(FailureExplanation::forCode(QStringLiteral("apigw.0301")),
                 FailureExplanation::forCode(QStringLiteral("APIG.0301")));
        QVERIFY(!FailureExplanation::forCode(QStringLiteral("WKS.00010032")).isEmpty());
        QVERIFY(FailureExplanation::forCode(QStringLiteral("WKS.0243")).isEmpty());
        const QString explanation = FailureExplanation::forCode(QStringLiteral("WKS.0202"));
        QCOMPARE(FailureExplanation::withExplanation(QStringLiteral("WKS.0202"), QStringLiteral("The resource not found")),
                 explanation + QStringLiteral(" (The resource not found)"));
        QCOMPARE(FailureExplanation::withExplanation(QStringLiteral("WKS.0243"), QStringLiteral("billed yearly")),
                 QStringLiteral("billed yearly"));
    }
};

QTEST_MAIN(TestWindowPolish)
#include "tst_windowpolish.moc"
