#pragma once

#include <QDialog>
#include <QStringList>
#include <QUrl>

class QLabel;

// Help › About: version, Qt version, licence, the data directory (audit log and job journal) and
// the user guide, all as keyboard-reachable links.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    AboutDialog(const QString &dataDirectory, QWidget *parent = nullptr);

    QString text() const;

    // Where the README may be: installed with the package first, then in the source tree.
    static QStringList userGuideCandidates();
    // The first candidate that exists as a local file URL; empty when none does.
    static QUrl userGuideUrl(const QStringList &candidates = userGuideCandidates());

private:
    QLabel *m_text;
};
