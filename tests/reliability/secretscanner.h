#pragma once

#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

// Looks for secrets in text and files, in the forms they could leak in: as they are, percent-
// encoded (URLs, query strings) and base64 (headers, binary dumps).
class SecretScanner
{
public:
    explicit SecretScanner(const QStringList &secrets)
    {
        for (const QString &secret : secrets) {
            const QByteArray raw = secret.toUtf8();
            m_needles << raw << QUrl::toPercentEncoding(secret) << raw.toBase64();
        }
    }

    // The first needle found in text, or empty.
    QByteArray findIn(const QByteArray &text) const
    {
        for (const QByteArray &needle : m_needles) {
            if (text.contains(needle))
                return needle;
        }
        return {};
    }

    // "file: needle" for every file under dir that holds a secret (hidden files included).
    QStringList findInTree(const QString &dir) const
    {
        QStringList hits;
        QDirIterator files(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString path = files.next();
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                hits << path + QStringLiteral(": unreadable");
                continue;
            }
            const QByteArray needle = findIn(file.readAll());
            if (!needle.isEmpty())
                hits << path + QStringLiteral(": ") + QString::fromUtf8(needle);
        }
        return hits;
    }

    // How many files were looked at, so a test can prove it scanned something.
    static int fileCount(const QString &dir)
    {
        int count = 0;
        QDirIterator files(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            files.next();
            ++count;
        }
        return count;
    }

private:
    QList<QByteArray> m_needles;
};
