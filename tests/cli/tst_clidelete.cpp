#include "clisimulatorfixture.h"

#include "api/apicalls.h"
#include "deletion/jobjournal.h"
#include "deletion/unknownoutcomes.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>

// `workspace-admin-cli delete` for real, against the Workspace simulator in this process:
// signatures checked, jobs run, faults injected.
class TestCliDelete : public QObject, protected CliSimulatorFixture
{
    Q_OBJECT

private:
    // Starts `delete` and stops it with SIGTERM (handled like Ctrl+C) once a request is accepted.
    Result interruptAfterAccepted(const QStringList &ids) const { return interruptAfterAccepted(ids, connection()); }

    Result interruptAfterAccepted(const QStringList &ids, const QStringList &target) const
    {
        return interruptOnceSaid(QStringList{QStringLiteral("delete"), QStringLiteral("--ids"), ids.join(QLatin1Char(',')),
                                             QStringLiteral("--yes"), QStringLiteral("--poll-interval"),
                                             QStringLiteral("0.05")}
                                     + target,
                                 "accepted");
    }

    // Jobs that take this long, so that a run can be interrupted while it follows them.
    void restartSimulator(int jobDurationMs)
    {
        m_simulator.reset();
        QVERIFY(startSimulator(jobDurationMs));
    }

    QList<JournalEntry> journalEntries() const
    {
        JobJournal journal(JobJournal::defaultFilePath(m_dataDir));
        journal.load();
        return journal.entries();
    }


    // The desktop ids of each intent in the audit log, in order: what was sent, request by request.
    QList<QStringList> auditedRequests() const
    {
        QList<QStringList> requests;
        const QList<QJsonObject> entries = AuditLog::readEntries(AuditLog::defaultFilePath(m_dataDir));
        for (const QJsonObject &entry : entries) {
            if (entry.value(QStringLiteral("event")).toString() != QLatin1String("intent"))
                continue;
            requests.append(AuditRecord::intentTargetIds(entry));
        }
        return requests;
    }





private Q_SLOTS:
    void init() { QVERIFY(startSimulator()); }

    void cleanup() { m_simulator.reset(); }

    void deletesAndAudits()
    {
        const QStringList ids = someIds(3);
        QCOMPARE(ids.size(), 3);
        const int before = m_simulator->desktopCount();
        const Result result = runDelete(ids);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err + result.out));
        QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 1);
        QCOMPARE(m_simulator->desktopCount(), before - 3);
        for (const QString &id : ids)
            QVERIFY(result.out.contains(id));
        QCOMPARE(result.out.count(QStringLiteral("deleted")), 3);

        // The audit trail exists and holds no secret.
        QFile audit(m_dataDir + QStringLiteral("/audit.jsonl"));
        QVERIFY(audit.open(QIODevice::ReadOnly));
        const QByteArray log = audit.readAll();
        QVERIFY(log.contains(ids.first().toUtf8()));
        QVERIFY(!log.contains("SIM-SK-SECRET"));
        QVERIFY(!result.out.contains(QStringLiteral("SIM-SK-SECRET")));
        QVERIFY(!result.err.contains(QStringLiteral("SIM-SK-SECRET")));
    }

    void failedSubJobExitsWithOne()
    {
        const QStringList ids = someIds(2);
        QCOMPARE(ids.size(), 2);
        SimulatorFaults faults;
        faults.failingDesktopIds = {ids.last()};
        m_simulator->setFaults(faults);
        const Result result = runDelete(ids);
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.out.contains(QStringLiteral("failed")));
        QVERIFY(result.out.contains(QStringLiteral("deleted")));
    }

    void unknownIdIsNeverSent()
    {
        const Result result = runDelete({QStringLiteral("no-such-desktop")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.err.contains(QStringLiteral("not found")));
        QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 0);
    }

    void protectedDesktopIsNeverSent()
    {
        QString protectedId;
        QString tag;
        QStringList others;
        const QList<QJsonObject> desktops = listed();
        for (const QJsonObject &desktop : desktops) {
            const QJsonObject tags = desktop.value(QStringLiteral("tags")).toObject();
            if (protectedId.isEmpty() && !tags.isEmpty()) {
                protectedId = desktop.value(QStringLiteral("desktop_id")).toString();
                tag = tags.begin().key() + QLatin1Char('=') + tags.begin().value().toString();
            }
        }
        if (protectedId.isEmpty())
            QSKIP("The simulator generated no tagged desktop.");
        ProfileStore profiles(m_home.filePath(QStringLiteral("config/workspace-admin/profiles.ini")));
        ConnectionProfile profile;
        profile.name = QStringLiteral("guarded");
        profile.endpoint = m_simulator->url();
        profile.projectId = m_simulator->config().projectId;
        profile.protectedTags = {tag};
        QVERIFY(profiles.save(profile));

        const Result result = runDelete({protectedId}, {QStringLiteral("--profile"), QStringLiteral("guarded")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QStringLiteral("protected")), qPrintable(result.err));
        QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 0);
        QVERIFY(profiles.remove(QStringLiteral("guarded")));
    }

    void interruptStopsFollowingAndReports()
    {
        const QStringList ids = someIds(2);
        QCOMPARE(ids.size(), 2);
        restartSimulator(10 * 60 * 1000); // jobs that outlast the test
        const Result result = interruptAfterAccepted(ids);
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QStringLiteral("Interrupted")), qPrintable(result.err));
        QVERIFY2(result.out.contains(ids.first()), qPrintable(result.out));
        // The submitted job stays in the journal, to be followed later.
        const QList<JournalEntry> entries = journalEntries();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().desktopIds, ids);
        QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 1);
    }

    void interruptThenJobWaitSettles()
    {
        const QStringList ids = someIds(2);
        QCOMPARE(ids.size(), 2);
        restartSimulator(1500);
        const Result interrupted = interruptAfterAccepted(ids);
        QCOMPARE(interrupted.exitCode, 1);
        QList<JournalEntry> entries = journalEntries();
        QCOMPARE(entries.size(), 1);
        const QString jobId = entries.first().jobId;
        QVERIFY(auditEvents(QStringLiteral("job_finished")).isEmpty());

        const Result waited = run({QStringLiteral("job"), jobId, QStringLiteral("--wait"),
                                   QStringLiteral("--poll-interval"), QStringLiteral("0.05")});
        QVERIFY2(waited.exitCode == 0, qPrintable(waited.err + waited.out));
        QVERIFY2(waited.err.contains(QStringLiteral("left the journal")), qPrintable(waited.err));
        // Settled the way the window settles: audited, out of the journal.
        QVERIFY(journalEntries().isEmpty());
        QCOMPARE(auditEvents(QStringLiteral("job_finished")), QStringList{jobId});
        QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 1);
    }

    void interruptThenDeleteFollowsTheJournalFirst()
    {
        const QStringList ids = someIds(3);
        QCOMPARE(ids.size(), 3);
        restartSimulator(1500);
        const Result interrupted = interruptAfterAccepted(ids.mid(0, 2));
        QCOMPARE(interrupted.exitCode, 1);
        QCOMPARE(journalEntries().size(), 1);
        const QString jobId = journalEntries().first().jobId;

        // The next delete asks again for a desktop of that job: it is followed to its end first, so
        // the desktop is found gone rather than sent twice.
        const Result next = runDelete({ids.at(1), ids.at(2)});
        QVERIFY2(next.err.contains(QStringLiteral("Following 1 unfinished job")), qPrintable(next.err));
        QVERIFY2(next.err.contains(QStringLiteral("Not deleting %1: not found.").arg(ids.at(1))), qPrintable(next.err));
        QCOMPARE(next.exitCode, 1); // one of the two asked for was left out
        QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 2);
        QCOMPARE(auditedRequests().constLast(), QStringList{ids.at(2)});
        QVERIFY(journalEntries().isEmpty());
        QVERIFY(auditEvents(QStringLiteral("job_finished")).contains(jobId));
        QCOMPARE(m_simulator->desktopCount(), 40 - 3);
    }

    void dryRunEqualsTheRealRun()
    {
        const QList<QJsonObject> desktops = listed();
        const QString protectedId = firstTagged(QStringLiteral("protected"), QStringLiteral("true"), desktops);
        QVERIFY(!protectedId.isEmpty());
        const QStringList plain = someIds(3);
        QCOMPARE(plain.size(), 3);
        ProfileStore profiles(m_home.filePath(QStringLiteral("config/workspace-admin/profiles.ini")));
        QVERIFY(saveProtectingProfile(profiles, QStringLiteral("equal")));
        QFile file(m_home.filePath(QStringLiteral("mixed-ids.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringList{plain.at(0), QStringLiteral("no-such-desktop"), protectedId, plain.at(1), plain.at(0),
                               plain.at(2)}
                       .join(QLatin1Char('\n'))
                       .toUtf8());
        file.close();
        const QStringList common = {QStringLiteral("delete"), QStringLiteral("--ids-file"), file.fileName(),
                                    QStringLiteral("--profile"), QStringLiteral("equal"),
                                    QStringLiteral("--poll-interval"), QStringLiteral("0.05")};

        const Result dry = run(common + QStringList{QStringLiteral("--dry-run")});
        QCOMPARE(dry.exitCode, 1); // left out: unknown and protected
        QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 0);
        QList<QStringList> planned;
        const QStringList lines = dry.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (qsizetype i = 1; i < lines.size(); i += 2) {
            QStringList ids;
            const QJsonArray array =
                QJsonDocument::fromJson(lines.at(i).toUtf8()).object().value(QStringLiteral("desktop_ids")).toArray();
            for (const QJsonValue &id : array)
                ids.append(id.toString());
            planned.append(ids);
        }
        QCOMPARE(planned, QList<QStringList>{plain});
        for (const QString &reason : {QStringLiteral("no-such-desktop: not found"), QStringLiteral("protected by a tag"),
                                      QStringLiteral("Listed more than once")})
            QVERIFY2(dry.err.contains(reason), qPrintable(dry.err));

        const Result real = run(common + QStringList{QStringLiteral("--yes")});
        QCOMPARE(real.exitCode, 1);
        QCOMPARE(auditedRequests(), planned);
        QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 1);
        for (const QString &reason : {QStringLiteral("no-such-desktop: not found"), QStringLiteral("protected by a tag"),
                                      QStringLiteral("Listed more than once")})
            QVERIFY2(real.err.contains(reason), qPrintable(real.err));
        QVERIFY(profiles.remove(QStringLiteral("equal")));
    }

    void demoProtectsLikeTheWindow()
    {
        // The demo's own protection rule, without any profile: protected=true is never sent.
        const QString protectedId = firstTagged(QStringLiteral("protected"), QStringLiteral("true"), demoListed());
        QVERIFY(!protectedId.isEmpty());
        const Result result = runDemo({QStringLiteral("delete"), QStringLiteral("--ids"), protectedId, QStringLiteral("--yes")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QStringLiteral("protected by a tag")), qPrintable(result.err));
        // The demo's data went under the given directory.
        QVERIFY(AuditLog::readEntries(AuditLog::defaultFilePath(m_dataDir + QStringLiteral("/demo"))).isEmpty());
        QVERIFY(QFileInfo(m_dataDir + QStringLiteral("/demo")).isDir());
    }

    void demoRestartResumesAJobToItsEnd()
    {
        // A demo delete is interrupted while its job runs; a later process of the demo finds the
        // job still going on in the demo service and follows it to its end.
        QStringList ids;
        for (const QJsonObject &desktop : demoListed()) {
            if (ids.size() < 4 && desktop.value(QStringLiteral("task_status")).toString().isEmpty()
                && desktop.value(QStringLiteral("login_status")).toString() != QLatin1String("CONNECTED")
                && desktop.value(QStringLiteral("billing")).toString() != QLatin1String("yearly_monthly")
                && desktop.value(QStringLiteral("tags")).toObject().value(QStringLiteral("protected")).toString()
                    != QLatin1String("true"))
                ids.append(desktop.value(QStringLiteral("desktop_id")).toString());
        }
        QCOMPARE(ids.size(), 4);
        const QString demoDir = m_dataDir + QStringLiteral("/demo");
        const Result interrupted = interruptAfterAccepted(ids, demoConnection());
        QCOMPARE(interrupted.exitCode, 1);
        JobJournal journal(JobJournal::defaultFilePath(demoDir));
        QVERIFY(journal.load());
        QCOMPARE(journal.entries().size(), 1);
        const QString jobId = journal.entries().first().jobId;
        QVERIFY(QFile::exists(demoDir + QStringLiteral("/simulator-state.sqlite")));

        // Meanwhile the demo lists them as being deleted: the next process sees the first one's work.
        int deleting = 0;
        for (const QJsonObject &desktop : demoListed()) {
            if (ids.contains(desktop.value(QStringLiteral("desktop_id")).toString())
                && desktop.value(QStringLiteral("task_status")).toString() == QLatin1String("deleting"))
                ++deleting;
        }
        QCOMPARE(deleting, 4);

        const Result waited = runDemo({QStringLiteral("job"), jobId, QStringLiteral("--wait"),
                                       QStringLiteral("--poll-interval"), QStringLiteral("0.1")});
        QVERIFY2(waited.exitCode == 0 || waited.exitCode == 1, qPrintable(waited.err + waited.out));
        QVERIFY2(waited.err.contains(QStringLiteral("left the journal")), qPrintable(waited.err));
        QVERIFY(journal.load());
        QVERIFY(journal.entries().isEmpty());
        QVERIFY(!waited.err.contains(QStringLiteral("does not exist")));

        // And the deletions stay done after yet another restart.
        int gone = 0;
        const QList<QJsonObject> after = demoListed();
        for (const QString &id : std::as_const(ids)) {
            const auto found = std::find_if(after.cbegin(), after.cend(), [&id](const QJsonObject &desktop) {
                return desktop.value(QStringLiteral("desktop_id")).toString() == id;
            });
            if (found == after.cend())
                ++gone;
            else
                QVERIFY(found->value(QStringLiteral("task_status")).toString().isEmpty());
        }
        QVERIFY(gone > 0);
    }

    void journalListsAndForgets()
    {
        const QStringList ids = someIds(1);
        QCOMPARE(ids.size(), 1);
        restartSimulator(10 * 60 * 1000);
        QCOMPARE(interruptAfterAccepted(ids).exitCode, 1);
        const QString jobId = journalEntries().value(0).jobId;
        QVERIFY(!jobId.isEmpty());

        Result listed = run({QStringLiteral("journal")});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.out.contains(jobId) && listed.out.contains(ids.first()), qPrintable(listed.out));

        // Forgetting needs an explicit --yes.
        const Result unconfirmed = run({QStringLiteral("journal"), QStringLiteral("forget"), jobId});
        QCOMPARE(unconfirmed.exitCode, 2);
        QVERIFY2(unconfirmed.err.contains(QStringLiteral("--yes")), qPrintable(unconfirmed.err));
        QCOMPARE(journalEntries().size(), 1);

        const Result forgotten = run({QStringLiteral("journal"), QStringLiteral("forget"), jobId, QStringLiteral("--yes")});
        QVERIFY2(forgotten.exitCode == 0, qPrintable(forgotten.err));
        QVERIFY(journalEntries().isEmpty());
        QCOMPARE(auditEvents(QStringLiteral("journal_forgotten")), QStringList{jobId});
        listed = run({QStringLiteral("journal")});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY(!listed.out.contains(jobId));
    }

    void refusedPostExitsWithThree()
    {
        const QStringList ids = someIds(1);
        QCOMPARE(ids.size(), 1);
        SimulatorFaults faults;
        faults.serverErrorShare = 1.0;
        faults.serverErrorStatus = 500;
        faults.pathFilter = QStringLiteral("batch-delete");
        m_simulator->setFaults(faults);
        const Result result = runDelete(ids);
        QCOMPARE(result.exitCode, 3);
        // A POST is never re-sent automatically.
        QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 1);
    }

    void lostPostWhoseJobIsFoundExitsOnTheSettledOutcome()
    {
        const QStringList ids = someIds(2);
        QCOMPARE(ids.size(), 2);
        // The request is carried out, its answer lost, and not sent again: ambiguous.
        SimulatorFaults faults;
        faults.dropConnectionsAfterExecuting = 1;
        faults.pathFilter = QStringLiteral("batch-delete");
        m_simulator->setFaults(faults);
        const Result result = runDelete(ids);
        // The job was found and followed to its end: every desktop deleted, so no API failure.
        QVERIFY2(result.exitCode == 0, qPrintable(result.err + result.out));
        QVERIFY2(result.err.contains(QStringLiteral("was found")), qPrintable(result.err));
        QCOMPARE(auditEvents(QStringLiteral("job_found")).size(), 1);
        QCOMPARE(result.out.count(QStringLiteral("deleted")), 2);
    }







    void killedRequestIsFoundAndFollowedByTheNextDelete()
    {
        // A process died while its POST was on the wire: the service ran the request, the audit
        // log holds only its intent.
        const QStringList ids = someIds(3);
        QCOMPARE(ids.size(), 3);
        const QStringList lost = ids.mid(0, 2);
        QNetworkAccessManager network;
        ApiClient client(&network, clientConfigFor(*m_simulator),
                         Credentials{m_simulator->config().accessKey, m_simulator->config().secretKey, {}});
        BatchDeleteCall post(&client, lost, BatchDeleteOptions{});
        QSignalSpy posted(&post, &ApiCall::finished);
        post.start();
        QVERIFY(posted.wait(30000));
        QVERIFY2(post.succeeded(), qPrintable(post.error().summary()));
        QVERIFY(QDir().mkpath(m_dataDir));
        AuditLog audit(AuditLog::defaultFilePath(m_dataDir));
        QJsonArray desktops;
        for (const QString &id : lost)
            desktops.append(QJsonObject{{QStringLiteral("desktop_id"), id}});
        QVERIFY(audit.append(QStringLiteral("intent"),
                             {{QStringLiteral("run_id"), QStringLiteral("run-killed")},
                              {QStringLiteral("chunk"), 0},
                              {QStringLiteral("project_id"), m_simulator->config().projectId},
                              {QStringLiteral("desktops"), desktops},
                              {QStringLiteral("process_id"), 999999999},
                              {QStringLiteral("host"), QSysInfo::machineHostName()}}));

        const Result result = runDelete({ids.at(2)});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err + result.out));
        // Settled as unknown first, then its job found and followed to its end; nothing re-sent.
        QCOMPARE(auditEvents(QStringLiteral("outcome_unknown")).size(), 1);
        QCOMPARE(auditEvents(QStringLiteral("job_found")), QStringList{post.jobId()});
        QVERIFY(auditEvents(QStringLiteral("job_finished")).contains(post.jobId()));
        QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 2);
        QVERIFY(journalEntries().isEmpty());
        const QList<QJsonObject> remaining = listed();
        for (const QJsonObject &desktop : remaining)
            QVERIFY(!ids.contains(desktop.value(QStringLiteral("desktop_id")).toString()));
    }

    // The demo project can be as large as the deletion it is to try, and the usual one stays.
    void theDemoProjectTakesTheSizeAsked()
    {
        const Result large = runDemo({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json"),
                                      QStringLiteral("--demo-desktops"), QStringLiteral("1200")});
        QVERIFY2(large.exitCode == 0, qPrintable(large.err));
        QCOMPARE(QJsonDocument::fromJson(large.out.toUtf8()).array().size(), 1200);
        const Result usual = runDemo({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(usual.exitCode == 0, qPrintable(usual.err));
        QCOMPARE(QJsonDocument::fromJson(usual.out.toUtf8()).array().size(), 300);

        for (const QString &bad : {QStringLiteral("0"), QStringLiteral("ten"), QStringLiteral("100001")}) {
            const Result refused = runDemo({QStringLiteral("list"), QStringLiteral("--demo-desktops"), bad});
            QCOMPARE(refused.exitCode, 2);
            QVERIFY2(refused.err.contains(QStringLiteral("--demo-desktops")), qPrintable(refused.err));
        }
        const Result notDemo = run({QStringLiteral("list"), QStringLiteral("--demo-desktops"), QStringLiteral("10")});
        QCOMPARE(notDemo.exitCode, 2);
        QVERIFY2(notDemo.err.contains(QStringLiteral("--demo only")), qPrintable(notDemo.err));
    }
};

QTEST_GUILESS_MAIN(TestCliDelete)
#include "tst_clidelete.moc"
