#include "recordsettlement.h"

#include "api/workspacejson.h"
#include "deletion/auditlog.h"
#include "deletion/deletionresult.h"
#include "deletion/jobjournal.h"
#include "deletion/jobtracker.h"
#include "deletion/unknownoutcomes.h"

#include <QJsonArray>
#include <QSysInfo>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#endif

using namespace AuditRecord;

QList<RecordSettlement::OpenIntent> RecordSettlement::openIntents(const QList<QJsonObject> &entries)
{
    QList<OpenIntent> intents;
    QHash<QString, qsizetype> indexByKey;
    for (const QJsonObject &entry : entries) {
        const Event event = eventOf(entry);
        if (event == Event::Intent) {
            OpenIntent intent;
            intent.runId = text(entry, "run_id");
            intent.chunk = entry.value(QLatin1String("chunk")).toInt();
            intent.kind = kindOf(entry);
            intent.projectId = text(entry, "project_id");
            intent.targetIds = intentTargetIds(entry);
            intent.time = WorkspaceJson::parseTimestamp(text(entry, "time"));
            intent.processId = entry.value(QLatin1String("process_id")).toInteger();
            intent.host = text(entry, "host");
            indexByKey.insert(chunkKey(entry), intents.size());
            intents.append(intent);
            continue;
        }
        if (!answersIntent(event))
            continue;
        const auto it = indexByKey.constFind(chunkKey(entry));
        if (it != indexByKey.cend()) {
            intents[*it].runId.clear(); // answered
        } else if (event == Event::NotSent && !entry.contains(QLatin1String("chunk"))) {
            // An earlier version's not_sent carries no chunk: it settles the run's intents whose
            // desktops it names.
            const QStringList ids = outcomeTargetIds(entry);
            const QString runId = text(entry, "run_id");
            for (OpenIntent &intent : intents) {
                if (intent.runId == runId
                    && std::all_of(intent.targetIds.cbegin(), intent.targetIds.cend(),
                                   [&ids](const QString &id) { return ids.contains(id); }))
                    intent.runId.clear();
            }
        }
    }
    intents.removeIf([](const OpenIntent &intent) { return intent.runId.isEmpty(); });
    return intents;
}

bool RecordSettlement::writtenByLiveProcess(const OpenIntent &intent)
{
    return isLiveProcess(intent.processId, intent.host);
}

bool RecordSettlement::isLiveProcess(qint64 processId, const QString &host)
{
    if (processId <= 0 || host != QSysInfo::machineHostName())
        return false;
    // This process settles before it sends anything, so an intent of its own pid is an older
    // process's whose id was reused.
    if (processId == QCoreApplication::applicationPid())
        return false;
#ifdef Q_OS_UNIX
    return ::kill(pid_t(processId), 0) == 0 || errno == EPERM;
#else
    return false;
#endif
}

QString RecordSettlement::settledMessage(const OpenIntent &intent)
{
    const int count = int(intent.targetIds.size());
    if (intent.kind == QLatin1String("delete"))
        return tr("The outcome of a deletion request for %n desktop(s) is unknown (the app ended "
                  "while it was being sent); re-list them before deciding.",
                  nullptr, count);
    return tr("The outcome of a request (%1) for %n desktop(s) or pool(s) is unknown (the app ended while it "
              "was being sent); re-list them before deciding.",
              nullptr, count)
        .arg(intent.kind);
}

SettlementReport RecordSettlement::settleAtStart(AuditLog &audit, JobJournal &journal)
{
    SettlementReport report;
    QString readError;
    const QList<QJsonObject> entries = AuditLog::readEntries(audit.filePath(), &readError);
    if (!readError.isEmpty()) {
        ++report.failedWrites;
        report.messages.append(readError);
    }
    const QList<OpenIntent> open = openIntents(entries);
    for (const OpenIntent &intent : open) {
        if (writtenByLiveProcess(intent))
            continue;
        const QString reason = tr("The app ended before the answer to this request was recorded; "
                                  "the change may or may not have been made.");
        const AuditedRequest request{intent.kind, intent.runId, intent.chunk, intent.projectId, intent.targetIds};
        if (audit.appendOutcomeUnknown(request, reason, QStringLiteral("app_ended"))) {
            ++report.settledIntents;
            if (intent.kind == QLatin1String("delete"))
                report.unknownIntents.append(intent);
            report.messages.append(settledMessage(intent));
        } else {
            ++report.failedWrites;
            report.messages.append(audit.lastError());
        }
    }

    const QList<JournalEntry> journalEntries = journal.entries();
    for (const JournalEntry &entry : journalEntries) {
        if (JobTracker::isFollowableJobId(entry.jobId))
            continue;
        const QString reason = tr("The job id in the journal cannot be followed; the outcome of "
                                  "its desktops is unknown — re-list them.");
        DeletionResult result(entry.desktopIds, entry.desktopNames);
        result.setSubmitted(entry.desktopIds, entry.jobId);
        result.setJobAbandoned(entry.jobId, reason);
        // Audited first: a journal entry never disappears without a record of why.
        if (audit.appendJobLost(entry.jobId, entry.projectId, reason,
                                result.jobResultsJson(entry.jobId))
            && journal.remove(entry.jobId)) {
            ++report.settledJournalEntries;
            report.messages.append(tr("A journal entry for %n desktop(s) could not be followed "
                                      "and was settled as \"outcome unknown\".",
                                      nullptr, int(entry.desktopIds.size())));
        } else {
            ++report.failedWrites;
            report.messages.append(!audit.lastError().isEmpty() ? audit.lastError()
                                                                : journal.lastError());
        }
    }
    return report;
}

QSet<QString> RecordSettlement::unknownOutcomeDesktopIds(const QList<QJsonObject> &entries,
                                                         const QString &projectId)
{
    UnknownOutcomes outcomes;
    for (const QJsonObject &entry : entries)
        outcomes.replay(entry);
    return outcomes.of(projectId, QStringLiteral("delete"));
}

QSet<QString> RecordSettlement::unknownOutcomeDesktopIds(const QString &auditFilePath,
                                                         const QString &projectId)
{
    return unknownOutcomeDesktopIds(AuditLog::readEntries(auditFilePath), projectId);
}

QSet<QString> RecordSettlement::resolveByListing(AuditLog &audit, const QString &projectId,
                                                 const QStringList &lookedUpIds,
                                                 const QHash<QString, Desktop> &found)
{
    // The log's own index: a deletion request never re-reads the whole log.
    QSet<QString> unknown = audit.unknownOutcomeDesktopIds(projectId);
    QStringList gone;
    QStringList idle;
    for (const QString &id : lookedUpIds) {
        if (!unknown.contains(id))
            continue;
        const auto it = found.constFind(id);
        if (it == found.cend() || it->isGone())
            gone.append(id);
        else if (!it->isBeingDeleted())
            idle.append(id);
    }
    if (!gone.isEmpty() && audit.appendOutcomeResolved(projectId, gone, QStringLiteral("gone")))
        unknown.subtract(QSet<QString>(gone.cbegin(), gone.cend()));
    if (!idle.isEmpty()
        && audit.appendOutcomeResolved(projectId, idle, QStringLiteral("present_not_being_deleted")))
        unknown.subtract(QSet<QString>(idle.cbegin(), idle.cend()));
    return unknown;
}
