#include "clisimulatorfixture.h"
#include "deletion/deletionrun.h"
#include "deletion/deletionstore.h"
#include "deletion/jobjournal.h"
#include "iamroutes.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <QTest>

#include <algorithm>

// `delete`, `maintenance` and `logoff` with --all-regions against the simulator serving two regions
// behind one loopback server, each region's endpoint under a host name of its own (127.0.0.1 and
// localhost, through the SDK's per-region endpoint variables): ids of both regions mixed, each
// request sent to its own project and endpoint, the review grouped by region, the outcome naming
// region and project.
class TestCliRegionChange : public QObject, private CliSimulatorFixture {
    Q_OBJECT

private:
    QString northHost() const { return QStringLiteral("127.0.0.1:%1").arg(m_simulator->port()); }
    QString asiaHost() const { return QStringLiteral("localhost:%1").arg(m_simulator->port()); }

    // The keys, the region's IAM at the simulator, and each region's Workspace endpoint.
    QProcessEnvironment accountEnvironment() const
    {
        QProcessEnvironment env = environment();
        env.remove(QStringLiteral("HUAWEICLOUD_SDK_PROJECT_ID"));
        env.insert(QStringLiteral("HUAWEICLOUD_SDK_IAM_ENDPOINT"), m_simulator->url().toString());
        env.insert(QStringLiteral("HUAWEICLOUD_SDK_REGION_WORKSPACE_CN_NORTH_4"),
            QStringLiteral("http://") + northHost());
        env.insert(QStringLiteral("HUAWEICLOUD_SDK_REGION_WORKSPACE_AP_SOUTHEAST_3"),
            QStringLiteral("http://") + asiaHost());
        return env;
    }

    Result runAccount(const QStringList& arguments) const
    {
        return runCli(arguments
                + QStringList { QStringLiteral("--region"), m_simulator->config().region,
                    QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("--all-regions") },
            accountEnvironment());
    }

    // Desktops of each project, as `list --all-regions` names them: project id → ids. Given
    // usersById, only desktops with a user, each id's user put there.
    QHash<QString, QStringList> idsByProject(QHash<QString, QString>* usersById = nullptr)
    {
        const Result result = runAccount(
            { QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json") });
        QHash<QString, QStringList> ids;
        const QJsonArray desktops = QJsonDocument::fromJson(result.out.toUtf8()).array();
        for (const QJsonValue& value : desktops) {
            const QJsonObject desktop = value.toObject();
            if (desktop.value(QStringLiteral("task_status")).toString().isEmpty()
                && !desktop.value(QStringLiteral("in_maintenance_mode")).toBool()
                && desktop.value(QStringLiteral("billing_mode")).toString()
                    != QLatin1String("yearly_monthly")) {
                const QString id = desktop.value(QStringLiteral("desktop_id")).toString();
                const QString user = desktop.value(QStringLiteral("user_name")).toString();
                if (usersById && user.isEmpty())
                    continue;
                if (usersById)
                    usersById->insert(id, user);
                ids[desktop.value(QStringLiteral("project_id")).toString()].append(id);
            }
        }
        return ids;
    }

    // The indented lines a review prints under a project's line ("cn-north-4 (project …): …").
    static QString projectSection(const QString& err, const QString& label)
    {
        const QStringList lines = err.split(QLatin1Char('\n'));
        QStringList section;
        bool inside = false;
        for (const QString& line : lines) {
            if (line.startsWith(label + QStringLiteral(" (project "))) {
                inside = true;
                continue;
            }
            if (inside && !line.startsWith(QStringLiteral("  ")))
                break;
            if (inside)
                section.append(line);
        }
        return section.join(QLatin1Char('\n'));
    }

    static bool deletesUsers(const WorkspaceSimulator::ReceivedRequest& request)
    {
        return QJsonDocument::fromJson(request.body)
            .object()
            .value(QStringLiteral("delete_users"))
            .toBool(false);
    }

    QStringList mixedIds(int north, int asia)
    {
        const QHash<QString, QStringList> ids = idsByProject();
        return ids.value(m_simulator->config().projectId).mid(0, north)
            + ids.value(kSecondRegionProjectId).mid(0, asia);
    }

    QList<QJsonObject> audited(const QString& event) const
    {
        QList<QJsonObject> found;
        const QList<QJsonObject> entries
            = AuditLog::readEntries(AuditLog::defaultFilePath(m_dataDir));
        for (const QJsonObject& entry : entries) {
            if (entry.value(QStringLiteral("event")).toString() == event)
                found.append(entry);
        }
        return found;
    }

    static QHash<QString, QJsonObject> rowsById(const QString& json)
    {
        QHash<QString, QJsonObject> rows;
        const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
        for (const QJsonValue& value : array)
            rows.insert(
                value.toObject().value(QStringLiteral("desktop_id")).toString(), value.toObject());
        return rows;
    }

    WorkspaceSimulator* m_asia = nullptr;

private Q_SLOTS:
    void init()
    {
        QVERIFY(startSimulator());
        m_asia = m_simulator->addProject(secondRegionConfig({}, {}, 7, 100));
    }

    void deleteAcrossRegionsSendsEachRequestToItsOwnProjectAndEndpoint()
    {
        const QStringList ids = mixedIds(2, 2);
        QCOMPARE(ids.size(), 4);
        const QString unknown = QStringLiteral("00000000-0000-0000-0000-00000000dead");
        const Result result = runAccount({ QStringLiteral("delete"), QStringLiteral("--ids"),
            (ids + QStringList { unknown }).join(QLatin1Char(',')), QStringLiteral("--yes"),
            QStringLiteral("--poll-interval"), QStringLiteral("0.05"), QStringLiteral("--format"),
            QStringLiteral("json") });
        // The unknown id is left out: the work is not all done.
        QVERIFY2(result.exitCode == 1, qPrintable(result.err));
        const QHash<QString, QJsonObject> rows = rowsById(result.out);
        QCOMPARE(rows.size(), 5);
        for (int i = 0; i < 4; ++i) {
            const QJsonObject row = rows.value(ids.at(i));
            QCOMPARE(row.value(QStringLiteral("outcome")).toString(), QStringLiteral("deleted"));
            QCOMPARE(row.value(QStringLiteral("region")).toString(),
                i < 2 ? m_simulator->config().region : kSecondRegion);
            QCOMPARE(row.value(QStringLiteral("project_id")).toString(),
                i < 2 ? m_simulator->config().projectId : kSecondRegionProjectId);
        }
        QCOMPARE(rows.value(unknown).value(QStringLiteral("outcome")).toString(),
            QStringLiteral("skipped"));
        QVERIFY2(result.err.contains(QStringLiteral("in cn-north-4"))
                && result.err.contains(QStringLiteral("in ap-southeast-3")),
            qPrintable(result.err));

        // One batch-delete a project, each signed for and sent to its own endpoint.
        const auto northPosts = m_simulator->receivedRequests(
            "POST", m_simulator->config().projectId + QStringLiteral("/desktops/batch-delete"));
        const auto asiaPosts = m_asia->receivedRequests("POST", QStringLiteral("batch-delete"));
        QCOMPARE(northPosts.size(), 1);
        QCOMPARE(asiaPosts.size(), 1);
        QCOMPARE(northPosts.first().host, northHost());
        QCOMPARE(asiaPosts.first().host, asiaHost());
        QVERIFY(asiaPosts.first().path.contains(kSecondRegionProjectId));
        // Without --delete-users no project is asked to delete users.
        QVERIFY(!deletesUsers(northPosts.first()));
        QVERIFY(!deletesUsers(asiaPosts.first()));

        const QList<QJsonObject> intents = audited(QStringLiteral("intent"));
        QCOMPARE(intents.size(), 2);
        QCOMPARE(
            intents.at(0).value(QStringLiteral("region")).toString(), m_simulator->config().region);
        QCOMPARE(intents.at(0).value(QStringLiteral("endpoint_host")).toString(), northHost());
        QCOMPARE(intents.at(1).value(QStringLiteral("region")).toString(), kSecondRegion);
        QCOMPARE(
            intents.at(1).value(QStringLiteral("project_id")).toString(), kSecondRegionProjectId);
        QCOMPARE(intents.at(1).value(QStringLiteral("endpoint_host")).toString(), asiaHost());
    }

    void deleteFollowsTheSecondRegionsJournalJobBeforeReviewing()
    {
        const QStringList asia = idsByProject().value(kSecondRegionProjectId).mid(0, 2);
        QCOMPARE(asia.size(), 2);
        QString jobId;
        {
            // The first desktop submitted for deletion in the second region by a process that
            // ended before the job did: its job is in the journal.
            QNetworkAccessManager network;
            ClientConfig config;
            config.endpoint = QUrl(QStringLiteral("http://") + asiaHost());
            config.projectId = kSecondRegionProjectId;
            ApiClient client(&network, config,
                { m_simulator->config().accessKey, m_simulator->config().secretKey, {} });
            const DeletionStorePtr store = std::make_shared<DeletionStore>(m_dataDir);
            QVERIFY(store->journal().load());
            DeletionContext context;
            context.projectId = kSecondRegionProjectId;
            context.region = kSecondRegion;
            context.endpointHost = asiaHost();
            DeletionRun run(&client, DeletionPlan({ asia.first() }, BatchDeleteOptions {}), context,
                store);
            run.setTrackJobs(false);
            QSignalSpy sent(&run, &DeletionRun::sendingFinished);
            run.start();
            QVERIFY(sent.wait(30000));
            QCOMPARE(store->journal().entries().size(), 1);
            jobId = store->journal().entries().constFirst().jobId;
        }
        const Result result = runAccount({ QStringLiteral("delete"), QStringLiteral("--ids"),
            asia.join(QLatin1Char(',')), QStringLiteral("--yes"), QStringLiteral("--poll-interval"),
            QStringLiteral("0.05"), QStringLiteral("--timeout"), QStringLiteral("30"),
            QStringLiteral("--format"), QStringLiteral("json") });
        // The journal's desktop was deleted by its job before the review: not found, left out.
        QVERIFY2(result.exitCode == 1, qPrintable(result.err));
        const qsizetype followed = result.err.indexOf(
            QStringLiteral("ap-southeast-3: journal job %1: 1 deleted").arg(jobId));
        const qsizetype reviewed = result.err.indexOf(QStringLiteral("in ap-southeast-3"));
        QVERIFY2(followed >= 0 && reviewed > followed, qPrintable(result.err));
        const QHash<QString, QJsonObject> rows = rowsById(result.out);
        QCOMPARE(rows.value(asia.at(1)).value(QStringLiteral("outcome")).toString(),
            QStringLiteral("deleted"));
        QCOMPARE(rows.value(asia.at(0)).value(QStringLiteral("outcome")).toString(),
            QStringLiteral("skipped"));
        // Followed at the second region's own endpoint; its end audited, the journal empty.
        const auto polls = m_asia->receivedRequests("GET", jobId);
        QVERIFY(!polls.isEmpty());
        QCOMPARE(polls.constFirst().host, asiaHost());
        const QList<QJsonObject> ended = audited(QStringLiteral("job_finished"));
        QVERIFY(std::any_of(ended.cbegin(), ended.cend(), [&jobId](const QJsonObject& entry) {
            return entry.value(QStringLiteral("job_id")).toString() == jobId;
        }));
        JobJournal journal(JobJournal::defaultFilePath(m_dataDir));
        QVERIFY(journal.load());
        QCOMPARE(journal.entries().size(), 0);
    }

    void dryRunPrintsTheGroupedReviewAndEachProjectsRequests()
    {
        const QStringList ids = mixedIds(2, 1);
        const Result result = runAccount({ QStringLiteral("maintenance"), QStringLiteral("on"),
            QStringLiteral("--ids"), ids.join(QLatin1Char(',')), QStringLiteral("--dry-run") });
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY2(result.err.contains(QStringLiteral("2 desktop"))
                && result.err.contains(QStringLiteral("in cn-north-4"))
                && result.err.contains(QStringLiteral("1 in ap-southeast-3")),
            qPrintable(result.err));
        const QStringList puts = result.out.split(QLatin1Char('\n')).filter(QStringLiteral("PUT "));
        QCOMPARE(puts.size(), 2);
        QVERIFY2(puts.at(0).contains(
                     northHost() + QStringLiteral("/v2/") + m_simulator->config().projectId),
            qPrintable(puts.at(0)));
        QVERIFY2(puts.at(1).contains(asiaHost() + QStringLiteral("/v2/") + kSecondRegionProjectId),
            qPrintable(puts.at(1)));
        QCOMPARE(m_simulator->requestCount("PUT", QStringLiteral("maintenance")), 0);
        QVERIFY(audited(QStringLiteral("intent")).isEmpty());

        // The planned requests for scripts, each with its region and project.
        const Result json = runAccount({ QStringLiteral("maintenance"), QStringLiteral("on"),
            QStringLiteral("--ids"), ids.join(QLatin1Char(',')), QStringLiteral("--dry-run"),
            QStringLiteral("--format"), QStringLiteral("json") });
        QVERIFY2(json.exitCode == 0, qPrintable(json.err));
        const QJsonArray planned = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(planned.size(), 2);
        QCOMPARE(
            planned.at(1).toObject().value(QStringLiteral("region")).toString(), kSecondRegion);
        QCOMPARE(planned.at(1).toObject().value(QStringLiteral("project_id")).toString(),
            kSecondRegionProjectId);
    }

    void deleteUsersAcrossRegionsLooksEachProjectsUsersUpAndSendsTheChoice()
    {
        QHash<QString, QString> users;
        const QHash<QString, QStringList> ids = idsByProject(&users);
        const QString north = ids.value(m_simulator->config().projectId).value(0);
        const QString asia = ids.value(kSecondRegionProjectId).value(0);
        QVERIFY(!north.isEmpty() && !asia.isEmpty());
        const QString both = north + QLatin1Char(',') + asia;

        const Result dryRun = runAccount({ QStringLiteral("delete"), QStringLiteral("--ids"), both,
            QStringLiteral("--delete-users"), QStringLiteral("--dry-run") });
        QVERIFY2(dryRun.exitCode == 0, qPrintable(dryRun.err));
        // Each project's users, found in that project, under its own line.
        const QString northUsers = projectSection(dryRun.err, m_simulator->config().region);
        const QString asiaUsers = projectSection(dryRun.err, kSecondRegion);
        QVERIFY2(northUsers.contains(QStringLiteral("Users ")) && northUsers.contains(users[north]),
            qPrintable(dryRun.err));
        QVERIFY2(asiaUsers.contains(QStringLiteral("Users ")) && asiaUsers.contains(users[asia]),
            qPrintable(dryRun.err));
        QVERIFY2(!dryRun.err.contains(QStringLiteral("impact unknown")), qPrintable(dryRun.err));
        const QStringList bodies
            = dryRun.out.split(QLatin1Char('\n')).filter(QStringLiteral("delete_users"));
        QCOMPARE(bodies.size(), 2);
        for (const QString& body : bodies)
            QVERIFY2(body.contains(QStringLiteral("\"delete_users\":true")), qPrintable(body));
        QCOMPARE(m_asia->requestCount("POST", QStringLiteral("batch-delete")), 0);

        const Result result = runAccount({ QStringLiteral("delete"), QStringLiteral("--ids"), both,
            QStringLiteral("--delete-users"), QStringLiteral("--yes"),
            QStringLiteral("--poll-interval"), QStringLiteral("0.05"), QStringLiteral("--format"),
            QStringLiteral("json") });
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const auto northPosts = m_simulator->receivedRequests(
            "POST", m_simulator->config().projectId + QStringLiteral("/desktops/batch-delete"));
        const auto asiaPosts = m_asia->receivedRequests("POST", QStringLiteral("batch-delete"));
        QCOMPARE(northPosts.size(), 1);
        QCOMPARE(asiaPosts.size(), 1);
        QVERIFY(deletesUsers(northPosts.first()));
        QVERIFY(deletesUsers(asiaPosts.first()));
        for (const QJsonObject& intent : audited(QStringLiteral("intent")))
            QVERIFY(intent.value(QStringLiteral("parameters"))
                        .toObject()
                        .value(QStringLiteral("delete_users"))
                        .toBool());
    }

    void logoffFromAnIdsFileMixingRegions()
    {
        const QStringList ids = mixedIds(1, 2);
        const QString path = m_home.filePath(QStringLiteral("mixed-ids.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            (QStringLiteral("# both regions\n") + ids.join(QLatin1Char('\n')) + QLatin1Char('\n'))
                .toUtf8());
        file.close();
        const Result result = runAccount({ QStringLiteral("logoff"), QStringLiteral("--message"),
            QStringLiteral("Closing down."), QStringLiteral("--ids-file"), path,
            QStringLiteral("--yes"), QStringLiteral("--format"), QStringLiteral("json") });
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QHash<QString, QJsonObject> rows = rowsById(result.out);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.value(ids.at(0)).value(QStringLiteral("region")).toString(),
            m_simulator->config().region);
        QCOMPARE(rows.value(ids.at(2)).value(QStringLiteral("region")).toString(), kSecondRegion);
        QCOMPARE(rows.value(ids.at(2)).value(QStringLiteral("outcome")).toString(),
            QStringLiteral("done"));
        QCOMPARE(m_asia->receivedRequests("POST", QStringLiteral("logoff")).size(), 1);
        QCOMPARE(
            m_asia->receivedRequests("POST", QStringLiteral("logoff")).first().host, asiaHost());
    }

    void anIdInTwoProjectsIsLeftOutAsAmbiguous()
    {
        // A sub-project generated from the main project's seed holds the same ids.
        SimulatorConfig twin = simulatorConfig({}, {}, 40, 100);
        twin.projectId = QStringLiteral("6f708192a3b4c5d6e7f8091a2b3c4d5e");
        twin.region = QStringLiteral("cn-north-4_twin");
        m_simulator->addProject(twin);
        const QString id = idsByProject().value(m_simulator->config().projectId).first();
        const Result result = runAccount({ QStringLiteral("maintenance"), QStringLiteral("on"),
            QStringLiteral("--ids"), id, QStringLiteral("--yes") });
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(id) && result.err.contains(QStringLiteral("cn-north-4_twin")),
            qPrintable(result.err));
        QCOMPARE(m_simulator->requestCount("PUT", QStringLiteral("maintenance")), 0);
    }

    void nothingMoreIsSentAnywhereAfterAnUnknownOutcome()
    {
        const QStringList ids = mixedIds(1, 1);
        SimulatorFaults faults;
        faults.neverAnswer = true;
        faults.methodFilter = "PUT";
        faults.pathFilter = QStringLiteral("maintenance");
        m_simulator->setFaults(faults);
        const Result result = runAccount(
            { QStringLiteral("maintenance"), QStringLiteral("on"), QStringLiteral("--ids"),
                ids.join(QLatin1Char(',')), QStringLiteral("--yes"), QStringLiteral("--timeout"),
                QStringLiteral("2"), QStringLiteral("--format"), QStringLiteral("json") });
        QCOMPARE(result.exitCode, 3);
        const QHash<QString, QJsonObject> rows = rowsById(result.out);
        QCOMPARE(rows.value(ids.at(0)).value(QStringLiteral("outcome")).toString(),
            QStringLiteral("unknown"));
        QCOMPARE(rows.value(ids.at(1)).value(QStringLiteral("outcome")).toString(),
            QStringLiteral("not_sent"));
        QCOMPARE(m_asia->receivedRequests("PUT", QStringLiteral("maintenance")).size(), 0);
        const QList<QJsonObject> notSent = audited(QStringLiteral("not_sent"));
        QCOMPARE(notSent.size(), 1);
        QCOMPARE(notSent.first().value(QStringLiteral("region")).toString(), kSecondRegion);
    }

    void retireAcrossRegionsTagsEachProjectsDesktops()
    {
        const QStringList ids = mixedIds(1, 1);
        const Result result = runAccount({ QStringLiteral("retire"), QStringLiteral("--ids"),
            ids.join(QLatin1Char(',')), QStringLiteral("--days"), QStringLiteral("7"),
            QStringLiteral("--yes"), QStringLiteral("--format"), QStringLiteral("json") });
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QHash<QString, QJsonObject> rows = rowsById(result.out);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.value(ids.at(0)).value(QStringLiteral("region")).toString(),
            m_simulator->config().region);
        QCOMPARE(rows.value(ids.at(1)).value(QStringLiteral("region")).toString(), kSecondRegion);
        QCOMPARE(rows.value(ids.at(1)).value(QStringLiteral("project_id")).toString(),
            kSecondRegionProjectId);
        QCOMPARE(rows.value(ids.at(1)).value(QStringLiteral("outcome")).toString(),
            QStringLiteral("done"));
        // Each project's steps went to its own endpoint.
        const auto asiaPuts = m_asia->receivedRequests("PUT", QStringLiteral("maintenance"));
        QCOMPARE(asiaPuts.size(), 1);
        QCOMPARE(asiaPuts.first().host, asiaHost());
        QVERIFY(!m_asia->receivedRequests({}, QStringLiteral("batch-tags")).isEmpty());
        for (const QJsonObject& intent : audited(QStringLiteral("intent")))
            QVERIFY(!intent.value(QStringLiteral("region")).toString().isEmpty());
    }

    void formatBelongsToAllRegions()
    {
        const Result result = run({ QStringLiteral("maintenance"), QStringLiteral("on"),
            QStringLiteral("--ids"), QStringLiteral("abc"), QStringLiteral("--dry-run"),
            QStringLiteral("--format"), QStringLiteral("json") });
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QStringLiteral("--all-regions")), qPrintable(result.err));
        QCOMPARE(m_simulator->requestCount("GET", QStringLiteral("desktops")), 0);
    }

    void allRegionsNeedsARegion()
    {
        QProcessEnvironment env = accountEnvironment();
        const Result result = runCli(
            { QStringLiteral("delete"), QStringLiteral("--all-regions"), QStringLiteral("--ids"),
                QStringLiteral("abc"), QStringLiteral("--dry-run"), QStringLiteral("--endpoint"),
                m_simulator->url().toString(), QStringLiteral("--data-dir"), m_dataDir },
            env);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QStringLiteral("--region")), qPrintable(result.err));
    }
};

QTEST_GUILESS_MAIN(TestCliRegionChange)
#include "tst_cliregionchange.moc"
