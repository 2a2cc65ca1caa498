#include "deletion/auditlog.h"
#include "deletion/jobjournal.h"
#include "deletion/recordsettlement.h"

#include <QFile>
#include <QJsonArray>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

namespace {
// Copies a fixture audit log into dir as audit.jsonl, with @HOST@ replaced by this machine's name.
QString installFixture(const QTemporaryDir &dir, const QString &name)
{
    QFile source(QStringLiteral(WORKSPACE_TEST_DATA_DIR "/") + name);
    if (!source.open(QIODevice::ReadOnly))
        return {};
    QByteArray bytes = source.readAll();
    bytes.replace("@HOST@", QSysInfo::machineHostName().toUtf8());
    const QString path = AuditLog::defaultFilePath(dir.path());
    QFile target(path);
    if (!target.open(QIODevice::WriteOnly) || target.write(bytes) != bytes.size())
        return {};
    return path;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QList<QJsonObject> eventsOf(const QString &path, const QString &event)
{
    QList<QJsonObject> matching;
    const QList<QJsonObject> entries = AuditLog::readEntries(path);
    for (const QJsonObject &entry : entries) {
        if (entry.value(QLatin1String("event")).toString() == event)
            matching.append(entry);
    }
    return matching;
}

QSet<QString> ids(std::initializer_list<const char *> list)
{
    QSet<QString> set;
    for (const char *id : list)
        set.insert(QString::fromLatin1(id));
    return set;
}

Desktop desktop(const QString &id, const QString &status, const QString &taskStatus = {})
{
    Desktop d;
    d.id = id;
    d.status = status;
    d.taskStatus = taskStatus;
    return d;
}
} // namespace

class TestRecordSettlement : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void findsIntentsWithoutOutcome();
    void settlesOrphanIntentsOnce();
    void unknownOutcomesAndHowTheyEnd();
    void settledIntentsAreUnknownUntilResolved();
    void resolveByListing();
    void unfollowableJournalEntriesAreSettled();
    void readsEarlierActionRecords();
    void settlesEveryKindsOpenIntent();
};

void TestRecordSettlement::findsIntentsWithoutOutcome()
{
    QTemporaryDir dir;
    const QString path = installFixture(dir, QStringLiteral("audit-orphan-intents.jsonl"));
    QVERIFY(!path.isEmpty());
    const QList<RecordSettlement::OpenIntent> open =
        RecordSettlement::openIntents(AuditLog::readEntries(path));
    QStringList keys;
    for (const RecordSettlement::OpenIntent &intent : open)
        keys.append(intent.runId + QLatin1Char('/') + QString::number(intent.chunk));
    // r1/0 submitted, r2/0 refused, r5/0 found; r6's line is torn and never counted.
    QCOMPARE(keys, (QStringList{QStringLiteral("r1/1"), QStringLiteral("r3/0"), QStringLiteral("r4/0")}));
    QCOMPARE(open.at(2).targetIds, (QStringList{QStringLiteral("e1"), QStringLiteral("e2")}));
    QCOMPARE(open.at(2).projectId, QStringLiteral("p2"));
    QCOMPARE(open.at(1).processId, 1);
    QVERIFY(open.at(0).time.isValid());
}

void TestRecordSettlement::settlesOrphanIntentsOnce()
{
    QTemporaryDir dir;
    const QString path = installFixture(dir, QStringLiteral("audit-orphan-intents.jsonl"));
    QVERIFY(!path.isEmpty());
    AuditLog audit(path);
    JobJournal journal(JobJournal::defaultFilePath(dir.path()));
    QVERIFY(journal.load());
    const SettlementReport report = RecordSettlement::settleAtStart(audit, journal);
    // r3/0 was written by a process that still runs on this machine (pid 1): its answer may
    // still come, so it is left alone.
    QCOMPARE(report.settledIntents, 2);
    QCOMPARE(report.failedWrites, 0);
    QCOMPARE(report.messages.size(), 2);
    const QList<QJsonObject> settled = eventsOf(path, QStringLiteral("outcome_unknown"));
    QCOMPARE(settled.size(), 2);
    QCOMPARE(settled.at(0).value(QLatin1String("run_id")).toString(), QStringLiteral("r1"));
    QCOMPARE(settled.at(0).value(QLatin1String("chunk")).toInt(), 1);
    QCOMPARE(settled.at(0).value(QLatin1String("project_id")).toString(), QStringLiteral("p1"));
    QCOMPARE(settled.at(0).value(QLatin1String("target_ids")).toArray(), QJsonArray{QStringLiteral("b1")});
    QCOMPARE(settled.at(0).value(QLatin1String("kind")).toString(), QStringLiteral("delete"));
    QCOMPARE(settled.at(1).value(QLatin1String("run_id")).toString(), QStringLiteral("r4"));
    QVERIFY(!settled.at(1).value(QLatin1String("reason")).toString().isEmpty());

    // Settled stays settled: a second start appends nothing.
    const QByteArray before = readAll(path);
    const SettlementReport again = RecordSettlement::settleAtStart(audit, journal);
    QVERIFY(again.isEmpty());
    QCOMPARE(readAll(path), before);
    QCOMPARE(RecordSettlement::openIntents(AuditLog::readEntries(path)).size(), 1); // r3/0
}

void TestRecordSettlement::unknownOutcomesAndHowTheyEnd()
{
    QTemporaryDir dir;
    const QString path = installFixture(dir, QStringLiteral("audit-unknown-outcomes.jsonl"));
    QVERIFY(!path.isEmpty());
    // a1, a2: 409 (ambiguous), a2 then in a submitted request; b3: the job ended without its
    // result; c1, c2: orphan intent, c2 then seen gone; d1: job lost, a later refused request
    // says nothing about it.
    QCOMPARE(RecordSettlement::unknownOutcomeDesktopIds(path, QStringLiteral("p1")),
             ids({"a1", "b3", "c1", "d1"}));
    QCOMPARE(RecordSettlement::unknownOutcomeDesktopIds(path, QStringLiteral("p2")), ids({"z1"}));
    QVERIFY(RecordSettlement::unknownOutcomeDesktopIds(path, QStringLiteral("p3")).isEmpty());
}

void TestRecordSettlement::settledIntentsAreUnknownUntilResolved()
{
    QTemporaryDir dir;
    const QString path = installFixture(dir, QStringLiteral("audit-orphan-intents.jsonl"));
    AuditLog audit(path);
    JobJournal journal(JobJournal::defaultFilePath(dir.path()));
    RecordSettlement::settleAtStart(audit, journal);
    QCOMPARE(RecordSettlement::unknownOutcomeDesktopIds(path, QStringLiteral("p1")), ids({"b1"}));
    QCOMPARE(RecordSettlement::unknownOutcomeDesktopIds(path, QStringLiteral("p2")), ids({"e1", "e2"}));
}

void TestRecordSettlement::resolveByListing()
{
    QTemporaryDir dir;
    const QString path = installFixture(dir, QStringLiteral("audit-unknown-outcomes.jsonl"));
    AuditLog audit(path);
    // a1 is gone (absent), b3 is back to normal, c1 is being deleted, d1 was not looked up.
    const QHash<QString, Desktop> found{
        {QStringLiteral("b3"), desktop(QStringLiteral("b3"), QStringLiteral("ACTIVE"))},
        {QStringLiteral("c1"), desktop(QStringLiteral("c1"), QStringLiteral("ACTIVE"), QStringLiteral("deleting"))},
        {QStringLiteral("x"), desktop(QStringLiteral("x"), QStringLiteral("ACTIVE"))}};
    const QSet<QString> still = RecordSettlement::resolveByListing(
        audit, QStringLiteral("p1"),
        {QStringLiteral("a1"), QStringLiteral("b3"), QStringLiteral("c1"), QStringLiteral("x")}, found);
    QCOMPARE(still, ids({"c1", "d1"}));
    QCOMPARE(RecordSettlement::unknownOutcomeDesktopIds(path, QStringLiteral("p1")), ids({"c1", "d1"}));
    const QList<QJsonObject> resolved = eventsOf(path, QStringLiteral("outcome_resolved"));
    QCOMPARE(resolved.size(), 3); // c2 in the fixture, then a1 and b3
    QCOMPARE(resolved.at(1).value(QLatin1String("resolution")).toString(), QStringLiteral("gone"));
    QCOMPARE(resolved.at(1).value(QLatin1String("desktop_ids")).toArray(), QJsonArray{QStringLiteral("a1")});
    QCOMPARE(resolved.at(2).value(QLatin1String("resolution")).toString(),
             QStringLiteral("present_not_being_deleted"));
    // Nothing left to resolve: nothing written.
    const QByteArray before = readAll(path);
    RecordSettlement::resolveByListing(audit, QStringLiteral("p1"), {QStringLiteral("a1")}, {});
    QCOMPARE(readAll(path), before);
}

void TestRecordSettlement::unfollowableJournalEntriesAreSettled()
{
    QTemporaryDir dir;
    AuditLog audit(AuditLog::defaultFilePath(dir.path()));
    JobJournal journal(JobJournal::defaultFilePath(dir.path()));
    JournalEntry bad;
    bad.jobId = QStringLiteral("../desktops");
    bad.projectId = QStringLiteral("p1");
    bad.desktopIds = {QStringLiteral("a"), QStringLiteral("b")};
    JournalEntry good = bad;
    good.jobId = QStringLiteral("8a2c9f0e-job");
    good.desktopIds = {QStringLiteral("c")};
    QVERIFY(journal.add(bad));
    QVERIFY(journal.add(good));
    const SettlementReport report = RecordSettlement::settleAtStart(audit, journal);
    QCOMPARE(report.settledJournalEntries, 1);
    JobJournal reloaded(journal.filePath());
    QVERIFY(reloaded.load());
    QCOMPARE(reloaded.entries().size(), 1);
    QCOMPARE(reloaded.entries().constFirst().jobId, good.jobId);
    const QList<QJsonObject> lost = eventsOf(audit.filePath(), QStringLiteral("job_lost"));
    QCOMPARE(lost.size(), 1);
    QCOMPARE(lost.at(0).value(QLatin1String("job_id")).toString(), bad.jobId);
    QCOMPARE(RecordSettlement::unknownOutcomeDesktopIds(audit.filePath(), QStringLiteral("p1")),
             ids({"a", "b"}));
    QVERIFY(RecordSettlement::settleAtStart(audit, journal).isEmpty());
}

// Records of the maintenance, log-off and autoscale changes as earlier versions wrote them
// (action_intent, action_succeeded, …): read as today's, settled the same way.
void TestRecordSettlement::readsEarlierActionRecords()
{
    QTemporaryDir dir;
    const QString path = installFixture(dir, QStringLiteral("audit-earlier-actions.jsonl"));
    QVERIFY(!path.isEmpty());
    const QList<RecordSettlement::OpenIntent> open = RecordSettlement::openIntents(AuditLog::readEntries(path));
    // m1/0 succeeded, l1/0 unknown, s1/0 refused, o1/0 not sent: only m1/1 and s2/0 are open.
    QCOMPARE(open.size(), 2);
    QCOMPARE(open.at(0).runId + QLatin1Char('/') + QString::number(open.at(0).chunk), QStringLiteral("m1/1"));
    QCOMPARE(open.at(0).kind, QStringLiteral("maintenance_on"));
    QCOMPARE(open.at(0).targetIds, QStringList{QStringLiteral("m-c")});
    QCOMPARE(open.at(1).kind, QStringLiteral("autoscale_off"));
    QCOMPARE(open.at(1).targetIds, QStringList{QStringLiteral("pool-2")});

    AuditLog audit(path);
    JobJournal journal(JobJournal::defaultFilePath(dir.path()));
    const SettlementReport report = RecordSettlement::settleAtStart(audit, journal);
    QCOMPARE(report.settledIntents, 2);
    QVERIFY(report.unknownIntents.isEmpty()); // no deletion: no job to look for
    const QList<QJsonObject> settled = eventsOf(path, QStringLiteral("outcome_unknown"));
    QCOMPARE(settled.size(), 2);
    QCOMPARE(settled.at(0).value(QLatin1String("kind")).toString(), QStringLiteral("maintenance_on"));
    QCOMPARE(settled.at(1).value(QLatin1String("target_ids")).toArray(), QJsonArray{QStringLiteral("pool-2")});

    // The index of unknown outcomes, per kind: the earlier lost log-off, and the two just settled.
    AuditLog reread(path);
    QCOMPARE(reread.unknownOutcomeTargetIds(QStringLiteral("p1"), QStringLiteral("logoff")), ids({"l-a"}));
    QCOMPARE(reread.unknownOutcomeTargetIds(QStringLiteral("p1"), QStringLiteral("maintenance_on")), ids({"m-c"}));
    QCOMPARE(reread.unknownOutcomeTargetIds(QStringLiteral("p1"), QStringLiteral("autoscale_off")), ids({"pool-2"}));
    QVERIFY(reread.unknownOutcomeDesktopIds(QStringLiteral("p1")).isEmpty()); // none is a deletion's
    QVERIFY(RecordSettlement::settleAtStart(audit, journal).isEmpty());
}

// Today's schema: one open intent of every kind is settled once, in the same shape; only the
// deletion's is handed on to look for its job.
void TestRecordSettlement::settlesEveryKindsOpenIntent()
{
    QTemporaryDir dir;
    const QString path = installFixture(dir, QStringLiteral("audit-every-kind.jsonl"));
    QVERIFY(!path.isEmpty());
    AuditLog audit(path);
    JobJournal journal(JobJournal::defaultFilePath(dir.path()));
    const SettlementReport report = RecordSettlement::settleAtStart(audit, journal);
    QCOMPARE(report.settledIntents, 5); // mo2 has its outcome
    QCOMPARE(report.unknownIntents.size(), 1);
    QCOMPARE(report.unknownIntents.constFirst().runId, QStringLiteral("d1"));
    QStringList kinds;
    const QSet<QString> fields{QStringLiteral("kind"), QStringLiteral("run_id"), QStringLiteral("chunk"),
                               QStringLiteral("project_id"), QStringLiteral("target_ids"), QStringLiteral("reason"),
                               QStringLiteral("ambiguity"), QStringLiteral("time"), QStringLiteral("event"),
                               QStringLiteral("schema")};
    for (const QJsonObject &settled : eventsOf(path, QStringLiteral("outcome_unknown"))) {
        kinds.append(settled.value(QLatin1String("kind")).toString());
        const QStringList keys = settled.keys();
        QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()), fields);
        QCOMPARE(settled.value(QLatin1String("ambiguity")).toString(), QStringLiteral("app_ended"));
    }
    QCOMPARE(kinds, (QStringList{QStringLiteral("delete"), QStringLiteral("maintenance_on"),
                                 QStringLiteral("maintenance_off"), QStringLiteral("logoff"),
                                 QStringLiteral("autoscale_off")}));
    QCOMPARE(RecordSettlement::unknownOutcomeDesktopIds(path, QStringLiteral("p1")), ids({"del-a"}));
    QCOMPARE(audit.unknownOutcomeTargetIds(QStringLiteral("p1"), QStringLiteral("maintenance_on")),
             ids({"mo-a", "mo-b"}));
    QVERIFY(RecordSettlement::openIntents(AuditLog::readEntries(path)).isEmpty());
    QVERIFY(RecordSettlement::settleAtStart(audit, journal).isEmpty());
}

QTEST_GUILESS_MAIN(TestRecordSettlement)
#include "tst_recordsettlement.moc"
