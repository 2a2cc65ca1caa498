#include "deleterequest.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

std::optional<QStringList> DeleteRequest::parseIds(const QString &text, QString *error)
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    static const QRegularExpression validId(QStringLiteral("^[A-Za-z0-9_-]+$"));
    QStringList ids;
    QSet<QString> seen;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QString content = line.section(QLatin1Char('#'), 0, 0);
        const QStringList tokens = content.split(separators, Qt::SkipEmptyParts);
        for (const QString &token : tokens) {
            if (!validId.match(token).hasMatch()) {
                if (error)
                    *error = QCoreApplication::translate("DeleteRequest",
                                                         "“%1” is not a desktop id.")
                                 .arg(token);
                return std::nullopt;
            }
            if (!seen.contains(token)) {
                seen.insert(token);
                ids.append(token);
            }
        }
    }
    if (ids.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("DeleteRequest", "No desktop id given.");
        return std::nullopt;
    }
    return ids;
}

QList<QStringList> DeleteRequest::chunks(const QStringList &ids, int chunkSize)
{
    QList<QStringList> result;
    for (qsizetype start = 0; start < ids.size(); start += chunkSize)
        result.append(ids.mid(start, chunkSize));
    return result;
}
