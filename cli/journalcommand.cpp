#include "journalcommand.h"

#include "deletion/deletioncontext.h"
#include "deletion/deletionstore.h"
#include "desktopformatter.h"

#include <QJsonArray>

JournalCommand::JournalCommand(Options options, QTextStream &out, QTextStream &err, QObject *parent)
    : CliCommand(nullptr, out, err, parent)
    , m_options(std::move(options))
{
}

void JournalCommand::start()
{
    QString error;
    const std::shared_ptr<DeletionStore> store = DeletionStore::open(m_options.dataDir, &error);
    if (!store) {
        err() << error << Qt::endl;
        finish(ExitUsageError);
        return;
    }
    if (!store->loadWarning.isEmpty()) {
        err() << store->loadWarning << Qt::endl;
        finish(ExitUsageError);
        return;
    }
    for (const QString &notice : store->settlement.messages)
        err() << notice << Qt::endl;
    if (m_options.forgetJobId.isEmpty())
        list(*store);
    else
        forget(*store);
}

void JournalCommand::list(const DeletionStore &store)
{
    const QList<JournalEntry> &entries = store.journal().entries();
    if (entries.isEmpty()) {
        err() << tr("The journal in %1 holds no unfinished job.").arg(store.journal().filePath()) << Qt::endl;
        finish(ExitSuccess);
        return;
    }
    QList<QStringList> rows;
    for (const JournalEntry &entry : entries) {
        rows.append({entry.jobId, entry.projectId, entry.profileName,
                     entry.submittedAt.toString(Qt::ISODate), QString::number(entry.desktopIds.size()),
                     entry.desktopIds.join(QLatin1Char(','))});
    }
    out() << DesktopFormatter::alignedTable({QStringLiteral("JOB_ID"), QStringLiteral("PROJECT_ID"),
                                             QStringLiteral("PROFILE"), QStringLiteral("SUBMITTED"),
                                             QStringLiteral("DESKTOPS"), QStringLiteral("DESKTOP_IDS")},
                                            rows);
    finish(ExitSuccess);
}

void JournalCommand::forget(DeletionStore &store)
{
    JobJournal &journal = store.journal();
    if (!journal.contains(m_options.forgetJobId)) {
        err() << tr("The journal holds no job %1.").arg(m_options.forgetJobId) << Qt::endl;
        finish(ExitUsageError);
        return;
    }
    const JournalEntry entry = journal.entry(m_options.forgetJobId);
    if (!m_options.confirmed) {
        err() << tr("Forgetting job %1 stops every follow-up of its %Ln desktop(s), whose outcome is then "
                    "recorded nowhere: add --yes to confirm.",
                    nullptr, int(entry.desktopIds.size()))
                     .arg(entry.jobId)
              << Qt::endl;
        finish(ExitUsageError);
        return;
    }
    // Audited first: a journal entry never disappears without a trace.
    QJsonArray desktops;
    for (const QString &id : entry.desktopIds)
        desktops.append(id);
    const bool audited = store.audit().append(
        QStringLiteral("journal_forgotten"),
        {{QStringLiteral("job_id"), entry.jobId},
         {QStringLiteral("run_id"), entry.runId},
         {QStringLiteral("project_id"), entry.projectId},
         {QStringLiteral("profile"), entry.profileName},
         {QStringLiteral("os_user"), DeletionContext::currentOsUser()},
         {QStringLiteral("desktop_ids"), desktops}});
    if (!audited) {
        err() << tr("The audit log cannot be written, so job %1 is kept: %2")
                     .arg(entry.jobId, store.audit().lastError())
              << Qt::endl;
        finish(ExitUsageError);
        return;
    }
    if (!journal.remove(entry.jobId)) {
        err() << journal.lastError() << Qt::endl;
        finish(ExitUsageError);
        return;
    }
    err() << tr("Job %1 is forgotten; its outcome was never learned. Re-list its desktops to see what is "
                "still there.")
                 .arg(entry.jobId)
          << Qt::endl;
    finish(ExitSuccess);
}
