// A change across the projects of one account (MultiProjectChange) against the simulator serving
// two regions behind one loopback server, each reached under a host name of its own: every request
// goes to its own project and endpoint, the review groups the desktops by project, ids are placed
// (or left out as ambiguous or not found), one project's failure stops the others, and the record
// names each request's region and project.
#include "api/apiclient.h"
#include "deletion/auditlog.h"
#include "deletion/deletionstore.h"
#include "review/changereviewtext.h"
#include "review/multiprojectchange.h"
#include "simulatortestsupport.h"
#include "workspacesimulator.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

namespace {
const QString kAccessKey = QStringLiteral("MULTIPROJECTAK00001");
const QString kSecretKey = QStringLiteral("multi-project-secret");
constexpr int kWaitMs = 30000;
} // namespace

class TestMultiProjectChange : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void deletionAcrossTwoRegionsGoesToEachProjectAndEndpoint();
    void idsAreGroupedByProjectAndUnknownOnesLeftOut();
    void anIdFoundInTwoProjectsIsAmbiguous();
    void aProjectThatIsNotDoneStopsTheOthers();
    void aFailedLookUpAllowsNothing();
    void theDeadlineLeavesTheRestUnsent();
    void usersChosenLaterAreLookedUpInTheirOwnProject();

private:
    AccountAccess access() const;
    std::unique_ptr<MultiProjectChange> change(ReviewedChange kind,
        const QList<ProjectDesktopId>& desktops, QList<WorkspaceProject> projects = {});
    bool prepare(MultiProjectChange& change);
    bool runToEnd(MultiProjectChange& change);
    QList<QJsonObject> auditEntries(const QString& event) const;
    // A changeable desktop of the project that has a user.
    std::optional<Desktop> desktopWithUser(const WorkspaceSimulator& project);

    QTemporaryDir m_dir;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<WorkspaceSimulator> m_simulator;
    WorkspaceSimulator* m_asia = nullptr;
    DeletionStorePtr m_store;
};

void TestMultiProjectChange::init()
{
    m_asia = startTwoRegions(m_simulator, kAccessKey, kSecretKey, 12, 9);
    QVERIFY(m_asia);
    m_network = std::make_unique<QNetworkAccessManager>();
    QVERIFY(m_dir.isValid());
    QFile::remove(AuditLog::defaultFilePath(m_dir.path()));
    QFile::remove(JobJournal::defaultFilePath(m_dir.path()));
    m_store = std::make_shared<DeletionStore>(m_dir.path());
}

void TestMultiProjectChange::cleanup()
{
    m_store.reset();
    m_asia = nullptr;
    m_simulator.reset();
    m_network.reset();
}

AccountAccess TestMultiProjectChange::access() const
{
    AccountAccess access = simulatorAccountAccess(*m_simulator, m_network.get());
    access.transport.transferTimeoutMs = 2000;
    access.transport.retry.maxAttempts = 1;
    return access;
}

std::unique_ptr<MultiProjectChange> TestMultiProjectChange::change(
    ReviewedChange kind, const QList<ProjectDesktopId>& desktops, QList<WorkspaceProject> projects)
{
    MultiProjectChange::Request request;
    request.kind = kind;
    request.desktops = desktops;
    request.choices.logoffMessage = QStringLiteral("Closing down.");
    DeletionContext context;
    context.profileName = QStringLiteral("test");
    return std::make_unique<MultiProjectChange>(access(),
        projects.isEmpty() ? twoRegionProjects(*m_simulator) : projects, m_store, context, request);
}

bool TestMultiProjectChange::prepare(MultiProjectChange& change)
{
    QSignalSpy prepared(&change, &MultiProjectChange::prepared);
    change.prepare();
    return prepared.wait(kWaitMs) && change.isPrepared();
}

bool TestMultiProjectChange::runToEnd(MultiProjectChange& change)
{
    QSignalSpy finished(&change, &MultiProjectChange::finished);
    connect(&change, &MultiProjectChange::deletionRunReady, this, [](int, DeletionRun* run) {
        JobTracker::Timing timing;
        timing.initialIntervalMs = 20;
        timing.maxIntervalMs = 50;
        run->setTrackerTiming(timing);
        run->setChunkGapMs(0);
    });
    change.run();
    return finished.wait(kWaitMs) && change.isFinished();
}

QList<QJsonObject> TestMultiProjectChange::auditEntries(const QString& event) const
{
    QList<QJsonObject> found;
    const QList<QJsonObject> entries
        = AuditLog::readEntries(AuditLog::defaultFilePath(m_dir.path()));
    for (const QJsonObject& entry : entries) {
        if (entry.value(QLatin1String("event")).toString() == event)
            found.append(entry);
    }
    return found;
}

void TestMultiProjectChange::deletionAcrossTwoRegionsGoesToEachProjectAndEndpoint()
{
    const QStringList north
        = changeableDesktopIds(*m_simulator, *m_simulator, m_network.get(), 2, kWaitMs);
    const QStringList asia
        = changeableDesktopIds(*m_simulator, *m_asia, m_network.get(), 3, kWaitMs);
    QCOMPARE(north.size(), 2);
    QCOMPARE(asia.size(), 3);
    const int northBefore = m_simulator->desktopCount();
    const int asiaBefore = m_asia->desktopCount();
    QList<ProjectDesktopId> desktops;
    for (const QString& id : asia + north)
        desktops.append({ QString(), id });
    const qsizetype asiaSeenBefore = m_asia->receivedRequests().size();
    auto deletion = change(ReviewedChange::Delete, desktops);
    QVERIFY(prepare(*deletion));
    QVERIFY2(deletion->canRun(), qPrintable(deletion->lookUpFailures().join(QLatin1Char('\n'))));
    // A choice made in the confirmation goes to every project's review.
    ChangeReview::Choices choices = deletion->request().choices;
    choices.options.emailNotification = false;
    deletion->setChoices(choices);
    for (const auto& part : deletion->parts())
        QVERIFY(
            part->review.plannedRequests().last().body.contains("\"email_notification\":false"));
    QCOMPARE(deletion->targetCount(), 5);
    QCOMPARE(ChangeReviewText::projectsText(deletion->shares()),
        QStringLiteral("2 desktop(s) in cn-north-4, 3 in ap-southeast-3")); // no catalogue loaded
    QVERIFY(runToEnd(*deletion));

    // One batch-delete each, in its own project's path, signed for and sent to its own host.
    const QString northHost = QStringLiteral("127.0.0.1:%1").arg(m_simulator->port());
    const QString asiaHost = QStringLiteral("localhost:%1").arg(m_simulator->port());
    const auto northPosts = m_simulator->receivedRequests(
        "POST", m_simulator->config().projectId + QStringLiteral("/desktops/batch-delete"));
    const auto asiaPosts = m_asia->receivedRequests("POST", QStringLiteral("batch-delete"));
    QCOMPARE(northPosts.size(), 1);
    QCOMPARE(asiaPosts.size(), 1);
    QCOMPARE(northPosts.first().host, northHost);
    QCOMPARE(asiaPosts.first().host, asiaHost);
    QVERIFY(asiaPosts.first().path.contains(kSecondRegionProjectId));
    // Nothing of the change in one project went to the other's host: the look-ups, the pools,
    // the request and the job's polls alike.
    const QList<WorkspaceSimulator::ReceivedRequest> asiaSeen
        = m_asia->receivedRequests().mid(asiaSeenBefore);
    QVERIFY(asiaSeen.size() >= 3);
    for (const auto& request : asiaSeen)
        QCOMPARE(request.host, asiaHost);
    QTRY_COMPARE_WITH_TIMEOUT(m_simulator->desktopCount(), northBefore - 2, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_asia->desktopCount(), asiaBefore - 3, kWaitMs);

    // The record names both: an intent each, with its region, project and endpoint.
    const QList<QJsonObject> intents = auditEntries(QStringLiteral("intent"));
    QCOMPARE(intents.size(), 2);
    QCOMPARE(intents.at(0).value(QLatin1String("region")).toString(), m_simulator->config().region);
    QCOMPARE(intents.at(0).value(QLatin1String("project_id")).toString(),
        m_simulator->config().projectId);
    QCOMPARE(intents.at(0).value(QLatin1String("endpoint_host")).toString(), northHost);
    QCOMPARE(intents.at(1).value(QLatin1String("region")).toString(), kSecondRegion);
    QCOMPARE(intents.at(1).value(QLatin1String("project_id")).toString(), kSecondRegionProjectId);
    QCOMPARE(intents.at(1).value(QLatin1String("endpoint_host")).toString(), asiaHost);
    QCOMPARE(auditEntries(QStringLiteral("done")).size(), 2);
    QCOMPARE(auditEntries(QStringLiteral("job_finished")).size(), 2);
}

void TestMultiProjectChange::idsAreGroupedByProjectAndUnknownOnesLeftOut()
{
    const QStringList north
        = changeableDesktopIds(*m_simulator, *m_simulator, m_network.get(), 1, kWaitMs);
    const QStringList asia
        = changeableDesktopIds(*m_simulator, *m_asia, m_network.get(), 2, kWaitMs);
    const QString unknown = QStringLiteral("00000000-0000-0000-0000-00000000dead");
    // A row that names its project is not looked up elsewhere; a typed id is.
    QList<ProjectDesktopId> desktops { { kSecondRegionProjectId, asia.at(0) },
        { QString(), unknown }, { QString(), north.at(0) }, { QString(), asia.at(1) },
        { QStringLiteral("not-a-project"), north.at(0) } };
    auto maintenance = change(ReviewedChange::StartMaintenance, desktops);
    QVERIFY(prepare(*maintenance));
    QCOMPARE(int(maintenance->parts().size()), 2);
    QCOMPARE(maintenance->parts().at(0)->project.id, m_simulator->config().projectId);
    QCOMPARE(maintenance->parts().at(0)->review.targetIds(), north);
    QCOMPARE(maintenance->parts().at(1)->review.targetIds(), asia);
    QCOMPARE(maintenance->unplaced().size(), 2);
    QCOMPARE(maintenance->unplaced().at(0).desktopId, unknown);
    QCOMPARE(maintenance->unplaced().at(0).why, MultiProjectChange::Unplaced::Why::NotFound);
    QCOMPARE(maintenance->unplaced().at(1).why, MultiProjectChange::Unplaced::Why::UnknownProject);
    QVERIFY(maintenance->leavesWorkUndone());
    QCOMPARE(maintenance->requestCount(), 2);
    QCOMPARE(maintenance->changeRequestCount(), 2);
    // As one review: every project's desktops and those left out, its counts the parts'.
    const ChangeReview combined = maintenance->combinedReview();
    QCOMPARE(combined.targetIds(), north + asia);
    QCOMPARE(combined.selectedCount(), 4);
    QCOMPARE(combined.leftOut().size(), 1);
    QCOMPARE(combined.leftOut().first().desktopId, unknown);
    // The preview names each project and its own URLs.
    const QString preview = maintenance->previewText();
    QVERIFY2(preview.contains(QStringLiteral("ap-southeast-3 (project ") + kSecondRegionProjectId)
            && preview.contains(QStringLiteral("localhost:%1/v2/%2/")
                                    .arg(m_simulator->port())
                                    .arg(kSecondRegionProjectId)),
        qPrintable(preview));
    // The asia desktop of the row was looked up in its project only: one look-up for the typed
    // ids in each project, one review each.
    QVERIFY(maintenance->canRun());
    QVERIFY(runToEnd(*maintenance));
    QVERIFY(maintenance->parts().at(0)->changeRun->allDone());
    QVERIFY(maintenance->parts().at(1)->changeRun->allDone());
    QCOMPARE(m_asia->receivedRequests("PUT", QStringLiteral("maintenance")).size(), 1);
}

void TestMultiProjectChange::anIdFoundInTwoProjectsIsAmbiguous()
{
    // A project generated from the same seed holds the same desktop ids.
    SimulatorConfig twin = simulatorConfig(kAccessKey, kSecretKey, 12, 50);
    twin.projectId = QStringLiteral("6f708192a3b4c5d6e7f8091a2b3c4d5e");
    twin.region = QStringLiteral("cn-north-4_twin");
    m_simulator->addProject(twin);
    QList<WorkspaceProject> both = twoRegionProjects(*m_simulator).mid(0, 1);
    both.append({ QStringLiteral("cn-north-4"), twin.region, twin.projectId, m_simulator->url() });
    const QStringList ids
        = changeableDesktopIds(*m_simulator, *m_simulator, m_network.get(), 1, kWaitMs);
    auto logoff = change(ReviewedChange::LogOff, { { QString(), ids.first() } }, both);
    QVERIFY(prepare(*logoff));
    QCOMPARE(logoff->unplaced().size(), 1);
    QCOMPARE(logoff->unplaced().first().why, MultiProjectChange::Unplaced::Why::Ambiguous);
    QCOMPARE(logoff->unplaced().first().projects,
        (QStringList { QStringLiteral("cn-north-4"), twin.region }));
    QCOMPARE(logoff->targetCount(), 0);

    // Named with its project, it is not.
    auto named = change(ReviewedChange::LogOff, { { twin.projectId, ids.first() } }, both);
    QVERIFY(prepare(*named));
    QVERIFY(named->unplaced().isEmpty());
    QCOMPARE(named->targetCount(), 1);
    QCOMPARE(named->parts().at(0)->project.id, twin.projectId);
}

void TestMultiProjectChange::aProjectThatIsNotDoneStopsTheOthers()
{
    const QStringList north
        = changeableDesktopIds(*m_simulator, *m_simulator, m_network.get(), 2, kWaitMs);
    const QStringList asia
        = changeableDesktopIds(*m_simulator, *m_asia, m_network.get(), 2, kWaitMs);
    SimulatorFaults faults;
    faults.neverAnswer = true;
    faults.methodFilter = "PUT";
    faults.pathFilter = QStringLiteral("maintenance");
    m_simulator->setFaults(faults);
    QList<ProjectDesktopId> desktops;
    for (const QString& id : north + asia)
        desktops.append({ QString(), id });
    auto maintenance = change(ReviewedChange::StartMaintenance, desktops);
    QVERIFY(prepare(*maintenance));
    QVERIFY(maintenance->canRun());
    QVERIFY(runToEnd(*maintenance));

    // The first project's answer is lost: unknown, and nothing is sent to the other.
    const ChangeRun* first = maintenance->parts().at(0)->changeRun;
    QVERIFY(first);
    QCOMPARE(first->targetIds(ChangeRun::Outcome::Unknown).size(), 2);
    QVERIFY(!maintenance->parts().at(1)->changeRun);
    QVERIFY(!maintenance->parts().at(1)->notSentReason.isEmpty());
    QVERIFY(maintenance->stopReason().contains(QStringLiteral("cn-north-4")));
    QCOMPARE(m_asia->receivedRequests("PUT", QStringLiteral("maintenance")).size(), 0);
    const QList<QJsonObject> notSent = auditEntries(QStringLiteral("not_sent"));
    QCOMPARE(notSent.size(), 1);
    QCOMPARE(notSent.first().value(QLatin1String("project_id")).toString(), kSecondRegionProjectId);
    QCOMPARE(notSent.first().value(QLatin1String("region")).toString(), kSecondRegion);
    QCOMPARE(
        notSent.first().value(QLatin1String("kind")).toString(), QStringLiteral("maintenance_on"));
    QCOMPARE(notSent.first().value(QLatin1String("target_ids")).toArray().size(), 2);
}

void TestMultiProjectChange::aFailedLookUpAllowsNothing()
{
    const QStringList north
        = changeableDesktopIds(*m_simulator, *m_simulator, m_network.get(), 1, kWaitMs);
    QList<WorkspaceProject> withDeadOne = twoRegionProjects(*m_simulator);
    // Nothing listens there.
    withDeadOne[1].endpoint = QUrl(QStringLiteral("http://127.0.0.1:1"));
    auto logoff = change(ReviewedChange::LogOff, { { QString(), north.first() } }, withDeadOne);
    QVERIFY(prepare(*logoff));
    QVERIFY(!logoff->canRun());
    QCOMPARE(logoff->lookUpFailures().size(), 1);
    QVERIFY(logoff->lookUpFailures().first().contains(kSecondRegion));
    QSignalSpy finished(logoff.get(), &MultiProjectChange::finished);
    logoff->run();
    QVERIFY(!logoff->isRunning());
    QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("logoff")), 0);
}

void TestMultiProjectChange::theDeadlineLeavesTheRestUnsent()
{
    const QStringList north
        = changeableDesktopIds(*m_simulator, *m_simulator, m_network.get(), 1, kWaitMs);
    const QStringList asia
        = changeableDesktopIds(*m_simulator, *m_asia, m_network.get(), 1, kWaitMs);
    auto logoff = change(
        ReviewedChange::LogOff, { { QString(), north.first() }, { QString(), asia.first() } });
    QVERIFY(prepare(*logoff));
    SimulatorFaults faults;
    faults.neverAnswer = true;
    faults.pathFilter = QStringLiteral("logoff");
    m_simulator->setFaults(faults);
    logoff->setDeadlineMs(300);
    QVERIFY(runToEnd(*logoff));
    const ChangeRun* first = logoff->parts().at(0)->changeRun;
    QVERIFY(first && first->hasExpired());
    QVERIFY(!logoff->parts().at(1)->changeRun);
    QCOMPARE(m_asia->receivedRequests("POST", QStringLiteral("logoff")).size(), 0);
}

std::optional<Desktop> TestMultiProjectChange::desktopWithUser(const WorkspaceSimulator& project)
{
    ClientConfig config = clientConfigFor(*m_simulator);
    config.projectId = project.config().projectId;
    ApiClient client(m_network.get(), config, Credentials { kAccessKey, kSecretKey, {} });
    for (const Desktop& desktop : listAllDesktops(&client, kWaitMs)) {
        if (!desktop.userName.isEmpty() && desktop.taskStatus.isEmpty()
            && desktop.billingMode != BillingMode::YearlyMonthly && !desktop.inMaintenanceMode
            && !desktop.isConnected())
            return desktop;
    }
    return std::nullopt;
}

void TestMultiProjectChange::usersChosenLaterAreLookedUpInTheirOwnProject()
{
    const std::optional<Desktop> north = desktopWithUser(*m_simulator);
    const std::optional<Desktop> asia = desktopWithUser(*m_asia);
    QVERIFY(north && asia);
    auto deletion = change(ReviewedChange::Delete,
        { { m_simulator->config().projectId, north->id }, { kSecondRegionProjectId, asia->id } });
    QVERIFY(prepare(*deletion));
    // Not chosen: nothing is looked up, nothing said of users.
    QSignalSpy changed(deletion.get(), &MultiProjectChange::usersDesktopsChanged);
    deletion->lookUpUsersDesktops();
    QCOMPARE(changed.size(), 0);
    QVERIFY(deletion->usersLines(ChangeReviewText::kAllNames).isEmpty());

    ChangeReview::Choices choices = deletion->request().choices;
    choices.options.deleteUsers = true;
    deletion->setChoices(choices);
    const int northListings = m_simulator->requestCount(
        "GET", m_simulator->config().projectId + QStringLiteral("/desktops/detail"));
    const int asiaListings = m_asia->requestCount("GET", QStringLiteral("desktops/detail"));
    deletion->lookUpUsersDesktops();
    QCOMPARE(changed.size(), 1);
    for (const auto& part : deletion->parts())
        QCOMPARE(part->review.facts().usersListing, ChangeReview::UsersListing::InProgress);
    QVERIFY(deletion->usersLines(ChangeReviewText::kAllNames)
                .join(QLatin1Char('\n'))
                .contains(QStringLiteral("Looking up")));
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 3, kWaitMs);
    for (const auto& part : deletion->parts())
        QCOMPARE(part->review.facts().usersListing, ChangeReview::UsersListing::Complete);
    // Each project was asked for its own users, and each project's lines name it.
    QCOMPARE(m_simulator->requestCount(
                 "GET", m_simulator->config().projectId + QStringLiteral("/desktops/detail")),
        northListings + 1);
    QCOMPARE(m_asia->requestCount("GET", QStringLiteral("desktops/detail")), asiaListings + 1);
    const QString lines = deletion->usersLines(ChangeReviewText::kAllNames).join(QLatin1Char('\n'));
    const auto lineOf = [](const QString& label, const QString& user) {
        return QRegularExpression(QStringLiteral("^%1: Users .*%2")
                                      .arg(label, QRegularExpression::escape(user)),
            QRegularExpression::MultilineOption);
    };
    QVERIFY2(lines.contains(lineOf(QStringLiteral("cn-north-4"), north->userName)),
        qPrintable(lines));
    QVERIFY2(lines.contains(lineOf(kSecondRegion, asia->userName)), qPrintable(lines));
    // The combined review names each user with the region.
    const QStringList combined = ChangeReviewText::usersLines(deletion->combinedReview());
    QVERIFY2(combined.join(QLatin1Char('\n'))
                 .contains(QStringLiteral("%1 (ap-southeast-3)").arg(asia->userName)),
        qPrintable(combined.join(QLatin1Char('\n'))));

    // Known: asked again, nothing is looked up again.
    deletion->lookUpUsersDesktops();
    QCOMPARE(changed.size(), 3);
    QCOMPARE(m_asia->requestCount("GET", QStringLiteral("desktops/detail")), asiaListings + 1);
    QVERIFY(runToEnd(*deletion));
    for (const auto& part : deletion->parts())
        QVERIFY(part->deletionRun && part->deletionRun->plan().options().deleteUsers);
}

QTEST_GUILESS_MAIN(TestMultiProjectChange)
#include "tst_multiprojectchange.moc"
