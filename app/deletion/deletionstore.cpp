#include "deletionstore.h"

#include <QCoreApplication>
#include <QDir>

namespace {
// Jobs of a large deletion end one after another: their removals from the journal are written
// together, at most once a second.
constexpr int kJournalRemovalGatheringMs = 1000;

QString cannotCreate(const QString &dataDir)
{
    return QCoreApplication::translate("DeletionStore", "Cannot create the data directory %1.")
        .arg(QDir::toNativeSeparators(dataDir));
}

// The record of a data directory whose creation was tried; `warning` says why it could not be made.
std::shared_ptr<DeletionStore> openIn(const QString &dataDir, QString warning)
{
    auto store = std::make_shared<DeletionStore>(dataDir);
    if (warning.isEmpty() && !store->journal().load())
        warning = store->journal().lastError();
    store->loadWarning = warning;
    // Before anything reads the record: intents left without an outcome and journal entries that
    // cannot be followed become "outcome unknown".
    store->settlement = RecordSettlement::settleAtStart(store->audit(), store->journal());
    store->journal().setRemovalDelayMs(kJournalRemovalGatheringMs);
    return store;
}
} // namespace

DeletionStore::DeletionStore(const QString &dataDir)
    : m_audit(std::make_unique<AuditLog>(AuditLog::defaultFilePath(dataDir)))
    , m_journal(std::make_unique<JobJournal>(JobJournal::defaultFilePath(dataDir)))
    , m_inFlight(std::make_unique<InFlightRegistry>())
{
}

std::shared_ptr<DeletionStore> DeletionStore::open(const QString &dataDir, QString *error)
{
    if (!QDir().mkpath(dataDir)) {
        if (error)
            *error = cannotCreate(dataDir);
        return nullptr;
    }
    return openIn(dataDir, {});
}

std::shared_ptr<DeletionStore> DeletionStore::openAnyway(const QString &dataDir)
{
    return openIn(dataDir, QDir().mkpath(dataDir) ? QString() : cannotCreate(dataDir));
}

QStringList DeletionStore::notices() const
{
    QStringList lines = settlement.messages;
    if (!loadWarning.isEmpty())
        lines.prepend(loadWarning);
    return lines;
}
