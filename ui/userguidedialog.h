#pragma once

#include <QDialog>
#include <QStringList>
#include <QUrl>

class QTextBrowser;

// The user guide (the README) inside the app, so that F1 works without a browser or a Markdown
// viewer. It reads the installed README or the source tree's, else the copy built into the app;
// pictures are left out (they show the window the reader is looking at). Non-modal.
class UserGuideDialog : public QDialog
{
    Q_OBJECT
public:
    explicit UserGuideDialog(QWidget *parent = nullptr);

    QTextBrowser *browser() const { return m_browser; }
    // The Markdown shown: the first readable of `files`, else the built-in copy; empty if none.
    static QString guideMarkdown(const QStringList &files);

private:
    QTextBrowser *m_browser;
};
