#include "desktoploader.h"
#include "desktopspage.h"
#include "desktoptablemodel.h"
#include "pastedselection.h"
#include "selectbyidsdialog.h"

#include <QApplication>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

// Select by IDs or Names in a table of two projects (a connection to every region): an id that
// both projects list is ambiguous, selects neither row and is named with its regions, as a change
// across projects leaves it out; an id of one project and a computer name select only their rows.
class TestSelectByIds : public QObject {
    Q_OBJECT

private:
    static Desktop desktop(const QString& id, const QString& name)
    {
        Desktop desktop;
        desktop.id = id;
        desktop.computerName = name;
        desktop.status = QStringLiteral("ACTIVE");
        return desktop;
    }

    static WorkspaceProject project(const QString& region, const QString& id)
    {
        return { region, region, id,
            QUrl(QStringLiteral("https://workspace.%1.example").arg(region)) };
    }

    // Two projects that both list "shared", each with a desktop of its own.
    void fillTwoProjects()
    {
        m_north
            = m_model->addProject(project(QStringLiteral("cn-north-4"), QStringLiteral("p-north")));
        m_southeast = m_model->addProject(
            project(QStringLiteral("ap-southeast-3"), QStringLiteral("p-southeast")));
        m_model->upsertDesktops(
            { desktop(QStringLiteral("shared"), QStringLiteral("PC-NORTH")),
                desktop(QStringLiteral("own-north"), QStringLiteral("PC-NORTH-2")) },
            m_north);
        m_model->upsertDesktops(
            { desktop(QStringLiteral("shared"), QStringLiteral("PC-SOUTHEAST")),
                desktop(QStringLiteral("own-southeast"), QStringLiteral("PC-SOUTHEAST-2")) },
            m_southeast);
    }

    QStringList selected() const
    {
        QStringList texts;
        for (const ProjectDesktop& desktop : m_page->selectedProjectDesktops())
            texts.append(desktop.project.id + QLatin1Char('/') + desktop.desktopId);
        texts.sort();
        return texts;
    }

    static QMessageBox* openBox()
    {
        for (QWidget* widget : QApplication::topLevelWidgets()) {
            if (auto* box = qobject_cast<QMessageBox*>(widget);
                box && box->isVisible() && box->objectName() == QLatin1String("notFoundBox"))
                return box;
        }
        return nullptr;
    }

    // Pastes the text into the window's dialog and selects it.
    void pasteIntoDialog(const QString& text)
    {
        m_page->openSelectByIds();
        SelectByIdsDialog* dialog = nullptr;
        for (QWidget* widget : QApplication::topLevelWidgets()) {
            if (auto* found = qobject_cast<SelectByIdsDialog*>(widget); found && found->isVisible())
                dialog = found;
        }
        QVERIFY(dialog);
        dialog->editor()->setPlainText(text);
        QTest::mouseClick(dialog->replaceButton(), Qt::LeftButton);
    }

    std::unique_ptr<DesktopTableModel> m_model;
    std::unique_ptr<DesktopLoader> m_loader;
    std::unique_ptr<DesktopsPage> m_page;
    int m_north = -1;
    int m_southeast = -1;

private Q_SLOTS:
    void init()
    {
        m_model = std::make_unique<DesktopTableModel>();
        m_loader = std::make_unique<DesktopLoader>(m_model.get());
        m_page = std::make_unique<DesktopsPage>(m_model.get(), m_loader.get());
        fillTwoProjects();
        m_page->show();
    }

    void cleanup()
    {
        if (QMessageBox* box = openBox())
            delete box;
        m_page.reset();
        m_loader.reset();
        m_model.reset();
    }

    void idInTwoProjectsIsAmbiguousAndSelectsNothing()
    {
        const PastedSelection pasted
            = m_page->selectPasted({ QStringLiteral("shared, own-north"), QStringLiteral("nope") });
        QCOMPARE(selected(), QStringList { QStringLiteral("p-north/own-north") });
        QCOMPARE(pasted.notFound, QStringList { QStringLiteral("nope") });
        QCOMPARE(pasted.ambiguous.size(), 1);
        QCOMPARE(pasted.ambiguous.constFirst().desktopId, QStringLiteral("shared"));
        QCOMPARE(pasted.ambiguous.constFirst().projects,
            (QStringList { QStringLiteral("cn-north-4"), QStringLiteral("ap-southeast-3") }));
        QCOMPARE(pasted.ambiguousTexts(),
            QStringList { QStringLiteral("shared (cn-north-4, ap-southeast-3)") });
        // Pasted twice, it is named once; and it is no miss.
        QCOMPARE(m_page->selectPasted({ QStringLiteral("shared shared") }).ambiguous.size(), 1);
        QVERIFY(m_page->selectByIdsOrNames({ QStringLiteral("shared") }).isEmpty());
        QCOMPARE(selected(), QStringList());
    }

    void namesSelectOnlyTheirOwnRows()
    {
        // A computer name selects its desktop, not the desktop of another project with its id.
        QVERIFY(m_page->selectByIdsOrNames({ QStringLiteral("pc-southeast") }).isEmpty());
        QCOMPARE(selected(), QStringList { QStringLiteral("p-southeast/shared") });
        m_page->selectPasted(
            { QStringLiteral("own-north\tPC-NORTH") }, DesktopsPage::SelectionChange::Add);
        QCOMPARE(selected(),
            (QStringList { QStringLiteral("p-north/own-north"), QStringLiteral("p-north/shared"),
                QStringLiteral("p-southeast/shared") }));
    }

    void idOfOneProjectIsSelectedThere()
    {
        // Once one project no longer lists it, the id is no longer ambiguous.
        Desktop gone = desktop(QStringLiteral("shared"), QStringLiteral("PC-SOUTHEAST"));
        gone.status = QStringLiteral("DELETED");
        m_model->upsertDesktops({ gone }, m_southeast);
        QCOMPARE(m_model->rowsOfId(QStringLiteral("shared")).size(), 1);
        const PastedSelection pasted = m_page->selectPasted({ QStringLiteral("shared") });
        QVERIFY(pasted.ambiguous.isEmpty());
        QCOMPARE(selected(), QStringList { QStringLiteral("p-north/shared") });
    }

    void dialogNamesAmbiguousIdsWithTheirRegions()
    {
        pasteIntoDialog(QStringLiteral("shared\nown-southeast\nnope"));
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = openBox()) != nullptr);
        QCOMPARE(selected(), QStringList { QStringLiteral("p-southeast/own-southeast") });
        QCOMPARE(box->windowTitle(), QStringLiteral("Not Found"));
        QCOMPARE(
            box->text(), QStringLiteral("1 of the pasted IDs or names matched no loaded desktop:"));
        QVERIFY2(box->informativeText().startsWith(QLatin1String("nope")),
            qPrintable(box->informativeText()));
        QVERIFY2(box->informativeText().contains(QLatin1String("more than one region")),
            qPrintable(box->informativeText()));
        QVERIFY(
            box->informativeText().contains(QLatin1String("shared (cn-north-4, ap-southeast-3)")));
        QVERIFY(
            box->detailedText().contains(QLatin1String("\nshared (cn-north-4, ap-southeast-3)")));
        QVERIFY(box->detailedText().contains(QLatin1String("\nnope\n")));
    }

    void dialogWithOnlyAmbiguousIdsSaysNotSelected()
    {
        pasteIntoDialog(QStringLiteral("shared"));
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = openBox()) != nullptr);
        QCOMPARE(box->windowTitle(), QStringLiteral("Not Selected"));
        QVERIFY2(
            box->text().contains(QLatin1String("more than one region")), qPrintable(box->text()));
        QCOMPARE(box->informativeText(), QStringLiteral("shared (cn-north-4, ap-southeast-3)"));
        QCOMPARE(selected(), QStringList());
    }

    void dialogSaysNothingWhenEverythingIsSelected()
    {
        pasteIntoDialog(QStringLiteral("own-north own-southeast"));
        QTRY_COMPARE(selected().size(), 2);
        QVERIFY(!openBox());
    }
};

QTEST_MAIN(TestSelectByIds)
#include "tst_selectbyids.moc"
