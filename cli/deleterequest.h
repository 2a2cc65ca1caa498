#pragma once

#include "api/workspacetypes.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What `delete` was asked to do, checked before anything is sent: the ids (deduplicated, in the
// order given) and the API flags. Pure, so the parsing rules are tested without a process.
struct DeleteRequest
{
    QStringList desktopIds;
    QStringList requestedIds; // as given, duplicates included, so that they can be reported
    BatchDeleteOptions options;
    bool dryRun = false;
    // Desktops billed yearly/monthly are left out unless asked for (the console unsubscribes them).
    bool includeYearlyMonthly = false;
    // The pools of the desktops whose autoscale is on (or not known to be off) stop scaling before
    // anything is deleted; if one cannot be stopped, nothing is deleted.
    bool turnAutoscaleOffFirst = false;

    // Ids separated by commas, whitespace or line breaks; '#' starts a comment up to the end of
    // the line. An id holds letters, digits, '-' and '_' only, so that a stray quote or path can
    // never be taken for a desktop. Nothing with a translated *error when an id is malformed or
    // none is given. *asGiven, when asked for, receives every id including the repeated ones.
    static std::optional<QStringList> parseIds(const QString &text, QString *error,
                                               QStringList *asGiven = nullptr);
    // The same for the bytes of an ids file, which must be UTF-8 (a BOM is allowed): bytes that
    // are not are refused with the line they are on, never turned into replacement characters.
    static std::optional<QStringList> parseIdsFile(const QByteArray &bytes, QString *error,
                                                   QStringList *asGiven = nullptr);

    // Splits the ids into batch-delete requests of at most chunkSize ids.
    static QList<QStringList> chunks(const QStringList &ids, int chunkSize);
};
