#pragma once

#include "deletion/auditlog.h"
#include "deletion/deletionstore.h"
#include "deletion/jobjournal.h"

#include <QFile>
#include <QString>

#include <memory>

// An empty record (audit log, job journal, runs in flight) in `dir` for each test function of the
// suites that drive the change runs: what one test wrote must not settle or skip anything in the
// next. *audit and *journal point into the store, for the tests' reading.
inline void openFreshRecord(const QString &dir, DeletionStorePtr *store, AuditLog **audit, JobJournal **journal)
{
    QFile::remove(AuditLog::defaultFilePath(dir));
    QFile::remove(JobJournal::defaultFilePath(dir));
    *store = std::make_shared<DeletionStore>(dir);
    *audit = &(*store)->audit();
    *journal = &(*store)->journal();
}
