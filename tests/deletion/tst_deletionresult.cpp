#include "api/apierror.h"
#include "deletion/deletionresult.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

namespace {
QStringList makeIds(int count)
{
    QStringList ids;
    for (int i = 0; i < count; ++i)
        ids.append(QStringLiteral("d%1").arg(i));
    return ids;
}

SubJob subJob(const QString &desktopId, const QString &status, const QString &code = {},
              const QString &reason = {})
{
    SubJob job;
    job.desktopId = desktopId;
    job.status = status;
    job.errorCode = code;
    job.failReason = reason;
    return job;
}
} // namespace

class TestDeletionResult : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mixedOutcomesSummary();
    void summaryUsesPlurals();
    void ambiguousPostErrorIsUnknown();
    void definitePostErrorIsFailed();
    void conflictIsAmbiguous();
    void configurationErrorIsNotSent();
    void jobEndWithoutSubJobResult();
    void failedJobWithRunningSubJobsLeavesThemUnknown();
    void foreignSubJobsAreIgnored();
    void csvQuotesAndDefusesFormulas();
    void exportWritesFile();
};

void TestDeletionResult::mixedOutcomesSummary()
{
    const QStringList ids = makeIds(100);
    DeletionResult result(ids, {});
    result.setSubmitted(ids, QStringLiteral("job-1"));
    QVERIFY(!result.isComplete());
    Job job;
    job.id = QStringLiteral("job-1");
    job.status = QStringLiteral("FAIL");
    QList<SubJob> subJobs;
    for (int i = 0; i < 100; ++i) {
        subJobs.append(i < 97 ? subJob(ids.at(i), QStringLiteral("SUCCESS"))
                              : subJob(ids.at(i), QStringLiteral("FAILED"), QStringLiteral("WKS.0110"),
                                       QStringLiteral("yearly/monthly")));
    }
    result.applyJob(job, subJobs, true);
    QVERIFY(result.isComplete());
    QCOMPARE(result.count(DeletionOutcome::Deleted), 97);
    QCOMPARE(result.count(DeletionOutcome::Failed), 3);
    QCOMPARE(result.summaryText(), QStringLiteral("97 deleted, 3 failed"));
    QCOMPARE(result.failedDesktopIds(),
             (QStringList{QStringLiteral("d97"), QStringLiteral("d98"), QStringLiteral("d99")}));
    QCOMPARE(result.row(QStringLiteral("d98")).errorCode, QStringLiteral("WKS.0110"));
    QCOMPARE(result.row(QStringLiteral("d98")).reason, QStringLiteral("yearly/monthly"));
}

void TestDeletionResult::summaryUsesPlurals()
{
    DeletionResult result({QStringLiteral("a"), QStringLiteral("b")}, {});
    result.setNotSent({QStringLiteral("a")}, QStringLiteral("why"));
    result.setPostFailed({QStringLiteral("b")}, [] {
        ApiError error;
        error.kind = ApiError::Kind::Timeout;
        return error;
    }());
    QCOMPARE(result.summaryText(), QStringLiteral("1 unknown, 1 not sent"));
    QCOMPARE(result.unresolvedDesktopIds().size(), 2);
    QVERIFY(result.failedDesktopIds().isEmpty());
}

void TestDeletionResult::ambiguousPostErrorIsUnknown()
{
    DeletionResult result({QStringLiteral("a")}, {});
    ApiError error;
    error.kind = ApiError::Kind::Http;
    error.httpStatus = 504;
    result.setPostFailed({QStringLiteral("a")}, error);
    QCOMPARE(result.row(QStringLiteral("a")).outcome, DeletionOutcome::Unknown);
}

void TestDeletionResult::definitePostErrorIsFailed()
{
    DeletionResult result({QStringLiteral("a")}, {});
    ApiError error;
    error.kind = ApiError::Kind::Http;
    error.httpStatus = 400;
    error.errorCode = QStringLiteral("WKS.0001");
    error.errorMessage = QStringLiteral("invalid parameter");
    result.setPostFailed({QStringLiteral("a")}, error);
    const DesktopResult row = result.row(QStringLiteral("a"));
    QCOMPARE(row.outcome, DeletionOutcome::Failed);
    QCOMPARE(row.errorCode, QStringLiteral("WKS.0001"));
    QCOMPARE(row.reason, QStringLiteral("invalid parameter"));
    QVERIFY(!DeletionResult::isAmbiguousPostFailure(error));
}

// Qt re-sends a request once when its connection drops before the answer: a 409 may be the
// answer to that resend, the first copy having been carried out. It is never a plain failure.
void TestDeletionResult::conflictIsAmbiguous()
{
    DeletionResult result({QStringLiteral("a")}, {});
    ApiError error;
    error.kind = ApiError::Kind::Http;
    error.httpStatus = 409;
    error.errorCode = QStringLiteral("WKS.00010032");
    error.errorMessage = QStringLiteral("Operation conflict.");
    QVERIFY(DeletionResult::isAmbiguousPostFailure(error));
    result.setPostFailed({QStringLiteral("a")}, error);
    const DesktopResult row = result.row(QStringLiteral("a"));
    QCOMPARE(row.outcome, DeletionOutcome::Unknown);
    QCOMPARE(row.errorCode, QStringLiteral("WKS.00010032"));
    QVERIFY(row.reason.startsWith(QLatin1String("Operation conflict.")));
    QVERIFY(row.reason.contains(DeletionResult::unknownOutcomeAdvice()));
}

void TestDeletionResult::configurationErrorIsNotSent()
{
    DeletionResult result({QStringLiteral("a")}, {});
    result.setPostFailed({QStringLiteral("a")}, ApiError::configuration(QStringLiteral("no endpoint")));
    QCOMPARE(result.row(QStringLiteral("a")).outcome, DeletionOutcome::NotSent);
}

void TestDeletionResult::jobEndWithoutSubJobResult()
{
    DeletionResult result({QStringLiteral("a"), QStringLiteral("b")}, {});
    result.setSubmitted({QStringLiteral("a"), QStringLiteral("b")}, QStringLiteral("job-1"));
    Job job;
    job.id = QStringLiteral("job-1");
    job.status = QStringLiteral("SUCCESS");
    result.applyJob(job, {subJob(QStringLiteral("a"), QStringLiteral("SUCCESS"))}, true);
    QCOMPARE(result.row(QStringLiteral("a")).outcome, DeletionOutcome::Deleted);
    QCOMPARE(result.row(QStringLiteral("b")).outcome, DeletionOutcome::Unknown);

    DeletionResult failed({QStringLiteral("c")}, {});
    failed.setSubmitted({QStringLiteral("c")}, QStringLiteral("job-2"));
    job.id = QStringLiteral("job-2");
    job.status = QStringLiteral("FAIL");
    job.jobErrorCode = QStringLiteral("WKS.9999");
    job.failReason = QStringLiteral("whole job failed");
    failed.applyJob(job, {}, true);
    QCOMPARE(failed.row(QStringLiteral("c")).outcome, DeletionOutcome::Failed);
    QCOMPARE(failed.row(QStringLiteral("c")).errorCode, QStringLiteral("WKS.9999"));
}

void TestDeletionResult::failedJobWithRunningSubJobsLeavesThemUnknown()
{
    const QStringList ids{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    DeletionResult result(ids, {});
    result.setSubmitted(ids, QStringLiteral("job-1"));
    Job job;
    job.id = QStringLiteral("job-1");
    job.status = QStringLiteral("FAIL");
    job.jobErrorCode = QStringLiteral("WKS.9999");
    job.failReason = QStringLiteral("job failed");
    job.subJobsTotal = 3;
    result.applyJob(job,
                    {subJob(QStringLiteral("a"), QStringLiteral("FAILED"), QStringLiteral("WKS.1"),
                            QStringLiteral("refused")),
                     subJob(QStringLiteral("b"), QStringLiteral("RUNNING"))},
                    true);
    QCOMPARE(result.row(QStringLiteral("a")).outcome, DeletionOutcome::Failed);
    QCOMPARE(result.row(QStringLiteral("a")).errorCode, QStringLiteral("WKS.1"));
    // b still ran and c was never listed: the job's failure is not theirs.
    QCOMPARE(result.row(QStringLiteral("b")).outcome, DeletionOutcome::Unknown);
    QVERIFY(result.row(QStringLiteral("b")).reason.contains(QLatin1String("still running")));
    QCOMPARE(result.row(QStringLiteral("c")).outcome, DeletionOutcome::Unknown);
    QVERIFY(result.row(QStringLiteral("c")).errorCode.isEmpty());
    QCOMPARE(result.failedDesktopIds(), QStringList{QStringLiteral("a")});
}

void TestDeletionResult::foreignSubJobsAreIgnored()
{
    DeletionResult result({QStringLiteral("a")}, {});
    result.setSubmitted({QStringLiteral("a")}, QStringLiteral("job-1"));
    Job job;
    job.id = QStringLiteral("job-1");
    job.status = QStringLiteral("SUCCESS");
    result.applyJob(job, {subJob(QStringLiteral("zz"), QStringLiteral("SUCCESS"))}, true);
    QVERIFY(!result.contains(QStringLiteral("zz")));
    QCOMPARE(result.size(), 1);
    QCOMPARE(result.row(QStringLiteral("a")).outcome, DeletionOutcome::Unknown);
}

void TestDeletionResult::csvQuotesAndDefusesFormulas()
{
    QHash<QString, QString> names{{QStringLiteral("a"), QStringLiteral("pc, \"one\"")},
                                  {QStringLiteral("b"), QStringLiteral("=HYPERLINK(\"x\")")}};
    DeletionResult result({QStringLiteral("a"), QStringLiteral("b")}, names);
    result.setSubmitted({QStringLiteral("a"), QStringLiteral("b")}, QStringLiteral("job-1"));
    Job job;
    job.id = QStringLiteral("job-1");
    job.status = QStringLiteral("FAIL");
    SubJob deleted = subJob(QStringLiteral("a"), QStringLiteral("SUCCESS"));
    // The service's end time, whatever zone it came in, is written in UTC.
    deleted.endTime = QDateTime(QDate(2026, 3, 4), QTime(13, 5, 6), QTimeZone(8 * 3600));
    result.applyJob(job,
                    {deleted, subJob(QStringLiteral("b"), QStringLiteral("FAILED"), QStringLiteral("WKS.1"),
                                     QStringLiteral("line one\nline two"))},
                    true);
    BatchDeleteOptions options;
    options.forceDelete = true;
    const QList<QByteArray> lines = result.toCsv(options).split('\n');
    QCOMPARE(lines.at(0), QByteArray("desktop_id,desktop_name,outcome,error_code,reason,job_id,end_time,"
                                     "delete_users,email_notification,force_delete\r"));
    QCOMPARE(lines.at(1), QByteArray("a,\"pc, \"\"one\"\"\",deleted,,,job-1,2026-03-04T05:05:06Z,false,true,true\r"));
    QCOMPARE(lines.at(2), QByteArray("b,\"'=HYPERLINK(\"\"x\"\")\",failed,WKS.1,\"line one"));
    QCOMPARE(lines.at(3), QByteArray("line two\",job-1,,false,true,true\r"));
    // Without the options (a result on its own) their cells stay empty.
    QVERIFY(result.toCsv().split('\n').at(1).endsWith(",2026-03-04T05:05:06Z,,,\r"));
}

void TestDeletionResult::exportWritesFile()
{
    QTemporaryDir dir;
    DeletionResult result({QStringLiteral("a")}, {});
    result.setNotSent({QStringLiteral("a")}, QStringLiteral("cancelled"));
    const QString path = dir.filePath(QStringLiteral("out.csv"));
    QString error;
    QVERIFY2(result.exportCsv(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), result.toCsv());
    QVERIFY(!result.exportCsv(dir.filePath(QStringLiteral("missing/dir/out.csv")), &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestDeletionResult)
#include "tst_deletionresult.moc"
