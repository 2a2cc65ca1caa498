// Every interactive control of the main window and the dialogs must be announced by a screen
// reader: an accessible name, a label whose buddy it is, or its own visible text.

#include "widgetbyname.h"
#include "aboutdialog.h"
#include "deletiondialog.h"
#include "errorbanner.h"
#include "jobspanel.h"
#include "mainwindow.h"
#include "profiledialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QUrl>

namespace {

bool isInteractive(const QWidget *widget)
{
    return qobject_cast<const QAbstractButton *>(widget) || qobject_cast<const QLineEdit *>(widget)
        || qobject_cast<const QComboBox *>(widget) || qobject_cast<const QAbstractItemView *>(widget)
        || qobject_cast<const QAbstractSpinBox *>(widget) || qobject_cast<const QCheckBox *>(widget);
}

// Parts that Qt builds inside a control (a line edit's clear button, a combo box's popup list, a
// table's headers and corner button, the tool bar's extension button) are announced by Qt itself.
bool isQtInternal(const QWidget *widget, const QWidget *root)
{
    if (widget->objectName().startsWith(QLatin1String("qt_")))
        return true;
    for (const QWidget *parent = widget->parentWidget(); parent && parent != root; parent = parent->parentWidget()) {
        if (qobject_cast<const QLineEdit *>(parent) || qobject_cast<const QComboBox *>(parent)
            || qobject_cast<const QAbstractSpinBox *>(parent) || qobject_cast<const QAbstractItemView *>(parent))
            return true;
    }
    return false;
}

bool hasBuddyLabel(const QWidget *widget, const QWidget *root)
{
    const QList<QLabel *> labels = root->findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        if (label->buddy() == widget && !label->text().isEmpty())
            return true;
    }
    return false;
}

QString describe(const QWidget *widget)
{
    return QString::fromLatin1(widget->metaObject()->className()) + QLatin1Char(' ') + widget->objectName();
}

// The controls a screen reader could only call by their type.
QStringList unnamedControls(const QWidget *root)
{
    QStringList unnamed;
    const QList<QWidget *> widgets = root->findChildren<QWidget *>();
    for (const QWidget *widget : widgets) {
        if (!isInteractive(widget) || isQtInternal(widget, root))
            continue;
        if (!widget->accessibleName().isEmpty() || hasBuddyLabel(widget, root))
            continue;
        const auto *button = qobject_cast<const QAbstractButton *>(widget);
        if (button && !button->text().isEmpty())
            continue;
        unnamed.append(describe(widget));
    }
    return unnamed;
}

QList<Desktop> someDesktops()
{
    QList<Desktop> desktops;
    for (int i = 0; i < 3; ++i) {
        Desktop desktop;
        desktop.id = QStringLiteral("id-%1").arg(i);
        desktop.computerName = QStringLiteral("pc-%1").arg(i);
        desktop.userName = QStringLiteral("user%1").arg(i);
        desktop.status = QStringLiteral("ACTIVE");
        desktops.append(desktop);
    }
    return desktops;
}

} // namespace

class TestAccessibility : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void checkerFindsAnUnnamedControl();
    void mainWindowControlsAreNamed();
    void deletionDialogControlsAreNamed();
    void profileDialogControlsAreNamed();
    void aboutDialogControlsAreNamed();
    void tableAndFiltersHaveDescriptions();
    void keyboardReachesTheMainControls();
};

void TestAccessibility::checkerFindsAnUnnamedControl()
{
    QWidget root;
    auto *named = new QLineEdit(&root);
    named->setAccessibleName(QStringLiteral("Named"));
    auto *labelled = new QSpinBox(&root);
    (new QLabel(QStringLiteral("&Count:"), &root))->setBuddy(labelled);
    auto *unnamed = new QComboBox(&root);
    unnamed->setObjectName(QStringLiteral("anonymousCombo"));
    auto *iconOnly = new QCheckBox(&root);
    iconOnly->setObjectName(QStringLiteral("iconOnlyCheck"));
    const QStringList found = unnamedControls(&root);
    QCOMPARE(found.size(), 2);
    QVERIFY(found.contains(QStringLiteral("QComboBox anonymousCombo")));
    QVERIFY(found.contains(QStringLiteral("QCheckBox iconOnlyCheck")));
}

void TestAccessibility::mainWindowControlsAreNamed()
{
    MainWindow window;
    window.setDemoMode(true);
    byName<ErrorBanner>(window, "errorBanner")->showError(QStringLiteral("Loading desktops failed"), ApiError{});
    byName<JobsPanel>(window, "jobsPanel")->show();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QStringList unnamed = unnamedControls(&window);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

void TestAccessibility::deletionDialogControlsAreNamed()
{
    DeletionDialog dialog(someDesktops(), QUrl(QStringLiteral("https://workspace.example.com/v2/p/desktops/batch-delete")));
    const QStringList unnamed = unnamedControls(&dialog);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

void TestAccessibility::profileDialogControlsAreNamed()
{
    ProfileDialog dialog;
    const QStringList unnamed = unnamedControls(&dialog);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

void TestAccessibility::aboutDialogControlsAreNamed()
{
    AboutDialog dialog(QDir::tempPath());
    const QStringList unnamed = unnamedControls(&dialog);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

void TestAccessibility::tableAndFiltersHaveDescriptions()
{
    MainWindow window;
    const QList<QWidget *> described = {static_cast<QWidget *>(byName<QTableView>(window, "desktopTable")), byName<QLineEdit>(window, "searchField"),
                                        byName<QComboBox>(window, "statusFilter"), byName<QComboBox>(window, "loginFilter"), byName<QComboBox>(window, "billingFilter"),
                                        byName<QComboBox>(window, "maintenanceFilter"), byName<QComboBox>(window, "usagePeriod"),
                                        byName<QSpinBox>(window, "idleFilter")};
    for (const QWidget *widget : described) {
        QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(describe(widget)));
        QVERIFY2(!widget->accessibleDescription().isEmpty(), qPrintable(describe(widget)));
    }
}

void TestAccessibility::keyboardReachesTheMainControls()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.activateWindow();
    byName<QLineEdit>(window, "searchField")->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(byName<QLineEdit>(window, "searchField")->hasFocus());
    // Tab from the search field walks through the filters to the table, in reading order.
    const QList<QWidget *> expected = {static_cast<QWidget *>(byName<QComboBox>(window, "statusFilter")), byName<QComboBox>(window, "loginFilter"),
                                       byName<QComboBox>(window, "billingFilter"), byName<QComboBox>(window, "maintenanceFilter"),
                                       byName<QComboBox>(window, "usagePeriod"), byName<QSpinBox>(window, "idleFilter"),
                                       byName<QComboBox>(window, "retirementFilter"), byName<QWidget>(window, "idleOverview"),
                                       byName<QTableView>(window, "desktopTable")};
    for (QWidget *next : expected) {
        if (!next->isVisible())
            continue; // the overview shows only with a table
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTRY_COMPARE(QApplication::focusWidget(), next);
    }
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
