// The one recorded change run, for every kind of change, against a scripted server: the policy on
// every outcome (done, failed, unknown, a connection dropped after sending, the deadline), nothing
// more sent after the first request that was not done and the exact list of what was not sent,
// one request on the wire per intent, and one record schema for every kind.
#include "api/apiclient.h"
#include "deletion/auditlog.h"
#include "deletion/changerun.h"
#include "deletion/deletionstore.h"
#include "deletion/unknownoutcomes.h"
#include "fakenetworkaccessmanager.h"
#include "testclient.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

Q_DECLARE_METATYPE(ChangeKind)

namespace {
constexpr int kWaitMs = 10000;

// How the scripted server answers the first mutating request (later ones are accepted).
enum class FirstAnswer { Accepted, Refused, Conflict, BadGateway, DroppedAfterSending, NeverAnswered };

struct KindCase
{
    ChangeKind kind;
    QStringList targetIds;
    QByteArray acceptedBody; // what an accepted request answers
    int requests = 0;        // how many requests the targets make
};

QStringList numbered(const QString &prefix, int count)
{
    QStringList ids;
    for (int i = 0; i < count; ++i)
        ids.append(prefix + QString::number(i));
    return ids;
}

// Every kind the app sends, with targets that need more than one request.
QList<KindCase> everyKind()
{
    const QStringList desktops = numbered(QStringLiteral("desk-"), 150);
    return {
        {ChangeKinds::batchDelete({}), desktops, R"({"job_id":"job-1"})", 2},
        {ChangeKinds::maintenance(true), desktops, "{}", 2},
        {ChangeKinds::maintenance(false), desktops, "", 2},
        {ChangeKinds::logoff(QStringLiteral("Please save your work.")), desktops, "{}", 2},
        {ChangeKinds::poolAutoscale(false), numbered(QStringLiteral("pool-"), 3), "{}", 3},
        {ChangeKinds::addTags({{QStringLiteral("workspace-admin-retire-after"), QStringLiteral("2027-01-06")}}), desktops, "", 2},
        {ChangeKinds::removeTags({{QStringLiteral("workspace-admin-retire-after"), QStringLiteral("2027-01-06")}}), desktops, "", 2},
        {ChangeKinds::power(PowerOperation::Stop), desktops, R"({"job_id":"job-1"})", 2},
        {ChangeKinds::power(PowerOperation::Start), desktops, R"({"job_id":"job-1"})", 2},
    };
}

QList<ChangeTarget> targetsOf(const QStringList &ids)
{
    QList<ChangeTarget> targets;
    for (const QString &id : ids)
        targets.append({id, QStringLiteral("name of ") + id});
    return targets;
}

QStringList eventNames(const QList<QJsonObject> &entries)
{
    QStringList names;
    for (const QJsonObject &entry : entries)
        names.append(entry.value(QLatin1String("event")).toString());
    return names;
}

QSet<QString> keysOf(const QJsonObject &object)
{
    const QStringList keys = object.keys();
    return QSet<QString>(keys.cbegin(), keys.cend());
}

FakeResponse firstAnswer(FirstAnswer answer)
{
    switch (answer) {
    case FirstAnswer::Accepted:
        break;
    case FirstAnswer::Refused:
        return FakeResponse::json(400, R"({"error_code":"WKS.0001","error_msg":"invalid request"})", "req-refused");
    case FirstAnswer::Conflict:
        return FakeResponse::json(409, R"({"error_code":"WKS.0409","error_msg":"conflict"})", "req-conflict");
    case FirstAnswer::BadGateway:
        return FakeResponse::json(502, "<html>bad gateway</html>");
    case FirstAnswer::DroppedAfterSending:
        return FakeResponse::failure(QNetworkReply::RemoteHostClosedError, QStringLiteral("closed after sending"));
    case FirstAnswer::NeverAnswered:
        return FakeResponse::hanging();
    }
    return {};
}
} // namespace

class TestChangeRun : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();

    void policyOnEveryOutcome_data();
    void policyOnEveryOutcome();
    void recordSchemaIsTheSameForEveryKind_data();
    void recordSchemaIsTheSameForEveryKind();
    void plannedRequestsAreWhatIsSent_data();
    void plannedRequestsAreWhatIsSent();
    void cancelLetsTheRequestOnTheWireFinish();
    void noIntentNoRequest();
    void refusedTargetMeansNothingIsSent();
    void leftOutTargetsAreNotSentAndSaidSo();
    void destroyedWithARequestOnTheWireRecordsItUnknown();
    void targetsRefusedInAnAcceptedAnswerAreFailed();

private:
    // A server that answers the first mutating request with `first`, the others as accepted.
    void serve(FirstAnswer first, const QByteArray &acceptedBody);
    std::unique_ptr<ChangeRun> makeRun(const ChangeKind &kind, const QStringList &ids);
    bool runToEnd(ChangeRun &run);
    int mutatingRequests() const;
    QList<QJsonObject> entries() const { return AuditLog::readEntries(m_store->audit().filePath()); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakeNetworkAccessManager> m_network;
    std::unique_ptr<ApiClient> m_client;
    DeletionStorePtr m_store;
    DeletionContext m_context;
};

void TestChangeRun::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_store = std::make_shared<DeletionStore>(m_dir->path());
    m_network = std::make_unique<FakeNetworkAccessManager>();
    // Long enough that only the run's deadline ends a request that is never answered.
    m_client = makeTestClient(m_network.get(), 60000);
    m_context = DeletionContext();
    m_context.profileName = QStringLiteral("prod");
    m_context.projectId = QStringLiteral("project-1");
    m_context.endpointHost = QStringLiteral("workspace.test.example");
    m_context.osUser = QStringLiteral("alice");
}

void TestChangeRun::serve(FirstAnswer first, const QByteArray &acceptedBody)
{
    auto mutating = std::make_shared<int>(0);
    m_network->setHandler([first, acceptedBody, mutating](const RecordedRequest &request, int) {
        if (request.method == "GET")
            return FakeResponse::json(404, "{}");
        const int index = (*mutating)++;
        if (index == 0 && first != FirstAnswer::Accepted)
            return firstAnswer(first);
        return FakeResponse::json(200, acceptedBody, "req-" + QByteArray::number(index));
    });
}

std::unique_ptr<ChangeRun> TestChangeRun::makeRun(const ChangeKind &kind, const QStringList &ids)
{
    return std::make_unique<ChangeRun>(m_client.get(), m_store, m_context, kind, targetsOf(ids));
}

bool TestChangeRun::runToEnd(ChangeRun &run)
{
    QSignalSpy finished(&run, &ChangeRun::finished);
    run.start();
    if (!run.isFinished() && !finished.wait(kWaitMs))
        return false;
    QCoreApplication::processEvents(); // nothing more may come
    return finished.size() == 1;
}

int TestChangeRun::mutatingRequests() const
{
    return int(m_network->requestCount() - m_network->countRequests("GET"));
}

void TestChangeRun::policyOnEveryOutcome_data()
{
    QTest::addColumn<ChangeKind>("kind");
    QTest::addColumn<QStringList>("targetIds");
    QTest::addColumn<QByteArray>("acceptedBody");
    QTest::addColumn<int>("requests");
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("deadlineMs");
    QTest::addColumn<int>("expected"); // the first request's outcome
    QTest::addColumn<QString>("outcomeEvent");
    for (const KindCase &kind : everyKind()) {
        const auto row = [&kind](const char *what, FirstAnswer first, int deadlineMs, ChangeRun::Outcome outcome,
                                  const char *event) {
            QTest::addRow("%s %s", qPrintable(kind.kind.name), what)
                << kind.kind << kind.targetIds << kind.acceptedBody << kind.requests << int(first) << deadlineMs
                << int(outcome) << QString::fromLatin1(event);
        };
        row("done", FirstAnswer::Accepted, 0, ChangeRun::Outcome::Done, "done");
        row("failed", FirstAnswer::Refused, 0, ChangeRun::Outcome::Failed, "failed");
        // A 409 may answer a copy of a batch delete re-sent by the transport; for the other kinds it
        // is a refusal like any other.
        row("conflict", FirstAnswer::Conflict, 0,
            kind.kind.conflictMayAnswerACopy ? ChangeRun::Outcome::Unknown : ChangeRun::Outcome::Failed,
            kind.kind.conflictMayAnswerACopy ? "outcome_unknown" : "failed");
        row("unknown", FirstAnswer::BadGateway, 0, ChangeRun::Outcome::Unknown, "outcome_unknown");
        row("dropped after sending", FirstAnswer::DroppedAfterSending, 0, ChangeRun::Outcome::Unknown,
            "outcome_unknown");
        row("deadline", FirstAnswer::NeverAnswered, 50, ChangeRun::Outcome::Unknown, "outcome_unknown");
    }
}

void TestChangeRun::policyOnEveryOutcome()
{
    QFETCH(ChangeKind, kind);
    QFETCH(QStringList, targetIds);
    QFETCH(QByteArray, acceptedBody);
    QFETCH(int, requests);
    QFETCH(int, first);
    QFETCH(int, deadlineMs);
    QFETCH(int, expected);
    QFETCH(QString, outcomeEvent);
    serve(FirstAnswer(first), acceptedBody);
    auto run = makeRun(kind, targetIds);
    run->setDeadlineMs(deadlineMs);
    QSignalSpy notSent(run.get(), &ChangeRun::targetsNotSent);
    QVERIFY(runToEnd(*run));

    const auto outcome = ChangeRun::Outcome(expected);
    const QStringList firstTargets = run->requests().constFirst().targetIds();
    const QList<QJsonObject> log = entries();
    if (outcome == ChangeRun::Outcome::Done) {
        QVERIFY2(run->allDone(), qPrintable(run->summary()));
        QCOMPARE(mutatingRequests(), requests);
        QCOMPARE(run->sentCount(), requests);
        QCOMPARE(eventNames(log).count(QStringLiteral("intent")), requests);
        QCOMPARE(eventNames(log).count(QStringLiteral("done")), requests);
        QVERIFY(notSent.isEmpty());
        if (kind.acceptedJobId)
            QCOMPARE(run->requests().constFirst().jobId, QStringLiteral("job-1"));
        return;
    }
    // One request left, exactly once; nothing after it.
    QCOMPARE(mutatingRequests(), 1);
    QCOMPARE(run->sentCount(), 1);
    QCOMPARE(run->requests().constFirst().outcome, outcome);
    QCOMPARE(run->targetIds(outcome), firstTargets);
    QStringList rest = targetIds;
    for (const QString &id : firstTargets)
        rest.removeOne(id);
    QCOMPARE(run->targetIds(ChangeRun::Outcome::NotSent), rest);
    QCOMPARE(notSent.size(), 1);
    QCOMPARE(notSent.constFirst().constFirst().toStringList(), rest);
    for (const ChangeRun::TargetOutcome &target : run->targetOutcomes()) {
        QVERIFY2(!target.reason.isEmpty(), qPrintable(target.target.id));
        if (rest.contains(target.target.id))
            QCOMPARE(target.outcome, ChangeRun::Outcome::NotSent);
    }
    QVERIFY(run->summary().contains(QStringLiteral("%1 not sent").arg(rest.size())));

    QCOMPARE(eventNames(log), (QStringList{QStringLiteral("intent"), outcomeEvent, QStringLiteral("not_sent")}));
    const QJsonObject answer = log.at(1);
    QCOMPARE(answer.value(QLatin1String("kind")).toString(), kind.name);
    QCOMPARE(answer.value(QLatin1String("chunk")).toInt(), 0);
    if (FirstAnswer(first) == FirstAnswer::Refused || FirstAnswer(first) == FirstAnswer::Conflict) {
        // The service's words, whatever the outcome was judged to be.
        QVERIFY(answer.value(QLatin1String("http_status")).toInt() >= 400);
        QVERIFY(!answer.value(QLatin1String("error_code")).toString().isEmpty());
        QVERIFY(!answer.value(QLatin1String("error_msg")).toString().isEmpty());
        QVERIFY(!answer.value(QLatin1String("request_id")).toString().isEmpty());
        QCOMPARE(run->firstError().requestId, answer.value(QLatin1String("request_id")).toString());
    }
    if (outcomeEvent == QLatin1String("outcome_unknown")) {
        QCOMPARE(AuditRecord::outcomeTargetIds(answer), firstTargets);
        if (FirstAnswer(first) == FirstAnswer::NeverAnswered)
            QCOMPARE(answer.value(QLatin1String("ambiguity")).toString(), QStringLiteral("deadline"));
        QVERIFY(run->hasExpired() == (FirstAnswer(first) == FirstAnswer::NeverAnswered));
    }
    const QJsonObject left = log.at(2);
    QCOMPARE(left.value(QLatin1String("kind")).toString(), kind.name);
    QCOMPARE(AuditRecord::outcomeTargetIds(left), rest);
    QVERIFY(!left.value(QLatin1String("reason")).toString().isEmpty());
}

void TestChangeRun::recordSchemaIsTheSameForEveryKind_data()
{
    QTest::addColumn<ChangeKind>("kind");
    QTest::addColumn<QStringList>("targetIds");
    QTest::addColumn<QByteArray>("acceptedBody");
    QTest::addColumn<QString>("targetType");
    for (const KindCase &kind : everyKind())
        QTest::addRow("%s", qPrintable(kind.kind.name))
            << kind.kind << kind.targetIds.mid(0, 2) << kind.acceptedBody << kind.kind.targetType;
}

// Every kind writes the same lines with the same fields: the kind is a field, never an event name.
void TestChangeRun::recordSchemaIsTheSameForEveryKind()
{
    QFETCH(ChangeKind, kind);
    QFETCH(QStringList, targetIds);
    QFETCH(QByteArray, acceptedBody);
    QFETCH(QString, targetType);
    serve(FirstAnswer::Refused, acceptedBody);
    {
        // The first request is refused, the rest not sent: intent, failed, not_sent.
        auto run = makeRun(kind, targetIds);
        run->setDeadlineMs(0);
        QVERIFY(runToEnd(*run));
    }
    serve(FirstAnswer::Accepted, acceptedBody);
    {
        auto run = makeRun(kind, targetIds.mid(0, 1));
        QVERIFY(runToEnd(*run));
    }
    const QList<QJsonObject> log = entries();
    const QSet<QString> common{QStringLiteral("time"), QStringLiteral("event"), QStringLiteral("schema"),
                               QStringLiteral("kind"), QStringLiteral("run_id")};
    const QHash<QString, QSet<QString>> fields{
        {QStringLiteral("intent"),
         common
             + QSet<QString>{QStringLiteral("chunk"), QStringLiteral("os_user"), QStringLiteral("profile"),
                             QStringLiteral("project_id"), QStringLiteral("endpoint_host"), QStringLiteral("region"),
                             QStringLiteral("target_type"), QStringLiteral("targets"), QStringLiteral("parameters"),
                             QStringLiteral("process_id"), QStringLiteral("host")}},
        {QStringLiteral("failed"),
         common
             + QSet<QString>{QStringLiteral("chunk"), QStringLiteral("http_status"), QStringLiteral("error_code"),
                             QStringLiteral("error_msg"), QStringLiteral("error_detail"),
                             QStringLiteral("encoded_authorization_message"), QStringLiteral("request_id"),
                             QStringLiteral("transport_message"), QStringLiteral("summary")}},
        {QStringLiteral("not_sent"),
         common + QSet<QString>{QStringLiteral("project_id"), QStringLiteral("target_ids"), QStringLiteral("reason")}},
        {QStringLiteral("done"), common + QSet<QString>{QStringLiteral("chunk"), QStringLiteral("request_id")}},
    };
    const QStringList expected{QStringLiteral("intent"), QStringLiteral("failed"), QStringLiteral("not_sent"),
                               QStringLiteral("intent"), QStringLiteral("done")};
    if (kind.maxTargetsPerRequest >= 2) {
        // Both targets were in the refused request: nothing was left to be not sent.
        QCOMPARE(eventNames(log), (QStringList{QStringLiteral("intent"), QStringLiteral("failed"),
                                               QStringLiteral("intent"), QStringLiteral("done")}));
    } else {
        QCOMPARE(eventNames(log), expected);
    }
    for (const QJsonObject &entry : log) {
        const QString event = entry.value(QLatin1String("event")).toString();
        QSet<QString> allowed = fields.value(event);
        // A kind whose accepted answer names a job records it with its outcome.
        if (event == QLatin1String("done") && kind.acceptedJobId)
            allowed.insert(QStringLiteral("job_id"));
        QCOMPARE(keysOf(entry), allowed);
        QCOMPARE(entry.value(QLatin1String("kind")).toString(), kind.name);
        QCOMPARE(entry.value(QLatin1String("schema")).toInt(), AuditLog::kSchemaVersion);
    }
    const QJsonObject intent = log.constFirst();
    QCOMPARE(intent.value(QLatin1String("target_type")).toString(), targetType);
    QCOMPARE(intent.value(QLatin1String("parameters")).toObject(), kind.parameters);
    QCOMPARE(intent.value(QLatin1String("os_user")).toString(), QStringLiteral("alice"));
    const QJsonObject first = intent.value(QLatin1String("targets")).toArray().first().toObject();
    QCOMPARE(keysOf(first), (QSet<QString>{QStringLiteral("id"), QStringLiteral("name")}));
    QCOMPARE(first.value(QLatin1String("name")).toString(), QStringLiteral("name of ") + targetIds.first());
}

void TestChangeRun::plannedRequestsAreWhatIsSent_data()
{
    QTest::addColumn<ChangeKind>("kind");
    QTest::addColumn<QStringList>("targetIds");
    QTest::addColumn<QByteArray>("acceptedBody");
    for (const KindCase &kind : everyKind())
        QTest::addRow("%s", qPrintable(kind.kind.name)) << kind.kind << kind.targetIds << kind.acceptedBody;
}

void TestChangeRun::plannedRequestsAreWhatIsSent()
{
    QFETCH(ChangeKind, kind);
    QFETCH(QStringList, targetIds);
    QFETCH(QByteArray, acceptedBody);
    serve(FirstAnswer::Accepted, acceptedBody);
    auto run = makeRun(kind, targetIds);
    const QList<PlannedRequest> planned = run->plannedRequests();
    QVERIFY(runToEnd(*run));
    QCOMPARE(run->sentCount(), planned.size());
    int index = 0;
    for (const RecordedRequest &request : m_network->requests()) {
        if (request.method == "GET")
            continue;
        QVERIFY(index < planned.size());
        QCOMPARE(request.method, planned.at(index).method);
        QCOMPARE(request.url.path(QUrl::FullyEncoded),
                 m_client->urlFor(planned.at(index).path).path(QUrl::FullyEncoded));
        QCOMPARE(request.body, planned.at(index).body);
        QVERIFY(request.body.size() > 0);
        ++index;
    }
    QCOMPARE(index, planned.size());
}

void TestChangeRun::cancelLetsTheRequestOnTheWireFinish()
{
    serve(FirstAnswer::Accepted, "{}");
    auto run = makeRun(ChangeKinds::maintenance(false), numbered(QStringLiteral("desk-"), 250));
    connect(run.get(), &ChangeRun::requestSent, run.get(), &ChangeRun::cancel);
    QVERIFY(runToEnd(*run));
    QVERIFY(run->isCancelled());
    QCOMPARE(mutatingRequests(), 1);
    QCOMPARE(run->targetIds(ChangeRun::Outcome::Done).size(), 100); // its answer was still read
    QCOMPARE(run->targetIds(ChangeRun::Outcome::NotSent).size(), 150);
    // What will not be sent is said at once; the answer on the wire follows.
    QCOMPARE(eventNames(entries()),
             (QStringList{QStringLiteral("intent"), QStringLiteral("not_sent"), QStringLiteral("done")}));
}

void TestChangeRun::noIntentNoRequest()
{
    serve(FirstAnswer::Accepted, "{}");
    // The audit log's place is taken by a folder: no line can be written.
    QVERIFY(QDir().mkpath(m_store->audit().filePath()));
    auto run = makeRun(ChangeKinds::logoff(QStringLiteral("Bye.")), numbered(QStringLiteral("desk-"), 150));
    QVERIFY(runToEnd(*run));
    QCOMPARE(m_network->requestCount(), 0);
    QCOMPARE(run->targetIds(ChangeRun::Outcome::NotSent).size(), 150);
    QCOMPARE(run->firstError().kind, ApiError::Kind::Configuration);
    for (const ChangeRun::TargetOutcome &target : run->targetOutcomes())
        QVERIFY(target.reason.contains(QStringLiteral("audit log")));
}

void TestChangeRun::refusedTargetMeansNothingIsSent()
{
    serve(FirstAnswer::Accepted, "{}");
    // A pool id that would lead the path elsewhere: refused while planning, and with it the run.
    const QStringList pools{QStringLiteral("pool-a"), QStringLiteral("a/../../b%3Fx=1%23f"), QStringLiteral("pool-c")};
    auto run = makeRun(ChangeKinds::poolAutoscale(false), pools);
    QVERIFY(runToEnd(*run));
    QCOMPARE(m_network->requestCount(), 0);
    QCOMPARE(run->targetIds(ChangeRun::Outcome::NotSent), pools);
    const QList<ChangeRun::TargetOutcome> outcomes = run->targetOutcomes();
    QVERIFY(outcomes.at(1).reason.contains(QStringLiteral("pool id")));
    QVERIFY(outcomes.at(0).reason != outcomes.at(1).reason);
    QVERIFY(!eventNames(entries()).contains(QStringLiteral("intent")));
    QCOMPARE(eventNames(entries()).count(QStringLiteral("not_sent")), 2);
}

void TestChangeRun::leftOutTargetsAreNotSentAndSaidSo()
{
    serve(FirstAnswer::Accepted, R"({"job_id":"job-1"})");
    const QStringList ids = numbered(QStringLiteral("desk-"), 101);
    auto run = makeRun(ChangeKinds::batchDelete({}), ids);
    run->leaveOut({ids.at(0)}, QStringLiteral("in flight"));
    QCOMPARE(run->plannedRequests().size(), 1); // the rest fills one request
    QVERIFY(runToEnd(*run));
    QCOMPARE(mutatingRequests(), 1);
    QCOMPARE(run->targetIds(ChangeRun::Outcome::NotSent), QStringList{ids.at(0)});
    QCOMPARE(run->targetOutcomes().constFirst().reason, QStringLiteral("in flight"));
    QCOMPARE(eventNames(entries()),
             (QStringList{QStringLiteral("not_sent"), QStringLiteral("intent"), QStringLiteral("done")}));
}

void TestChangeRun::destroyedWithARequestOnTheWireRecordsItUnknown()
{
    serve(FirstAnswer::NeverAnswered, "{}");
    {
        auto run = makeRun(ChangeKinds::maintenance(true), numbered(QStringLiteral("desk-"), 2));
        QSignalSpy sent(run.get(), &ChangeRun::requestSent);
        run->start();
        QVERIFY(sent.wait(kWaitMs));
        QCOMPARE(mutatingRequests(), 1);
    }
    const QList<QJsonObject> log = entries();
    QCOMPARE(eventNames(log), (QStringList{QStringLiteral("intent"), QStringLiteral("outcome_unknown")}));
    QCOMPARE(log.at(1).value(QLatin1String("ambiguity")).toString(), QStringLiteral("app_ended"));
    // The store outlives the run that wrote to it, whatever order their owners end in.
    m_store.reset();
    // The call left to finish on its own ends with its reply, and is then deleted.
    QPointer<FakeNetworkReply> reply = m_network->replies().constLast();
    QVERIFY(reply);
    reply->abort();
    QTRY_VERIFY(!reply);
}

void TestChangeRun::targetsRefusedInAnAcceptedAnswerAreFailed()
{
    // The answer is untrusted: a desktop named twice counts once, one not asked for not at all.
    m_network->setHandler([](const RecordedRequest &, int) {
        return FakeResponse::json(200, R"({"failed_operation_list":[
            {"desktop_id":"desk-1","desktop_name":"pc-1","error_code":"WKS.00010032","error_msg":"being deleted"},
            {"desktop_id":"desk-1","desktop_name":"pc-1","error_code":"WKS.00010032","error_msg":"being deleted"},
            {"desktop_id":"elsewhere","desktop_name":"x","error_code":"E","error_msg":"m"}]})",
                                  "req-power");
    });
    auto run = makeRun(ChangeKinds::power(PowerOperation::Stop), numbered(QStringLiteral("desk-"), 3));
    QVERIFY(runToEnd(*run));
    QCOMPARE(run->requests().constFirst().outcome, ChangeRun::Outcome::Done);
    QCOMPARE(run->targetIds(ChangeRun::Outcome::Done), (QStringList{QStringLiteral("desk-0"), QStringLiteral("desk-2")}));
    QCOMPARE(run->targetIds(ChangeRun::Outcome::Failed), QStringList{QStringLiteral("desk-1")});
    QVERIFY(!run->allDone());
    const ChangeRun::TargetOutcome refused = run->targetOutcomes().at(1);
    QCOMPARE(refused.error.errorCode, QStringLiteral("WKS.00010032"));
    QVERIFY(refused.reason.contains(QLatin1String("being deleted")));
    const QJsonObject done = entries().last();
    QCOMPARE(done.value(QLatin1String("event")).toString(), QStringLiteral("done"));
    const QJsonArray failed = done.value(QLatin1String("failed_targets")).toArray();
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().toObject().value(QLatin1String("id")).toString(), QStringLiteral("desk-1"));
    QCOMPARE(failed.first().toObject().value(QLatin1String("error_code")).toString(), QStringLiteral("WKS.00010032"));
}

QTEST_GUILESS_MAIN(TestChangeRun)
#include "tst_changerun.moc"
