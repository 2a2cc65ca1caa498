#pragma once

#include <QDialog>

class QPlainTextEdit;

// Paste desktop ids or names, one a line. The window resolves them and reports the misses.
class SelectByIdsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SelectByIdsDialog(QWidget *parent = nullptr);
    QStringList lines() const;
    QPlainTextEdit *editor() const { return m_editor; }

private:
    QPlainTextEdit *m_editor;
};
