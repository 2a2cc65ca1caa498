#include "api/apicalls.h"
#include "api/apiclient.h"
#include "deletion/auditlog.h"
#include "deletion/jobjournal.h"
#include "settings/profilestore.h"
#include "simulatortestsupport.h"
#include "workspacesimulator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

// `workspace-admin-cli delete` for real, against the Workspace simulator in this process:
// signatures checked, jobs run, faults injected.
class TestCliDelete : public QObject
{
    Q_OBJECT

private:
    struct Result
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("HUAWEICLOUD_SDK_AK"), m_simulator->config().accessKey);
        env.insert(QStringLiteral("HUAWEICLOUD_SDK_SK"), m_simulator->config().secretKey);
        env.insert(QStringLiteral("HUAWEICLOUD_SDK_PROJECT_ID"), m_simulator->config().projectId);
        env.remove(QStringLiteral("HUAWEICLOUD_SDK_SECURITY_TOKEN"));
        return env;
    }

    QStringList connection() const
    {
        return {QStringLiteral("--endpoint"), m_simulator->url().toString(), QStringLiteral("--data-dir"),
                m_dataDir};
    }

    QStringList demoConnection() const
    {
        return {QStringLiteral("--demo"), QStringLiteral("--data-dir"), m_dataDir};
    }

    Result run(const QStringList &arguments) const { return runAgainst(arguments, connection()); }
    // The CLI's --demo, its data under m_dataDir.
    Result runDemo(const QStringList &arguments) const { return runAgainst(arguments, demoConnection()); }

    Result runAgainst(const QStringList &arguments, const QStringList &target) const
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(WORKSPACE_CLI_PATH), arguments + target);
        Result result;
        if (!finished.wait(60000)) {
            process.kill();
            return result;
        }
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err = QString::fromUtf8(process.readAllStandardError());
        return result;
    }

    Result runDelete(const QStringList &ids, const QStringList &extra = {}) const
    {
        return run(QStringList{QStringLiteral("delete"), QStringLiteral("--ids"), ids.join(QLatin1Char(',')),
                               QStringLiteral("--yes"), QStringLiteral("--poll-interval"),
                               QStringLiteral("0.05")}
                   + extra);
    }

    // The desktops the CLI itself lists, as JSON objects.
    QList<QJsonObject> listed() const { return listedFrom(connection()); }
    QList<QJsonObject> demoListed() const { return listedFrom(demoConnection()); }

    QList<QJsonObject> listedFrom(const QStringList &target) const
    {
        const Result result =
            runAgainst({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")}, target);
        QList<QJsonObject> desktops;
        const QJsonArray array = QJsonDocument::fromJson(result.out.toUtf8()).array();
        for (const QJsonValue &value : array)
            desktops.append(value.toObject());
        return desktops;
    }

    QStringList someIds(int count) const
    {
        QStringList ids;
        const QList<QJsonObject> desktops = listed();
        for (const QJsonObject &desktop : desktops) {
            if (ids.size() == count)
                break;
            if (desktop.value(QStringLiteral("task_status")).toString().isEmpty())
                ids.append(desktop.value(QStringLiteral("desktop_id")).toString());
        }
        return ids;
    }

    // Starts `delete` and stops it with SIGTERM (handled like Ctrl+C) once a request is accepted.
    Result interruptAfterAccepted(const QStringList &ids) const { return interruptAfterAccepted(ids, connection()); }

    Result interruptAfterAccepted(const QStringList &ids, const QStringList &target) const
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(WORKSPACE_CLI_PATH),
                      QStringList{QStringLiteral("delete"), QStringLiteral("--ids"), ids.join(QLatin1Char(',')),
                                  QStringLiteral("--yes"), QStringLiteral("--poll-interval"), QStringLiteral("0.05")}
                          + target);
        QByteArray errors;
        Result result;
        if (!QTest::qWaitFor([&] { return (errors += process.readAllStandardError()).contains("accepted"); },
                             30000)) {
            process.kill();
            return result;
        }
        process.terminate();
        if (!finished.wait(30000))
            return result;
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        result.err = QString::fromUtf8(errors + process.readAllStandardError());
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        return result;
    }

    // Jobs that take this long, so that a run can be interrupted while it follows them.
    void restartSimulator(int jobDurationMs)
    {
        m_simulator.reset();
        m_simulator = std::make_unique<WorkspaceSimulator>(
            simulatorConfig(QStringLiteral("SIM-AK"), QStringLiteral("SIM-SK-SECRET"), 40, jobDurationMs));
        QVERIFY(m_simulator->listen());
    }

    QList<JournalEntry> journalEntries() const
    {
        JobJournal journal(JobJournal::defaultFilePath(m_dataDir));
        journal.load();
        return journal.entries();
    }

    QStringList auditEvents(const QString &event) const
    {
        QStringList jobs;
        const QList<QJsonObject> entries = AuditLog::readEntries(AuditLog::defaultFilePath(m_dataDir));
        for (const QJsonObject &entry : entries) {
            if (entry.value(QStringLiteral("event")).toString() == event)
                jobs.append(entry.value(QStringLiteral("job_id")).toString());
        }
        return jobs;
    }

    // The desktop ids of each intent in the audit log, in order: what was sent, request by request.
    QList<QStringList> auditedRequests() const
    {
        QList<QStringList> requests;
        const QList<QJsonObject> entries = AuditLog::readEntries(AuditLog::defaultFilePath(m_dataDir));
        for (const QJsonObject &entry : entries) {
            if (entry.value(QStringLiteral("event")).toString() != QLatin1String("intent"))
                continue;
            QStringList ids;
            const QJsonArray desktops = entry.value(QStringLiteral("desktops")).toArray();
            for (const QJsonValue &desktop : desktops)
                ids.append(desktop.toObject().value(QStringLiteral("desktop_id")).toString());
            requests.append(ids);
        }
        return requests;
    }

    // The pools as the simulator lists them now, by id.
    QHash<QString, DesktopPool> pools() const
    {
        QNetworkAccessManager network;
        const std::unique_ptr<ApiClient> client = clientFor(*m_simulator, &network);
        QHash<QString, DesktopPool> byId;
        for (const DesktopPool &pool : listAllPools(client.get(), 30000))
            byId.insert(pool.id, pool);
        return byId;
    }

    // A profile of the simulator that protects the desktops tagged protected=true.
    bool saveProtectingProfile(ProfileStore &profiles, const QString &name) const
    {
        ConnectionProfile profile;
        profile.name = name;
        profile.endpoint = m_simulator->url();
        profile.projectId = m_simulator->config().projectId;
        profile.protectedTags = {QStringLiteral("protected=true")};
        return profiles.save(profile);
    }

    // A desktop free to delete whose pool has autoscale on; its pool in *poolId.
    QString desktopOfScalingPool(QString *poolId) const
    {
        const QHash<QString, DesktopPool> known = pools();
        for (const QJsonObject &desktop : listed()) {
            const QString pool = desktop.value(QStringLiteral("pool_id")).toString();
            if (!desktop.value(QStringLiteral("task_status")).toString().isEmpty()
                || desktop.value(QStringLiteral("billing")).toString() == QLatin1String("yearly_monthly")
                || !known.value(pool).autoscaleEnabled.value_or(false))
                continue;
            *poolId = pool;
            return desktop.value(QStringLiteral("desktop_id")).toString();
        }
        return {};
    }

    QString firstTagged(const QString &key, const QString &value, const QList<QJsonObject> &desktops) const
    {
        for (const QJsonObject &desktop : desktops) {
            if (desktop.value(QStringLiteral("tags")).toObject().value(key).toString() == value)
                return desktop.value(QStringLiteral("desktop_id")).toString();
        }
        return {};
    }

    QTemporaryDir m_home;
    QString m_dataDir;
    std::unique_ptr<WorkspaceSimulator> m_simulator;

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_home.isValid());
        m_dataDir = m_home.filePath(QStringLiteral("cli-data-%1").arg(QLatin1String(QTest::currentTestFunction())));
        m_simulator = std::make_unique<WorkspaceSimulator>(
            simulatorConfig(QStringLiteral("SIM-AK"), QStringLiteral("SIM-SK-SECRET"), 40, 100));
        QVERIFY(m_simulator->listen());
    }

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
                                      QStringLiteral("listed more than once")})
            QVERIFY2(dry.err.contains(reason), qPrintable(dry.err));

        const Result real = run(common + QStringList{QStringLiteral("--yes")});
        QCOMPARE(real.exitCode, 1);
        QCOMPARE(auditedRequests(), planned);
        QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 1);
        for (const QString &reason : {QStringLiteral("no-such-desktop: not found"), QStringLiteral("protected by a tag"),
                                      QStringLiteral("listed more than once")})
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
        QVERIFY(QFile::exists(demoDir + QStringLiteral("/simulator-state.json")));

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
        // The request is carried out, its answer lost; Qt's one resend gets 409: ambiguous.
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

    void maintenanceAndLogoffFollowTheRulesOfDelete()
    {
        const QStringList ids = someIds(3);
        QCOMPARE(ids.size(), 3);
        const QString idList = ids.join(QLatin1Char(','));
        // Neither --yes nor --dry-run, no ids, a wrong mode, no message: usage errors, nothing sent.
        QCOMPARE(run({QStringLiteral("maintenance"), QStringLiteral("on"), QStringLiteral("--ids"), idList}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("maintenance"), QStringLiteral("on"), QStringLiteral("--yes")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("maintenance"), QStringLiteral("maybe"), QStringLiteral("--ids"), idList,
                      QStringLiteral("--yes")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("logoff"), QStringLiteral("--ids"), idList, QStringLiteral("--yes")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("maintenance"), QStringLiteral("on"), QStringLiteral("--ids"), idList,
                      QStringLiteral("--force"), QStringLiteral("--yes")}).exitCode, 2);

        const Result dry = run({QStringLiteral("maintenance"), QStringLiteral("on"), QStringLiteral("--ids"), idList,
                                QStringLiteral("--dry-run")});
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.err));
        QVERIFY(dry.out.startsWith(QStringLiteral("PUT ")));
        QVERIFY(dry.out.contains(QStringLiteral("\"in_maintenance_mode\":true")));
        QCOMPARE(m_simulator->requestCount("PUT", QStringLiteral("maintenance-mode")), 0);

        const Result on = run({QStringLiteral("maintenance"), QStringLiteral("on"), QStringLiteral("--ids"), idList,
                               QStringLiteral("--yes")});
        QVERIFY2(on.exitCode == 0, qPrintable(on.err + on.out));
        QCOMPARE(m_simulator->requestCount("PUT", QStringLiteral("maintenance-mode")), 1);
        for (const QJsonObject &desktop : listed()) {
            if (ids.contains(desktop.value(QStringLiteral("desktop_id")).toString())) {
                QVERIFY(desktop.value(QStringLiteral("in_maintenance_mode")).toBool());
                QVERIFY(desktop.value(QStringLiteral("login_status")).toString() != QLatin1String("CONNECTED"));
            }
        }

        const Result logoff = run({QStringLiteral("logoff"), QStringLiteral("--message"),
                                   QStringLiteral("This desktop is retired tonight."), QStringLiteral("--ids"), idList,
                                   QStringLiteral("--yes")});
        QVERIFY2(logoff.exitCode == 0, qPrintable(logoff.err + logoff.out));

        // An unknown id is looked up, reported and left out, as delete does with the same input: the
        // others are changed, and the exit code says that not everything asked for was done.
        const QStringList withUnknown{QStringLiteral("--ids"), idList + QStringLiteral(",no-such-desktop,") + ids.first()};
        const Result deleteDry = run(QStringList{QStringLiteral("delete")} + withUnknown + QStringList{QStringLiteral("--dry-run")});
        const Result partly = run(QStringList{QStringLiteral("maintenance"), QStringLiteral("off")} + withUnknown
                                  + QStringList{QStringLiteral("--yes")});
        QCOMPARE(deleteDry.exitCode, 1);
        QCOMPARE(partly.exitCode, deleteDry.exitCode);
        QVERIFY2(partly.err.contains(QStringLiteral("no-such-desktop: not found")), qPrintable(partly.err));
        QVERIFY2(partly.err.contains(QStringLiteral("listed more than once")), qPrintable(partly.err));
        QCOMPARE(m_simulator->requestCount("PUT", QStringLiteral("maintenance-mode")), 2);
        QVERIFY(partly.out.contains(QStringLiteral("skipped")));
        const Result partlyDry = run(QStringList{QStringLiteral("logoff"), QStringLiteral("--message"),
                                                QStringLiteral("Bye.")} + withUnknown + QStringList{QStringLiteral("--dry-run")});
        QCOMPARE(partlyDry.exitCode, deleteDry.exitCode);
        QVERIFY2(!partlyDry.out.contains(QStringLiteral("no-such-desktop")), qPrintable(partlyDry.out));
        // Nothing but unknown ids: nothing is sent at all.
        const Result none = run({QStringLiteral("maintenance"), QStringLiteral("on"), QStringLiteral("--ids"),
                                 QStringLiteral("no-such-desktop"), QStringLiteral("--yes")});
        QCOMPARE(none.exitCode, run({QStringLiteral("delete"), QStringLiteral("--ids"), QStringLiteral("no-such-desktop"),
                                     QStringLiteral("--yes")}).exitCode);
        QCOMPARE(m_simulator->requestCount("PUT", QStringLiteral("maintenance-mode")), 2);

        // A refused request is the API's failure: exit 3, with the code and the request id.
        SimulatorFaults faults;
        faults.serverErrorShare = 1.0;
        faults.serverErrorStatus = 500;
        faults.pathFilter = QStringLiteral("maintenance-mode");
        m_simulator->setFaults(faults);
        const Result refused = run({QStringLiteral("maintenance"), QStringLiteral("off"), QStringLiteral("--ids"),
                                    idList, QStringLiteral("--yes")});
        QCOMPARE(refused.exitCode, 3);
        QVERIFY(refused.out.contains(QStringLiteral("failed")));

        QStringList events;
        for (const QJsonObject &entry : AuditLog::readEntries(AuditLog::defaultFilePath(m_dataDir)))
            events.append(entry.value(QStringLiteral("event")).toString());
        QCOMPARE(events, (QStringList{QStringLiteral("action_intent"), QStringLiteral("action_succeeded"),
                                      QStringLiteral("action_intent"), QStringLiteral("action_succeeded"),
                                      QStringLiteral("action_intent"), QStringLiteral("action_succeeded"),
                                      QStringLiteral("action_intent"), QStringLiteral("action_failed")}));
    }

    void protectionDoesNotBlockMaintenance()
    {
        const QString protectedId =
            firstTagged(QStringLiteral("protected"), QStringLiteral("true"), listed());
        QVERIFY(!protectedId.isEmpty());
        ProfileStore profiles(m_home.filePath(QStringLiteral("config/workspace-admin/profiles.ini")));
        QVERIFY(saveProtectingProfile(profiles, QStringLiteral("guarded")));
        const QStringList common{QStringLiteral("--ids"), protectedId, QStringLiteral("--profile"), QStringLiteral("guarded")};
        // delete leaves it out; maintenance destroys nothing, so the tag does not block it.
        const Result deleted = run(QStringList{QStringLiteral("delete"), QStringLiteral("--dry-run")} + common);
        QCOMPARE(deleted.exitCode, 1);
        QVERIFY2(deleted.err.contains(QStringLiteral("protected by a tag")), qPrintable(deleted.err));
        const Result maintenance = run(QStringList{QStringLiteral("maintenance"), QStringLiteral("on"),
                                                   QStringLiteral("--yes")} + common);
        QVERIFY2(maintenance.exitCode == 0, qPrintable(maintenance.err + maintenance.out));
        QCOMPARE(m_simulator->requestCount("PUT", QStringLiteral("maintenance-mode")), 1);
        QVERIFY(profiles.remove(QStringLiteral("guarded")));
    }

    void turnsAutoscaleOffFirstThenDeletes()
    {
        QString poolId;
        const QString id = desktopOfScalingPool(&poolId);
        QVERIFY(!id.isEmpty());
        const QStringList dryRun{QStringLiteral("delete"), QStringLiteral("--ids"), id, QStringLiteral("--dry-run")};

        // Without the option the plan warns of the pool and names the option.
        const Result warned = run(dryRun);
        QVERIFY2(warned.exitCode == 0, qPrintable(warned.err));
        QVERIFY2(warned.err.contains(QStringLiteral("may create new desktops"))
                     && warned.err.contains(QStringLiteral("--turn-autoscale-off-first")) && warned.err.contains(poolId),
                 qPrintable(warned.err));
        QVERIFY(!warned.out.contains(QStringLiteral("desktop-pools")));

        // With it the dry run names the request that goes first.
        const Result planned = run(dryRun + QStringList{QStringLiteral("--turn-autoscale-off-first")});
        QVERIFY2(planned.exitCode == 0, qPrintable(planned.err));
        const QStringList lines = planned.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QVERIFY2(lines.at(0).startsWith(QStringLiteral("PUT ")) && lines.at(0).endsWith(QStringLiteral("/desktop-pools/") + poolId),
                 qPrintable(lines.at(0)));
        QCOMPARE(lines.at(1), QStringLiteral("{\"enable_autoscale\":false}"));
        QVERIFY(lines.at(2).startsWith(QStringLiteral("POST ")));
        QCOMPARE(m_simulator->requestCount("PUT", QStringLiteral("desktop-pools")), 0);

        const int before = m_simulator->desktopCount();
        const Result result = runDelete({id}, {QStringLiteral("--turn-autoscale-off-first")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err + result.out));
        QCOMPARE(pools().value(poolId).autoscaleEnabled, std::optional<bool>(false));
        QCOMPARE(m_simulator->desktopCount(), before - 1);
        QCOMPARE(m_simulator->requestCount("PUT", QStringLiteral("desktop-pools/")), 1);
        // The pool's intent and outcome are on record before the deletion's intent.
        QStringList events;
        for (const QJsonObject &entry : AuditLog::readEntries(AuditLog::defaultFilePath(m_dataDir))) {
            events.append(entry.value(QStringLiteral("event")).toString());
            if (events.constLast() == QLatin1String("action_intent"))
                QCOMPARE(entry.value(QStringLiteral("action")).toString(), QStringLiteral("autoscale_off"));
        }
        QCOMPARE(events.mid(0, 3), (QStringList{QStringLiteral("action_intent"), QStringLiteral("action_succeeded"),
                                                QStringLiteral("intent")}));
    }

    void autoscaleThatCannotBeTurnedOffDeletesNothing()
    {
        QString poolId;
        const QString id = desktopOfScalingPool(&poolId);
        QVERIFY(!id.isEmpty());
        SimulatorFaults faults;
        faults.serverErrorShare = 1.0;
        faults.serverErrorStatus = 500;
        faults.pathFilter = QStringLiteral("desktop-pools/"); // the update, not the listing
        m_simulator->setFaults(faults);
        const int before = m_simulator->desktopCount();
        const Result result = runDelete({id}, {QStringLiteral("--turn-autoscale-off-first")});
        QCOMPARE(result.exitCode, 3); // the service refused the request
        QVERIFY2(result.err.contains(QStringLiteral("could not be turned off, so nothing was deleted"))
                     && result.err.contains(poolId),
                 qPrintable(result.err));
        QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 0);
        QCOMPARE(m_simulator->requestCount("PUT", QStringLiteral("desktop-pools/")), 1); // never re-sent
        QCOMPARE(m_simulator->desktopCount(), before);
        QStringList events;
        for (const QJsonObject &entry : AuditLog::readEntries(AuditLog::defaultFilePath(m_dataDir)))
            events.append(entry.value(QStringLiteral("event")).toString());
        QCOMPARE(events, (QStringList{QStringLiteral("action_intent"), QStringLiteral("action_failed")}));
    }

    void listShowsUsageAndFiltersIdleDesktops()
    {
        const Result all = run({QStringLiteral("list"), QStringLiteral("--period-days"), QStringLiteral("30"),
                                QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(all.exitCode == 0, qPrintable(all.err));
        const QJsonArray desktops = QJsonDocument::fromJson(all.out.toUtf8()).array();
        QCOMPARE(desktops.size(), 40);
        int idleForMonths = 0;
        for (const QJsonValue &value : desktops) {
            const QJsonObject desktop = value.toObject();
            for (const char *key : {"idle_days", "used_hours", "in_maintenance_mode", "pool_id", "billing"})
                QVERIFY2(desktop.contains(QLatin1String(key)), key);
            // No data is null, never 0.
            const QJsonValue idle = desktop.value(QStringLiteral("idle_days"));
            QVERIFY(idle.isNull() || idle.isDouble());
            if (idle.toInt(-1) >= 60)
                ++idleForMonths;
        }
        QVERIFY(idleForMonths > 0);

        const Result idle = run({QStringLiteral("list"), QStringLiteral("--idle-days"), QStringLiteral("60"),
                                 QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(idle.exitCode == 0, qPrintable(idle.err));
        const QJsonArray idleDesktops = QJsonDocument::fromJson(idle.out.toUtf8()).array();
        QCOMPARE(idleDesktops.size(), idleForMonths);
        for (const QJsonValue &value : idleDesktops)
            QVERIFY(value.toObject().value(QStringLiteral("idle_days")).toInt() >= 60);

        const Result table = run({QStringLiteral("list"), QStringLiteral("--period-days"), QStringLiteral("30")});
        QVERIFY(table.out.section(QLatin1Char('\n'), 0, 0).contains(QStringLiteral("IDLE_DAYS")));
        QCOMPARE(run({QStringLiteral("list"), QStringLiteral("--period-days"), QStringLiteral("181")}).exitCode, 2);
    }

    void dryRunLeavesOutYearlyMonthlyAndNamesTheUsers()
    {
        QString yearly;
        QString plain;
        for (const QJsonObject &desktop : listed()) {
            const QString billing = desktop.value(QStringLiteral("billing")).toString();
            const QString id = desktop.value(QStringLiteral("desktop_id")).toString();
            if (!desktop.value(QStringLiteral("task_status")).toString().isEmpty())
                continue;
            if (yearly.isEmpty() && billing == QLatin1String("yearly_monthly"))
                yearly = id;
            else if (plain.isEmpty() && billing == QLatin1String("pay_per_use")
                     && !desktop.value(QStringLiteral("user_name")).toString().isEmpty())
                plain = id;
        }
        QVERIFY(!yearly.isEmpty() && !plain.isEmpty());
        const QStringList dryRun{QStringLiteral("delete"), QStringLiteral("--ids"), yearly + QLatin1Char(',') + plain,
                                 QStringLiteral("--delete-users"), QStringLiteral("--dry-run")};
        const Result leftOut = run(dryRun);
        QCOMPARE(leftOut.exitCode, 1); // a desktop is left out
        QVERIFY(!leftOut.out.contains(yearly));
        QVERIFY(leftOut.out.contains(plain));
        QVERIFY2(leftOut.err.contains(QStringLiteral("yearly/monthly")), qPrintable(leftOut.err));
        QVERIFY2(leftOut.err.contains(QStringLiteral("would be deleted")), qPrintable(leftOut.err));

        const Result included = run(dryRun + QStringList{QStringLiteral("--include-yearly-monthly")});
        QVERIFY2(included.exitCode == 0, qPrintable(included.err));
        QVERIFY(included.out.contains(yearly));
        QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 0);
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
