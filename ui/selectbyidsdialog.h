#pragma once

#include <QDialog>

class QPlainTextEdit;
class QPushButton;
struct PastedSelection;

// Paste desktop ids or names: one a line, or several on a line separated by tabs, commas or
// semicolons (rows copied from a spreadsheet). The window resolves them and reports the misses;
// the selection is replaced, or extended with "Add to Selection".
class SelectByIdsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SelectByIdsDialog(QWidget *parent = nullptr);
    QStringList lines() const;
    // True when the dialog was accepted with "Add to Selection".
    bool addsToSelection() const { return m_adds; }
    QPlainTextEdit *editor() const { return m_editor; }
    QPushButton *replaceButton() const { return m_replaceButton; }
    QPushButton *addButton() const { return m_addButton; }
    // Tells what the pasted lines left unselected, if anything: the items that matched no desktop
    // and the ids found in more than one project, each with its projects (a window-modal box
    // named "notFoundBox").
    static void reportUnselected(const PastedSelection &pasted, QWidget *parent);

private:
    QPlainTextEdit *m_editor;
    QPushButton *m_replaceButton;
    QPushButton *m_addButton;
    bool m_adds = false;
};
