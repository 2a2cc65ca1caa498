// `retire --delete-due` against the demo's retiring desktops (one due, one used since its
// retirement, one waiting) and against the simulator with log-in records it cannot serve: the dry
// run's review and kept list, the recorded deletion of the due one alone, nothing due exiting 0,
// incomplete evidence deleting nobody and exiting 4, and its usage errors.
#include "clisimulatorfixture.h"

namespace {

// The ids of the listed desktops whose `flag` ("retiring", "retire_due") is true.
QStringList idsWith(const QList<QJsonObject>& desktops, const QString& flag)
{
    QStringList ids;
    for (const QJsonObject& desktop : desktops) {
        if (desktop.value(flag).toBool())
            ids.append(desktop.value(QStringLiteral("desktop_id")).toString());
    }
    return ids;
}

QStringList retiringIds(const QList<QJsonObject>& desktops)
{
    return idsWith(desktops, QStringLiteral("retiring"));
}

const QString kRetire = QStringLiteral("retire");
const QString kDeleteDue = QStringLiteral("--delete-due");

} // namespace

class TestCliDueDeletion : public QObject, protected CliSimulatorFixture {
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(startSimulator()); }
    void cleanup() { m_simulator.reset(); }

    void usageErrors()
    {
        // Neither --yes nor --dry-run, both, ids beside it, a grace period beside it: nothing sent.
        QCOMPARE(runDemo({ kRetire, kDeleteDue }).exitCode, 2);
        QCOMPARE(
            runDemo({ kRetire, kDeleteDue, QStringLiteral("--yes"), QStringLiteral("--dry-run") })
                .exitCode,
            2);
        QCOMPARE(runDemo({ kRetire, kDeleteDue, QStringLiteral("--ids"), QStringLiteral("abc"),
                             QStringLiteral("--yes") })
                     .exitCode,
            2);
        QCOMPARE(runDemo({ kRetire, kDeleteDue, QStringLiteral("--yes"),
                             QStringLiteral("--timeout"), QStringLiteral("0") })
                     .exitCode,
            2);
        QCOMPARE(runDemo({ kRetire, kDeleteDue, QStringLiteral("--dry-run"),
                             QStringLiteral("--status"), QStringLiteral("ACTIVE") })
                     .exitCode,
            2);
        // And the other way round: this mode's options are not those of a retirement by id.
        QCOMPARE(runDemo({ kRetire, QStringLiteral("--ids"), QStringLiteral("abc"),
                             QStringLiteral("--force"), QStringLiteral("--yes") })
                     .exitCode,
            2);
        QVERIFY(auditEventNames().isEmpty());
    }

    void theDueDesktopIsDeletedAndTheUsedOneKept()
    {
        const QList<QJsonObject> before = demoListed();
        const QStringList retiring = retiringIds(before);
        const QStringList pastTheirDate = idsWith(before, QStringLiteral("retire_due"));
        QCOMPARE(retiring.size(), 3);
        QCOMPARE(pastTheirDate.size(), 2); // the due one and the used one

        // The dry run: the review, the kept one with its reason, the request; nothing sent.
        const Result dry = runDemo({ kRetire, kDeleteDue, QStringLiteral("--dry-run") });
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.err + dry.out));
        QVERIFY2(dry.err.contains(QLatin1String("3 retiring desktop")), qPrintable(dry.err));
        QVERIFY2(
            dry.err.contains(QLatin1String("Kept, although past its date:")), qPrintable(dry.err));
        QVERIFY2(dry.err.contains(QLatin1String("logged in on")), qPrintable(dry.err));
        QVERIFY(dry.out.startsWith(QLatin1String("POST ")));
        QVERIFY(dry.out.contains(QLatin1String("batch-delete")));
        QString dueId;
        QString usedId;
        for (const QString& id : pastTheirDate)
            (dry.out.contains(id) ? dueId : usedId) = id;
        QVERIFY(!dueId.isEmpty() && !usedId.isEmpty());
        QVERIFY2(dry.err.contains(usedId), qPrintable(dry.err));
        QCOMPARE(retiringIds(demoListed()).size(), 3);

        // The real run: the due one deleted through the recorded run, its job followed.
        const Result done = runDemo({ kRetire, kDeleteDue, QStringLiteral("--yes"),
            QStringLiteral("--poll-interval"), QStringLiteral("0.05") });
        QVERIFY2(done.exitCode == 0, qPrintable(done.err + done.out));
        QVERIFY2(done.out.contains(dueId) && done.out.contains(QLatin1String("deleted")),
            qPrintable(done.out));
        QVERIFY2(done.err.contains(usedId), qPrintable(done.err));
        const QStringList left = retiringIds(demoListed());
        QVERIFY(!left.contains(dueId));
        QVERIFY(left.contains(usedId));
        QCOMPARE(left.size(), 2);
        // Recorded like every deletion (the demo keeps its record in a directory of its own).
        QStringList events;
        const QString demoAudit = AuditLog::defaultFilePath(m_dataDir + QStringLiteral("/demo"));
        for (const QJsonObject& entry : AuditLog::readEntries(demoAudit))
            events.append(entry.value(QStringLiteral("event")).toString());
        QCOMPARE(events,
            QStringList({ QStringLiteral("intent"), QStringLiteral("done"),
                QStringLiteral("job_finished") }));

        // The next run finds nothing due: the used one is still kept, and that is no failure.
        const Result again = runDemo({ kRetire, kDeleteDue, QStringLiteral("--yes") });
        QVERIFY2(again.exitCode == 0, qPrintable(again.err + again.out));
        QVERIFY2(again.err.contains(QLatin1String("Nothing is due for deletion.")),
            qPrintable(again.err));
        QVERIFY2(again.err.contains(usedId), qPrintable(again.err));
    }

    void incompleteEvidenceDeletesNobody()
    {
        SimulatorConfig config = m_simulator->config();
        config.retiringExamples = true;
        m_simulator = std::make_unique<WorkspaceSimulator>(config);
        QVERIFY(m_simulator->listen());
        SimulatorFaults faults;
        faults.malformedJson = true;
        faults.pathFilter = QStringLiteral("connections/desktops");
        m_simulator->setFaults(faults);

        const Result result = run({ kRetire, kDeleteDue, QStringLiteral("--yes") });
        QCOMPARE(result.exitCode, 4);
        QVERIFY2(result.err.contains(QLatin1String("log-in records could not all be read")),
            qPrintable(result.err));
        QVERIFY2(result.err.contains(QLatin1String("is unknown")), qPrintable(result.err));
        QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-delete")), 0);
        QVERIFY(m_simulator->requestCount("GET", QStringLiteral("connections/desktops")) >= 1);
    }
};

QTEST_GUILESS_MAIN(TestCliDueDeletion)
#include "tst_cliduedeletion.moc"
