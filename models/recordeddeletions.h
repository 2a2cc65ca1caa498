#pragma once

#include "deletion/deletionresult.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

// A deletion of an earlier session as the audit log tells it: when it was confirmed (its first
// request's intent) and every desktop the record names with its last recorded outcome — deleted
// or failed as its job's end said, not sent (the run stopped, or the app was closed before the
// request), unknown, or in a job not seen to end. What a deletion resumed after a restart shows
// beside the jobs it follows again, so that it comes back as the deletion that was confirmed.
struct RecordedDeletion
{
    QString runId;
    QDateTime confirmedAt; // UTC; invalid when the record holds no intent of it
    QList<DesktopResult> desktops; // in the order the record names them
    int count(DeletionOutcome outcome) const;
};

namespace RecordedDeletions {

// The deletions of these run ids, from the lines of an audit log (oldest first).
QHash<QString, RecordedDeletion> fromEntries(const QList<QJsonObject> &entries, const QSet<QString> &runIds);
// The same from the audit log's file; only the lines that can concern them are parsed.
QHash<QString, RecordedDeletion> read(const QString &auditFilePath, const QSet<QString> &runIds);

} // namespace RecordedDeletions
