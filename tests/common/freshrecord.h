#pragma once

#include "deletion/auditlog.h"
#include "deletion/jobjournal.h"

#include <QFile>
#include <QString>

#include <memory>

// An empty audit log and job journal in `dir` for each test function of the suites that drive the
// deletion engine: what one test wrote must not settle or skip anything in the next.
inline void openFreshRecord(const QString &dir, std::unique_ptr<AuditLog> *audit, std::unique_ptr<JobJournal> *journal)
{
    QFile::remove(AuditLog::defaultFilePath(dir));
    QFile::remove(JobJournal::defaultFilePath(dir));
    *audit = std::make_unique<AuditLog>(AuditLog::defaultFilePath(dir));
    *journal = std::make_unique<JobJournal>(JobJournal::defaultFilePath(dir));
}
