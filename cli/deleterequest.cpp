#include "deleterequest.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>

std::optional<QStringList> DeleteRequest::parseIds(const QString &text, QString *error,
                                                   QStringList *asGiven)
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
            if (asGiven)
                asGiven->append(token);
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

std::optional<QStringList> DeleteRequest::parseIdsFile(const QByteArray &bytes, QString *error,
                                                       QStringList *asGiven)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        // Decoded again line by line only to say where: the common case pays for one pass.
        const QList<QByteArray> lines = bytes.split('\n');
        int badLine = 0;
        for (int i = 0; i < lines.size() && badLine == 0; ++i) {
            QStringDecoder lineDecoder(QStringDecoder::Utf8);
            const QString decodedLine = lineDecoder.decode(lines.at(i)); // the decoding is lazy
            Q_UNUSED(decodedLine);
            if (lineDecoder.hasError())
                badLine = i + 1;
        }
        if (error)
            *error = QCoreApplication::translate("DeleteRequest",
                                                 "The id file is not UTF-8 text: line %1 holds bytes "
                                                 "that are not UTF-8.")
                         .arg(badLine);
        return std::nullopt;
    }
    return parseIds(text, error, asGiven);
}

QList<QStringList> DeleteRequest::chunks(const QStringList &ids, int chunkSize)
{
    QList<QStringList> result;
    for (qsizetype start = 0; start < ids.size(); start += chunkSize)
        result.append(ids.mid(start, chunkSize));
    return result;
}
