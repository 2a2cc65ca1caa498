#include "deletion/jobjournal.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {
JournalEntry makeEntry(const QString &jobId, const QString &projectId, const QStringList &ids)
{
    JournalEntry entry;
    entry.jobId = jobId;
    entry.runId = QStringLiteral("run-1");
    entry.profileName = QStringLiteral("prod");
    entry.projectId = projectId;
    entry.endpointHost = QStringLiteral("workspace.example");
    entry.region = QStringLiteral("ap-southeast-3");
    entry.desktopIds = ids;
    entry.desktopNames.insert(ids.first(), QStringLiteral("pc-") + ids.first());
    entry.options.deleteUsers = true;
    entry.options.emailNotification = false;
    entry.submittedAt = QDateTime(QDate(2026, 11, 28), QTime(9, 0, 1, 250), Qt::UTC);
    return entry;
}
} // namespace

class TestJobJournal : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void missingFileIsEmpty();
    void survivesReload();
    void removeFinishedJob();
    void pendingDesktopsPerProject();
    void corruptFileIsKeptAside();
    void noTemporaryFilesLeft();
    void removalsAreWrittenTogether();
};

void TestJobJournal::missingFileIsEmpty()
{
    QTemporaryDir dir;
    JobJournal journal(JobJournal::defaultFilePath(dir.path()));
    QVERIFY(journal.load());
    QVERIFY(journal.entries().isEmpty());
}

void TestJobJournal::survivesReload()
{
    QTemporaryDir dir;
    const QString path = JobJournal::defaultFilePath(dir.path());
    {
        JobJournal journal(path);
        QVERIFY(journal.load());
        QVERIFY(journal.add(makeEntry(QStringLiteral("job-1"), QStringLiteral("p1"),
                                      {QStringLiteral("d1"), QStringLiteral("d2")})));
        QVERIFY(journal.add(makeEntry(QStringLiteral("job-2"), QStringLiteral("p1"),
                                      {QStringLiteral("d3")})));
    }
    JobJournal reloaded(path);
    QVERIFY(reloaded.load());
    QCOMPARE(reloaded.entries().size(), 2);
    const JournalEntry entry = reloaded.entry(QStringLiteral("job-1"));
    QCOMPARE(entry.desktopIds, (QStringList{QStringLiteral("d1"), QStringLiteral("d2")}));
    QCOMPARE(entry.desktopNames.value(QStringLiteral("d1")), QStringLiteral("pc-d1"));
    QCOMPARE(entry.profileName, QStringLiteral("prod"));
    QCOMPARE(entry.projectId, QStringLiteral("p1"));
    QCOMPARE(entry.endpointHost, QStringLiteral("workspace.example"));
    QCOMPARE(entry.region, QStringLiteral("ap-southeast-3"));
    QCOMPARE(entry.runId, QStringLiteral("run-1"));
    QCOMPARE(entry.options.deleteUsers, true);
    QCOMPARE(entry.options.emailNotification, false);
    QCOMPARE(entry.options.forceDelete, false);
    QCOMPARE(entry.submittedAt, QDateTime(QDate(2026, 11, 28), QTime(9, 0, 1, 250), Qt::UTC));
}

void TestJobJournal::removeFinishedJob()
{
    QTemporaryDir dir;
    const QString path = JobJournal::defaultFilePath(dir.path());
    JobJournal journal(path);
    QVERIFY(journal.add(makeEntry(QStringLiteral("job-1"), QStringLiteral("p1"), {QStringLiteral("d1")})));
    QVERIFY(journal.add(makeEntry(QStringLiteral("job-2"), QStringLiteral("p1"), {QStringLiteral("d2")})));
    QVERIFY(journal.remove(QStringLiteral("job-1")));
    JobJournal reloaded(path);
    QVERIFY(reloaded.load());
    QCOMPARE(reloaded.entries().size(), 1);
    QVERIFY(!reloaded.contains(QStringLiteral("job-1")));
    QVERIFY(reloaded.contains(QStringLiteral("job-2")));
}

void TestJobJournal::pendingDesktopsPerProject()
{
    QTemporaryDir dir;
    JobJournal journal(JobJournal::defaultFilePath(dir.path()));
    QVERIFY(journal.add(makeEntry(QStringLiteral("job-1"), QStringLiteral("p1"), {QStringLiteral("d1")})));
    QVERIFY(journal.add(makeEntry(QStringLiteral("job-2"), QStringLiteral("p2"), {QStringLiteral("d2")})));
    const QHash<QString, QString> pending = journal.pendingDesktopJobs(QStringLiteral("p1"));
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.value(QStringLiteral("d1")), QStringLiteral("job-1"));
    QCOMPARE(journal.entriesForProject(QStringLiteral("p2")).size(), 1);
}

void TestJobJournal::corruptFileIsKeptAside()
{
    QTemporaryDir dir;
    const QString path = JobJournal::defaultFilePath(dir.path());
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"jobs\": [ {\"job_id\": \"jo");
    }
    JobJournal journal(path);
    QVERIFY(!journal.load());
    QVERIFY(!journal.lastError().isEmpty());
    QVERIFY(QFile::exists(path + QStringLiteral(".corrupt")));
    QVERIFY(journal.entries().isEmpty());
    QVERIFY(journal.add(makeEntry(QStringLiteral("job-3"), QStringLiteral("p1"), {QStringLiteral("d1")})));
    JobJournal reloaded(path);
    QVERIFY(reloaded.load());
    QCOMPARE(reloaded.entries().size(), 1);
}

void TestJobJournal::noTemporaryFilesLeft()
{
    QTemporaryDir dir;
    JobJournal journal(JobJournal::defaultFilePath(dir.path()));
    QVERIFY(journal.add(makeEntry(QStringLiteral("job-1"), QStringLiteral("p1"), {QStringLiteral("d1")})));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("jobs.json")});
}

QTEST_GUILESS_MAIN(TestJobJournal)
#include "tst_jobjournal.moc"

// 100 jobs ending one after another: their removals cost one write, a new job is written at once,
// and what is pending is written on flush() and when the journal goes away.
void TestJobJournal::removalsAreWrittenTogether()
{
    QTemporaryDir dir;
    const QString path = JobJournal::defaultFilePath(dir.path());
    auto onDisk = [&path] {
        JobJournal reader(path);
        reader.load();
        return reader.entries().size();
    };
    {
        JobJournal journal(path);
        QVERIFY(journal.load());
        journal.setRemovalDelayMs(20);
        for (int i = 0; i < 100; ++i)
            QVERIFY(journal.add(makeEntry(QStringLiteral("job-%1").arg(i), QStringLiteral("p1"),
                                          {QStringLiteral("d%1").arg(i)})));
        QCOMPARE(journal.writeCount(), 100); // each new job before the next request
        for (int i = 0; i < 99; ++i)
            QVERIFY(journal.remove(QStringLiteral("job-%1").arg(i)));
        QCOMPARE(journal.entries().size(), 1);
        QCOMPARE(onDisk(), 100); // not yet written
        QTRY_COMPARE(journal.writeCount(), 101);
        QCOMPARE(onDisk(), 1);

        QVERIFY(journal.remove(QStringLiteral("job-99")));
        QVERIFY(journal.flush());
        QCOMPARE(journal.writeCount(), 102);
        QCOMPARE(onDisk(), 0);
        QVERIFY(journal.flush()); // nothing pending: no write
        QCOMPARE(journal.writeCount(), 102);

        QVERIFY(journal.add(makeEntry(QStringLiteral("job-x"), QStringLiteral("p1"), {QStringLiteral("dx")})));
        QVERIFY(journal.remove(QStringLiteral("job-x")));
        QCOMPARE(onDisk(), 1);
    }
    QCOMPARE(onDisk(), 0); // written when the journal went away
}
