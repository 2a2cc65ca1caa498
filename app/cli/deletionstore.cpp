#include "deletionstore.h"

#include <QCoreApplication>
#include <QDir>

std::unique_ptr<DeletionStore> DeletionStore::open(const QString &dataDir, QString *error)
{
    if (!QDir().mkpath(dataDir)) {
        if (error)
            *error = QCoreApplication::translate("DeletionStore", "Cannot create the data directory %1.")
                         .arg(QDir::toNativeSeparators(dataDir));
        return nullptr;
    }
    auto store = std::make_unique<DeletionStore>();
    store->audit = std::make_unique<AuditLog>(AuditLog::defaultFilePath(dataDir));
    store->journal = std::make_unique<JobJournal>(JobJournal::defaultFilePath(dataDir));
    if (!store->journal->load())
        store->loadWarning = store->journal->lastError();
    store->settlement = RecordSettlement::settleAtStart(*store->audit, *store->journal);
    return store;
}

QStringList DeletionStore::notices() const
{
    QStringList lines = settlement.messages;
    if (!loadWarning.isEmpty())
        lines.prepend(loadWarning);
    return lines;
}
