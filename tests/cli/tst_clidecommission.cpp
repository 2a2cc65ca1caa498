#include "clisimulatorfixture.h"

// `maintenance`, `logoff`, `list` with usage and `delete`'s decommissioning options for real,
// against the Workspace simulator in this process: the look-up rules of delete, the pools'
// autoscale turned off first, what a dry run names.
class TestCliDecommission : public QObject, protected CliSimulatorFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(startSimulator()); }
    void cleanup() { m_simulator.reset(); }

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
                // The result names each desktop, not only its id.
                QVERIFY(on.out.contains(desktop.value(QStringLiteral("computer_name")).toString()));
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
        // Not an id at all: most likely a computer name, and the way to its id is named.
        QVERIFY2(partly.err.contains(QStringLiteral("list --name no-such-desktop")), qPrintable(partly.err));
        QVERIFY2(partly.err.contains(QStringLiteral("Listed more than once")), qPrintable(partly.err));
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
        // (They are out of maintenance now: `off` would leave them out and send nothing.)
        const Result unchanged = run({QStringLiteral("maintenance"), QStringLiteral("off"), QStringLiteral("--ids"),
                                      idList, QStringLiteral("--yes")});
        QCOMPARE(unchanged.exitCode, 0);
        QVERIFY2(unchanged.err.contains(QStringLiteral("not in maintenance mode")), qPrintable(unchanged.err));
        const Result refused = run({QStringLiteral("maintenance"), QStringLiteral("on"), QStringLiteral("--ids"),
                                    idList, QStringLiteral("--yes")});
        QCOMPARE(refused.exitCode, 3);
        QVERIFY(refused.out.contains(QStringLiteral("failed")));

        QCOMPARE(auditEventNames(), (QStringList{QStringLiteral("intent"), QStringLiteral("done"),
                                      QStringLiteral("intent"), QStringLiteral("done"),
                                      QStringLiteral("intent"), QStringLiteral("done"),
                                      QStringLiteral("intent"), QStringLiteral("failed")}));
        QCOMPARE(m_simulator->requestCount("PUT", QStringLiteral("maintenance-mode")), 3);
    }

    // --timeout ends the whole run: a request still unanswered then has an unknown outcome (exit 3),
    // recorded as such, and it is never sent again.
    void timeoutEndsTheRunWithTheOutcomeUnknown()
    {
        const QStringList ids = someIds(3);
        QCOMPARE(ids.size(), 3);
        SimulatorFaults faults;
        faults.neverAnswer = true;
        faults.pathFilter = QStringLiteral("maintenance-mode");
        m_simulator->setFaults(faults);
        const Result result = run({QStringLiteral("maintenance"), QStringLiteral("on"), QStringLiteral("--ids"),
                                   ids.join(QLatin1Char(',')), QStringLiteral("--yes"), QStringLiteral("--timeout"),
                                   QStringLiteral("1")});
        QCOMPARE(result.exitCode, 3);
        QVERIFY2(result.out.contains(QStringLiteral("unknown")), qPrintable(result.out));
        QCOMPARE(m_simulator->requestCount("PUT", QStringLiteral("maintenance-mode")), 1);
        QCOMPARE(auditEventNames(), (QStringList{QStringLiteral("intent"), QStringLiteral("outcome_unknown")}));
        const QJsonObject unknown = AuditLog::readEntries(AuditLog::defaultFilePath(m_dataDir)).constLast();
        QCOMPARE(unknown.value(QStringLiteral("ambiguity")).toString(), QStringLiteral("deadline"));
        QCOMPARE(run({QStringLiteral("logoff"), QStringLiteral("--message"), QStringLiteral("Bye."),
                      QStringLiteral("--ids"), ids.first(), QStringLiteral("--dry-run"), QStringLiteral("--timeout"),
                      QStringLiteral("0")})
                     .exitCode,
                 2); // not a positive number of seconds
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
            if (events.size() == 1)
                QCOMPARE(entry.value(QStringLiteral("kind")).toString(), QStringLiteral("autoscale_off"));
        }
        // The pool's intent and outcome, its read-back, then the deletion's intent.
        QCOMPARE(events.mid(0, 4), (QStringList{QStringLiteral("intent"), QStringLiteral("done"),
                                                QStringLiteral("autoscale_checked"), QStringLiteral("intent")}));
    }

    void autoscaleThatCannotBeTurnedOffDeletesNothing()
    {
        QString poolId;
        const QString id = desktopOfScalingPool(&poolId);
        QVERIFY(!id.isEmpty());
        SimulatorFaults faults;
        faults.serverErrorShare = 1.0;
        faults.serverErrorStatus = 500;
        // The update only: the pools' desktop listings (how the CLI finds the pool) still answer.
        faults.pathFilter = QStringLiteral("desktop-pools/");
        faults.methodFilter = "PUT";
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
        QCOMPARE(auditEventNames(), (QStringList{QStringLiteral("intent"), QStringLiteral("failed")}));
    }

    void interruptWhileTurningAutoscaleOffDeletesNothing()
    {
        QString poolId;
        const QString id = desktopOfScalingPool(&poolId);
        QVERIFY(!id.isEmpty());
        SimulatorFaults faults;
        faults.latencyMs = 3000; // the pool's answer is slow: the interrupt comes while it is awaited
        faults.pathFilter = QStringLiteral("desktop-pools/");
        faults.methodFilter = "PUT"; // not the pools' desktop listings, which come first
        m_simulator->setFaults(faults);
        const int before = m_simulator->desktopCount();
        const Result result = interruptOnceSaid(QStringList{QStringLiteral("delete"), QStringLiteral("--ids"), id,
                                                            QStringLiteral("--yes"), QStringLiteral("--turn-autoscale-off-first")}
                                                    + connection(),
                                                "Turning autoscale off");
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QStringLiteral("nothing was deleted")), qPrintable(result.err));
        QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 0);
        QCOMPARE(m_simulator->desktopCount(), before);
        // A request that was announced has its outcome on record.
        const QStringList events = auditEventNames();
        QCOMPARE(events.count(QStringLiteral("intent")), events.size() - events.count(QStringLiteral("intent")));
        for (const QJsonObject &entry : AuditLog::readEntries(AuditLog::defaultFilePath(m_dataDir)))
            QCOMPARE(entry.value(QStringLiteral("kind")).toString(), QStringLiteral("autoscale_off"));
    }

    void listShowsUsageAndFiltersIdleDesktops()
    {
        // Idle for 60 days or more can be told only from 60 days of statistics.
        const Result all = run({QStringLiteral("list"), QStringLiteral("--period-days"), QStringLiteral("60"),
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
        QCOMPARE(run({QStringLiteral("list"), QStringLiteral("--idle-days"), QStringLiteral("60"), QStringLiteral("--period-days"),
                      QStringLiteral("30")})
                     .exitCode,
                 2);
        QCOMPARE(run({QStringLiteral("list"), QStringLiteral("--idle-days"), QStringLiteral("181")}).exitCode, 2);
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
};

QTEST_GUILESS_MAIN(TestCliDecommission)
#include "tst_clidecommission.moc"
