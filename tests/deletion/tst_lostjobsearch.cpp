#include "deletion/lostjobsearch.h"
#include "fakenetworkaccessmanager.h"
#include "testclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <functional>

namespace {
QJsonObject subJob(const QString &id, const QString &jobId, const QString &desktopId,
                   const QString &beginTime = {})
{
    QJsonObject object{{QLatin1String("id"), id},
                       {QLatin1String("job_id"), jobId},
                       {QLatin1String("job_type"), QLatin1String("deleteDesktops")},
                       {QLatin1String("entities"), QJsonObject{{QLatin1String("desktop_id"), desktopId}}}};
    if (!beginTime.isEmpty())
        object.insert(QLatin1String("begin_time"), beginTime);
    return object;
}

QByteArray page(const QJsonArray &jobs, qint64 total)
{
    return QJsonDocument(QJsonObject{{QLatin1String("total_count"), total}, {QLatin1String("jobs"), jobs}})
        .toJson(QJsonDocument::Compact);
}

// Answers the deletion sub-job listing per status and offset.
FakeNetworkAccessManager::RequestHandler listing(std::function<QByteArray(const QString &status, int offset)> answer)
{
    return [answer = std::move(answer)](const RecordedRequest &request) {
        const QUrlQuery query(request.url);
        if (query.queryItemValue(QStringLiteral("job_type")) != QLatin1String("deleteDesktops")
            || query.hasQueryItem(QStringLiteral("job_id")))
            return FakeResponse::json(400, R"({"error_code":"WKS.0001","error_msg":"bad query"})");
        return FakeResponse::json(200, answer(query.queryItemValue(QStringLiteral("status")),
                                              query.queryItemValue(QStringLiteral("offset")).toInt()));
    };
}

// Searches for the job of a request for d1 and d2 sent on 1 December 2026 at 10:00 UTC; null when
// the search did not end in time.
std::unique_ptr<LostJobSearch> searchD1D2(ApiClient *client)
{
    auto search = std::make_unique<LostJobSearch>(client, QStringList{QStringLiteral("d1"), QStringLiteral("d2")},
                                                  QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC));
    QSignalSpy finished(search.get(), &LostJobSearch::finished);
    search->start();
    if (!finished.wait(5000))
        return nullptr;
    return search;
}

QStringList statusesAsked(const FakeNetworkAccessManager &network)
{
    QStringList statuses;
    for (const RecordedRequest &request : network.requests())
        statuses.append(QUrlQuery(request.url).queryItemValue(QStringLiteral("status")));
    return statuses;
}
} // namespace

class TestLostJobSearch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void findsAJobSplitAcrossStatuses();
    void olderAndPartialJobsAreNotTheRequests();
    void endlessListingIsBounded();
    void errorEndsTheSearch();
};

void TestLostJobSearch::findsAJobSplitAcrossStatuses()
{
    FakeNetworkAccessManager network(listing([](const QString &status, int) {
        if (status == QLatin1String("WAITING"))
            return page({subJob(QStringLiteral("s1"), QStringLiteral("job-a"), QStringLiteral("d1"))}, 1);
        if (status == QLatin1String("RUNNING"))
            return page({subJob(QStringLiteral("s2"), QStringLiteral("job-a"), QStringLiteral("d2"),
                                QStringLiteral("2026-12-01 10:00:05")),
                         subJob(QStringLiteral("s3"), QStringLiteral("job-b"), QStringLiteral("d3"))},
                        2);
        return page({}, 0);
    }));
    auto client = makeTestClient(&network);
    const auto ended = searchD1D2(client.get());
    QVERIFY(ended);
    const LostJobSearch &search = *ended;
    QCOMPARE(search.outcome(), LostJobSearch::Outcome::Found);
    QCOMPARE(search.jobId(), QStringLiteral("job-a"));
    // Found once both statuses were read; SUCCESS and FAILED were not needed.
    QCOMPARE(statusesAsked(network), (QStringList{QStringLiteral("WAITING"), QStringLiteral("RUNNING")}));
}

void TestLostJobSearch::olderAndPartialJobsAreNotTheRequests()
{
    FakeNetworkAccessManager network(listing([](const QString &status, int) {
        if (status == QLatin1String("SUCCESS"))
            // An earlier deletion of the same desktops, an hour before the request.
            return page({subJob(QStringLiteral("s1"), QStringLiteral("job-old"), QStringLiteral("d1"),
                                QStringLiteral("2026-12-01T09:00:00Z")),
                         subJob(QStringLiteral("s2"), QStringLiteral("job-old"), QStringLiteral("d2"),
                                QStringLiteral("2026-12-01T09:00:01Z")),
                         // A job with only one of them.
                         subJob(QStringLiteral("s3"), QStringLiteral("job-part"), QStringLiteral("d1"))},
                        3);
        return page({}, 0);
    }));
    auto client = makeTestClient(&network);
    const auto ended = searchD1D2(client.get());
    QVERIFY(ended);
    const LostJobSearch &search = *ended;
    QCOMPARE(search.outcome(), LostJobSearch::Outcome::NotFound);
    QVERIFY(search.jobId().isEmpty());
    QVERIFY(search.reason().contains(QLatin1String("exactly")));
    QCOMPARE(network.requests().size(), 4);
}

void TestLostJobSearch::endlessListingIsBounded()
{
    FakeNetworkAccessManager network(listing([](const QString &status, int offset) {
        QJsonArray jobs;
        for (int i = 0; i < 1000; ++i) {
            const QString n = status + QString::number(offset + i);
            jobs.append(subJob(QStringLiteral("s") + n, QStringLiteral("job-") + n, QStringLiteral("x") + n));
        }
        return page(jobs, 2000000000LL);
    }));
    auto client = makeTestClient(&network);
    LostJobSearch search(client.get(), {QStringLiteral("d1")}, QDateTime::currentDateTimeUtc());
    QSignalSpy finished(&search, &LostJobSearch::finished);
    search.start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(search.outcome(), LostJobSearch::Outcome::NotFound);
    QCOMPARE(search.pageRequests(), 4 * LostJobSearch::kMaxPagesPerStatus);
    for (const RecordedRequest &request : network.requests())
        QVERIFY(QUrlQuery(request.url).queryItemValue(QStringLiteral("offset")).toInt() <= 10000);
}

void TestLostJobSearch::errorEndsTheSearch()
{
    FakeNetworkAccessManager network([](const RecordedRequest &) {
        return FakeResponse::json(403, R"({"error_code":"WKS.0403","error_msg":"forbidden"})");
    });
    auto client = makeTestClient(&network);
    LostJobSearch search(client.get(), {QStringLiteral("d1")}, QDateTime::currentDateTimeUtc());
    QSignalSpy finished(&search, &LostJobSearch::finished);
    search.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(search.outcome(), LostJobSearch::Outcome::Failed);
    QCOMPARE(search.error().httpStatus, 403);
    QVERIFY(search.reason().contains(QLatin1String("403")));
    QCOMPARE(network.requests().size(), 1);
}

QTEST_GUILESS_MAIN(TestLostJobSearch)
#include "tst_lostjobsearch.moc"
