#include "api/apicalls.h"
#include "api/apiclient.h"
#include "api/serverinput.h"
#include "fakeclient.h"
#include "misbehavingserver.h"

#include <QLocale>
#include <QNetworkAccessManager>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>
#include <QUrlQuery>
#include <QtConcurrentRun>

#include <memory>

// The listing, the job calls and the transport against a server that misbehaves on a real
// socket: every rule of listing integrity, deadlines, bounds and identifiers as a test.
class TestListingIntegrity : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ApiClient> makeClient(ClientConfig config = {})
    {
        config.endpoint = m_server->endpoint();
        config.projectId = QStringLiteral("proj");
        config.retry.maxAttempts = 1;
        return clientFor(&m_network, config, Credentials{QStringLiteral("AK"), QStringLiteral("SK"), {}});
    }

    struct Listing
    {
        std::unique_ptr<ListAllDesktopsCall> call;
        QList<Desktop> desktops;
    };

    // Lists everything with the given page size; the call has finished when this returns.
    Listing list(ApiClient *client, int pageSize, DesktopQuery query = {}, int maxPages = 0)
    {
        Listing listing;
        listing.call = std::make_unique<ListAllDesktopsCall>(client, query);
        listing.call->setPageSize(pageSize);
        if (maxPages > 0)
            listing.call->setMaxPages(maxPages);
        connect(listing.call.get(), &ListAllDesktopsCall::pageLoaded, this,
                [&listing](const QList<Desktop> &page) { listing.desktops.append(page); });
        QSignalSpy finished(listing.call.get(), &ListAllDesktopsCall::finished);
        listing.call->start();
        if (!finished.wait(30000))
            qWarning("the listing did not finish");
        return listing;
    }

    static QSet<QString> idsOf(const QList<Desktop> &desktops)
    {
        QSet<QString> ids;
        for (const Desktop &desktop : desktops)
            ids.insert(desktop.id);
        return ids;
    }

    QNetworkAccessManager m_network;
    std::unique_ptr<MisbehavingServer> m_server;

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<MisbehavingServer>();
        QVERIFY(m_server->listen());
    }

    // A gate (a shared request budget) decides when each page goes out; a page it lets through
    // after the listing was cancelled is never sent.
    void pagesGoOutWhenTheGateLetsThem()
    {
        m_server->setDesktopCount(25);
        auto client = makeClient();
        ListAllDesktopsCall call(client.get(), {});
        call.setPageSize(10);
        QList<std::function<void()>> atGate;
        call.setPageGate([&atGate](std::function<void()> send) { atGate.append(std::move(send)); });
        QSignalSpy progress(&call, &ListAllDesktopsCall::progress);
        QSignalSpy finished(&call, &ListAllDesktopsCall::finished);
        const auto requests = [this] { return m_server->requestCount(QStringLiteral("/desktops/detail")); };

        call.start();
        QCOMPARE(atGate.size(), 1);
        QCOMPARE(requests(), 0);
        atGate.takeFirst()();
        QVERIFY(progress.wait());
        QCOMPARE(requests(), 1);
        QCOMPARE(atGate.size(), 2); // the other 15 of the 25 desktops, pages asked for at once
        atGate.takeFirst()();
        QVERIFY(progress.wait());
        QCOMPARE(requests(), 2);
        QVERIFY(!call.isFinished()); // the third page still waits for the gate

        call.cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(call.error().kind, ApiError::Kind::Cancelled);
        atGate.takeFirst()();
        QCOMPARE(requests(), 2);
        QCOMPARE(finished.count(), 1);
    }

    void honestListingIsCompleteAndAsksForAStableOrder()
    {
        m_server->setDesktopCount(25);
        auto client = makeClient();
        const Listing listing = list(client.get(), 10);
        QVERIFY2(listing.call->succeeded(), qPrintable(listing.call->error().summary()));
        QVERIFY(listing.call->isComplete());
        QVERIFY(listing.call->incompletenessText().isEmpty());
        QCOMPARE(listing.desktops.size(), 25);
        QCOMPARE(m_server->requestCount(QStringLiteral("/desktops/detail")), 3);
        for (const QUrl &url : m_server->requests()) {
            QCOMPARE(QUrlQuery(url).queryItemValue(QStringLiteral("sort_field")), QStringLiteral("created"));
            QCOMPARE(QUrlQuery(url).queryItemValue(QStringLiteral("sort_type")), QStringLiteral("ASC"));
        }
    }

    void callersOrderIsKept()
    {
        m_server->setDesktopCount(3);
        auto client = makeClient();
        DesktopQuery query;
        query.sortField = QStringLiteral("computer_name");
        query.sortType = QStringLiteral("DESC");
        const Listing listing = list(client.get(), 10, query);
        QVERIFY(listing.call->isComplete());
        const QUrlQuery sent(m_server->requests().constFirst());
        QCOMPARE(sent.queryItemValue(QStringLiteral("sort_field")), QStringLiteral("computer_name"));
        QCOMPARE(sent.queryItemValue(QStringLiteral("sort_type")), QStringLiteral("DESC"));
    }

    void unusableTotalCountKeepsPagingToAShortPage_data()
    {
        QTest::addColumn<QByteArray>("total");
        QTest::newRow("missing") << QByteArray();
        QTest::newRow("null") << QByteArrayLiteral("null");
        QTest::newRow("text") << QByteArrayLiteral("\"abc\"");
        QTest::newRow("beyond int") << QByteArrayLiteral("3000000000");
        QTest::newRow("fraction") << QByteArrayLiteral("1500.5");
        QTest::newRow("negative") << QByteArrayLiteral("-5");
    }

    void unusableTotalCountKeepsPagingToAShortPage()
    {
        QFETCH(QByteArray, total);
        m_server->setDesktopCount(1200);
        m_server->setTotalCountJson(total);
        auto client = makeClient();
        const Listing listing = list(client.get(), 500);
        QVERIFY2(listing.call->succeeded(), qPrintable(listing.call->error().summary()));
        QCOMPARE(listing.desktops.size(), 1200);
        QCOMPARE(idsOf(listing.desktops).size(), 1200);
        QCOMPARE(listing.call->announcedTotal(), -1);
        QVERIFY(listing.call->isComplete()); // the short page of 200 is the end
        QCOMPARE(m_server->requestCount(QStringLiteral("/desktops/detail")), 3);
    }

    // Both readings of a page agree on what is a count.
    void totalCountIsACountOrUnknown_data()
    {
        QTest::addColumn<QByteArray>("total");
        QTest::addColumn<bool>("known");
        QTest::addColumn<int>("count");
        QTest::newRow("number") << QByteArrayLiteral("1500") << true << 1500;
        QTest::newRow("number as text") << QByteArrayLiteral("\"1500\"") << true << 1500;
        QTest::newRow("zero") << QByteArrayLiteral("0") << true << 0;
        QTest::newRow("null") << QByteArrayLiteral("null") << false << 1;
        QTest::newRow("text") << QByteArrayLiteral("\"abc\"") << false << 1;
        QTest::newRow("beyond int") << QByteArrayLiteral("3000000000") << false << 1;
        QTest::newRow("fraction") << QByteArrayLiteral("1500.5") << false << 1;
        QTest::newRow("negative") << QByteArrayLiteral("-5") << false << 1;
        QTest::newRow("object") << QByteArrayLiteral("{}") << false << 1;
    }

    void totalCountIsACountOrUnknown()
    {
        QFETCH(QByteArray, total);
        QFETCH(bool, known);
        QFETCH(int, count);
        const QByteArray body = "{\"total_count\":" + total + ",\"desktops\":[{\"desktop_id\":\"d\"}]}";
        QString error;
        for (const std::optional<DesktopPage> &page :
             {WorkspaceJson::parseDesktopPage(body, &error), WorkspaceJson::parseDesktopPageWithQt(body, &error)}) {
            QVERIFY2(page, qPrintable(error));
            QCOMPARE(page->totalCountKnown, known);
            QCOMPARE(page->totalCount, count);
        }
    }

    void unusableTotalCountWithAnExactLastPageEndsAtTheEmptyOne()
    {
        m_server->setDesktopCount(1000);
        m_server->setTotalCountJson("null");
        auto client = makeClient();
        const Listing listing = list(client.get(), 500);
        QVERIFY(listing.call->isComplete());
        QCOMPARE(listing.desktops.size(), 1000);
        QCOMPARE(m_server->requestCount(QStringLiteral("/desktops/detail")), 3);
    }

    void shortMiddlePageMakesTheListingPartial()
    {
        m_server->setDesktopCount(1500);
        m_server->setPaging(MisbehavingServer::Paging::ShortPage);
        m_server->setRuleOffset(500);
        auto client = makeClient();
        const Listing listing = list(client.get(), 500);
        QVERIFY(listing.call->succeeded());
        QVERIFY(!listing.call->isComplete());
        QCOMPARE(listing.call->completeness(), ListAllDesktopsCall::Completeness::FewerThanAnnounced);
        QCOMPARE(listing.desktops.size(), 1250);
        const QString text = listing.call->incompletenessText();
        QVERIFY2(text.contains(QLocale().toString(1250)) && text.contains(QLocale().toString(1500)),
                 qPrintable(text));
    }

    void emptyMiddlePageMakesTheListingPartial()
    {
        m_server->setDesktopCount(1500);
        m_server->setPaging(MisbehavingServer::Paging::EmptyPage);
        m_server->setRuleOffset(500);
        auto client = makeClient();
        const Listing listing = list(client.get(), 500);
        QVERIFY(listing.call->succeeded());
        QVERIFY(!listing.call->isComplete());
        QCOMPARE(listing.desktops.size(), 500);
        QCOMPARE(listing.call->completeness(), ListAllDesktopsCall::Completeness::FewerThanAnnounced);
    }

    void overlappingPagesAreDeduplicatedAndCounted()
    {
        m_server->setDesktopCount(1500);
        m_server->setTotalCountJson(QByteArray()); // paging to the short page reaches every desktop
        m_server->setPaging(MisbehavingServer::Paging::Overlapping);
        m_server->setOverlap(100);
        auto client = makeClient();
        const Listing listing = list(client.get(), 500);
        QVERIFY(listing.call->isComplete());
        QCOMPARE(listing.desktops.size(), 1500);
        QCOMPARE(idsOf(listing.desktops).size(), 1500);
        QCOMPARE(listing.call->duplicateCount(), 300);
        QVERIFY2(listing.call->duplicatesText().contains(QStringLiteral("300")),
                 qPrintable(listing.call->duplicatesText()));
    }

    void duplicatesAreSignalled()
    {
        m_server->setDesktopCount(20);
        m_server->setPaging(MisbehavingServer::Paging::Overlapping);
        m_server->setOverlap(5);
        auto client = makeClient();
        ListAllDesktopsCall call(client.get(), {});
        call.setPageSize(10);
        QSignalSpy duplicates(&call, &ListAllDesktopsCall::duplicatesSkipped);
        QSignalSpy finished(&call, &ListAllDesktopsCall::finished);
        call.start();
        QVERIFY(finished.wait());
        QVERIFY(!duplicates.isEmpty());
        QCOMPARE(duplicates.constLast().at(0).toInt(), call.duplicateCount());
        QCOMPARE(call.duplicateCount(), 5); // the second page began five desktops early
        QVERIFY(call.isComplete());
    }

    void ignoredOffsetStopsAtTheFirstPageWithNothingNew()
    {
        m_server->setDesktopCount(1500);
        m_server->setPaging(MisbehavingServer::Paging::IgnoresOffset);
        auto client = makeClient();
        const Listing listing = list(client.get(), 500);
        QVERIFY(listing.call->succeeded());
        QVERIFY(!listing.call->isComplete());
        QCOMPARE(listing.call->completeness(), ListAllDesktopsCall::Completeness::PagingStalled);
        const QString text = listing.call->incompletenessText();
        QVERIFY2(text.contains(QLocale().toString(500)) && text.contains(QLocale().toString(1500)),
                 qPrintable(text));
        QCOMPARE(listing.desktops.size(), 500);
        QVERIFY(listing.call->duplicateCount() >= 500);
        QVERIFY(m_server->requestCount(QStringLiteral("/desktops/detail"))
                <= 1 + ListAllDesktopsCall::kPagesInFlight);
    }

    void repeatedPagesWithoutATotalStall()
    {
        m_server->setDesktopCount(1500);
        m_server->setTotalCountJson(QByteArray());
        m_server->setPaging(MisbehavingServer::Paging::IgnoresOffset);
        auto client = makeClient();
        const Listing listing = list(client.get(), 500);
        QCOMPARE(listing.call->completeness(), ListAllDesktopsCall::Completeness::PagingStalled);
        QVERIFY(!listing.call->incompletenessText().isEmpty());
        QCOMPARE(listing.desktops.size(), 500);
        QCOMPARE(m_server->requestCount(QStringLiteral("/desktops/detail")), 2);
    }

    void endlessPagesStopAtThePageCap_data()
    {
        QTest::addColumn<QByteArray>("total");
        QTest::newRow("huge total") << QByteArrayLiteral("2000000000");
        QTest::newRow("no total") << QByteArray();
    }

    void endlessPagesStopAtThePageCap()
    {
        QFETCH(QByteArray, total);
        m_server->setTotalCountJson(total);
        m_server->setPaging(MisbehavingServer::Paging::Endless);
        auto client = makeClient();
        const Listing listing = list(client.get(), 5, {}, 12);
        QVERIFY(listing.call->succeeded());
        QCOMPARE(listing.call->completeness(), ListAllDesktopsCall::Completeness::PageLimitReached);
        QCOMPARE(m_server->requestCount(QStringLiteral("/desktops/detail")), 12);
        QCOMPARE(listing.desktops.size(), 60);
    }

    void thePageCapFollowsTheFirstTotal()
    {
        // 23 announced in pages of 5: 5 pages, and kExtraPages more for desktops created meanwhile.
        m_server->setTotalCountJson("23");
        m_server->setPaging(MisbehavingServer::Paging::Endless);
        auto client = makeClient();
        const Listing listing = list(client.get(), 5);
        QVERIFY(listing.call->isComplete()); // more arrived than announced: nothing is missing
        QCOMPARE(m_server->requestCount(QStringLiteral("/desktops/detail")), 5);
        QVERIFY(ListAllDesktopsCall::kMaxPages * qint64(ListDesktopsPageCall::kMaxLimit) <= 1000000);
    }

    void listingEndsAtItsDeadline()
    {
        m_server->setTotalCountJson(QByteArray());
        m_server->setPaging(MisbehavingServer::Paging::Endless);
        m_server->setTrickle(40, 20);
        auto client = makeClient();
        ListAllDesktopsCall call(client.get(), {});
        call.setPageSize(1);
        call.setDeadline(QDeadlineTimer(400));
        QSignalSpy finished(&call, &ListAllDesktopsCall::finished);
        call.start();
        QVERIFY(finished.wait(5000));
        QCOMPARE(call.error().kind, ApiError::Kind::Timeout);
        QVERIFY(!call.succeeded());
    }

    void trickledBodyEndsAtTheRequestDeadline()
    {
        m_server->setDesktopCount(5);
        m_server->setTrickle(1, 10); // each byte restarts the idle timeout
        ClientConfig config;
        config.transferTimeoutMs = 300;
        config.requestDeadlineMs = 500;
        auto client = makeClient(config);
        ListDesktopsPageCall call(client.get(), {}, 0, 5);
        QSignalSpy finished(&call, &ListDesktopsPageCall::finished);
        QElapsedTimer clock;
        clock.start();
        call.start();
        QVERIFY(finished.wait(5000));
        QCOMPARE(call.error().kind, ApiError::Kind::Timeout);
        QVERIFY2(call.error().summary().contains(QStringLiteral("in full")), qPrintable(call.error().summary()));
        QVERIFY(clock.elapsed() < 4000); // the whole body would take 5 s
    }

    void hugeStringsAreBoundedWhereTheyAreRead()
    {
        const QString huge(5 * 1024 * 1024, QLatin1Char('x'));
        m_server->setDesktopCount(2);
        m_server->setDesktopName(huge);
        m_server->setFailReason(huge);
        ClientConfig config;
        config.maxResponseBytes = 64 * 1024 * 1024;
        auto client = makeClient(config);
        const Listing listing = list(client.get(), 10);
        QVERIFY2(listing.call->isComplete(), qPrintable(listing.call->error().summary()));
        const QString name = listing.desktops.constFirst().computerName;
        QVERIFY(name.size() < ServerInput::kMaxTextChars + 64);
        QVERIFY(name.contains(QChar(0x2026)));
        QVERIFY2(name.contains(QLocale().toString(huge.size())), qPrintable(name.right(60)));

        ShowJobCall job(client.get(), QStringLiteral("job-1"));
        QSignalSpy jobDone(&job, &ShowJobCall::finished);
        job.start();
        QVERIFY(jobDone.wait());
        QVERIFY2(job.succeeded(), qPrintable(job.error().summary()));
        QVERIFY(job.result().failReason.size() < ServerInput::kMaxTextChars + 64);

        ListSubJobsCall subJobs(client.get(), QStringLiteral("job-1"));
        QSignalSpy subJobsDone(&subJobs, &ListSubJobsCall::finished);
        subJobs.start();
        QVERIFY(subJobsDone.wait());
        QVERIFY2(subJobs.succeeded(), qPrintable(subJobs.error().summary()));
        QCOMPARE(subJobs.result().jobs.size(), 1);
        QVERIFY(subJobs.result().jobs.constFirst().failReason.size() < ServerInput::kMaxTextChars + 64);

        m_server->setErrorStatus(400);
        ListDesktopsPageCall page(client.get(), {}, 0, 10);
        QSignalSpy pageDone(&page, &ListDesktopsPageCall::finished);
        page.start();
        QVERIFY(pageDone.wait());
        QCOMPARE(page.error().httpStatus, 400);
        QVERIFY(page.error().errorMessage.size() < ServerInput::kMaxTextChars + 64);
        QVERIFY(page.error().details().size() < 4 * ServerInput::kMaxTextChars);
    }

    void unusableDesktopIdRejectsThePage()
    {
        m_server->setDesktopCount(3);
        m_server->setDesktopIdJson(1, "\"../x\"");
        auto client = makeClient();
        const Listing listing = list(client.get(), 10);
        QCOMPARE(listing.call->error().kind, ApiError::Kind::InvalidResponse);
        QVERIFY2(listing.call->error().summary().contains(QStringLiteral("unusable desktop_id")),
                 qPrintable(listing.call->error().summary()));
    }

    void unusableJobIdFromBatchDeleteIsAmbiguous_data()
    {
        QTest::addColumn<QByteArray>("jobId");
        QTest::newRow("dot dot") << QByteArrayLiteral("\"..\"");
        QTest::newRow("blanks") << QByteArrayLiteral("\"job 1\"");
        QTest::newRow("slash") << QByteArrayLiteral("\"a/b\"");
        QTest::newRow("escape") << QByteArrayLiteral("\"\\u001b[2J\"");
        QTest::newRow("200 KB") << QByteArray('"' + QByteArray(200 * 1024, 'a') + '"');
    }

    void unusableJobIdFromBatchDeleteIsAmbiguous()
    {
        QFETCH(QByteArray, jobId);
        m_server->setJobIdJson(jobId);
        auto client = makeClient();
        BatchDeleteCall call(client.get(), {QStringLiteral("d-00001")}, {});
        QSignalSpy finished(&call, &BatchDeleteCall::finished);
        call.start();
        QVERIFY(finished.wait());
        QVERIFY(!call.succeeded());
        QVERIFY(call.jobId().isEmpty());
        QCOMPARE(call.error().kind, ApiError::Kind::InvalidResponse);
        QVERIFY(call.error().isAmbiguous());
        const QString summary = call.error().summary();
        QVERIFY2(summary.contains(QStringLiteral("unusable job id")), qPrintable(summary));
        QVERIFY(summary.size() < 1000);
        QVERIFY(!summary.contains(QChar(0x1b)));
    }

    void unusableJobIdsAreNeverSent_data()
    {
        QTest::addColumn<QString>("jobId");
        QTest::newRow("dot dot") << QStringLiteral("..");
        QTest::newRow("dot") << QStringLiteral(".");
        QTest::newRow("blank inside") << QStringLiteral("job 1");
        QTest::newRow("slash") << QStringLiteral("a/b");
        QTest::newRow("query") << QStringLiteral("a?b=c");
        QTest::newRow("too long") << QString(256, QLatin1Char('a'));
    }

    void unusableJobIdsAreNeverSent()
    {
        QFETCH(QString, jobId);
        auto client = makeClient();
        ShowJobCall show(client.get(), jobId);
        ListSubJobsCall subJobs(client.get(), jobId);
        QSignalSpy shown(&show, &ShowJobCall::finished);
        QSignalSpy listed(&subJobs, &ListSubJobsCall::finished);
        show.start();
        subJobs.start();
        QVERIFY(shown.count() == 1 || shown.wait());
        QVERIFY(listed.count() == 1 || listed.wait());
        QCOMPARE(show.error().kind, ApiError::Kind::Configuration);
        QCOMPARE(subJobs.error().kind, ApiError::Kind::Configuration);
        QVERIFY(m_server->requests().isEmpty());
    }

    void usableIds()
    {
        QVERIFY(ServerInput::isUsableId(QStringLiteral("ff8080827c1b7d6b017c1f5cd7a10d67")));
        QVERIFY(ServerInput::isUsableId(QStringLiteral("6f2c4a1e-9b7d-4c3e-8f21-0a5b6c7d8e9f")));
        QVERIFY(ServerInput::isUsableId(QString(255, QLatin1Char('a'))));
        QVERIFY(!ServerInput::isUsableId(QString()));
        QVERIFY(!ServerInput::isUsableId(QStringLiteral("...")));
        QVERIFY(!ServerInput::isUsableId(QStringLiteral("id\n")));
    }

    void terminalTextHasNoControlCharacters()
    {
        const QString poisoned = QStringLiteral("pc\x1b[31mred\r\x07\u009b2J\u202eevil\nnext");
        const QString clean = ServerInput::forTerminal(poisoned);
        for (const QChar c : clean)
            QVERIFY2(!ServerInput::isTerminalControl(c), qPrintable(QString::number(c.unicode(), 16)));
        QVERIFY(clean.contains(QStringLiteral("red")));
        QVERIFY(!clean.contains(QLatin1Char('\n')));
        QVERIFY(ServerInput::forTerminal(poisoned, ServerInput::LineBreaks::Keep).contains(QLatin1Char('\n')));
    }

    void boundedKeepsShortTextAndCutsAtACharacter()
    {
        QCOMPARE(ServerInput::bounded(QStringLiteral("short")), QStringLiteral("short"));
        const QString emoji = QString(ServerInput::kMaxTextChars - 1, QLatin1Char('a')) + QStringLiteral("\U0001F600b");
        const QString cut = ServerInput::bounded(emoji);
        QVERIFY(!cut.at(ServerInput::kMaxTextChars - 1).isHighSurrogate());
        const std::string bytes(ServerInput::kMaxTextChars * 5, '\xc3'); // not even valid UTF-8
        QVERIFY(ServerInput::boundedUtf8(bytes).size() < ServerInput::kMaxTextChars + 64);
    }

    // The call keeps what it needs of the client: deleting the client (switching connections)
    // while a page is parsed in the background must not touch freed memory.
    void deletingTheClientWhileAPageIsParsed_data()
    {
        QTest::addColumn<bool>("readable");
        QTest::newRow("page that reads") << true;
        QTest::newRow("page that does not read") << false;
    }

    void deletingTheClientWhileAPageIsParsed()
    {
        QFETCH(bool, readable);
        m_server->setDesktopCount(3);
        if (!readable)
            m_server->setDesktopIdJson(1, "\"..\"");
        auto client = makeClient();
        // Every worker of the pool is held, so the parse waits until the client is gone.
        QThreadPool *pool = QThreadPool::globalInstance();
        QSemaphore release;
        QList<QFuture<void>> holders;
        for (int i = 0; i < pool->maxThreadCount(); ++i)
            holders.append(QtConcurrent::run(pool, [&release] { release.acquire(); }));
        auto *call = new ListDesktopsPageCall(client.get(), {}, 0, 10);
        QSignalSpy finished(call, &ListDesktopsPageCall::finished);
        bool replied = false;
        connect(&m_network, &QNetworkAccessManager::finished, this, [&replied] { replied = true; });
        call->start();
        QTRY_VERIFY(replied);
        QCoreApplication::processEvents(); // the call has taken the reply and queued the parse
        client.reset();
        release.release(pool->maxThreadCount());
        for (QFuture<void> &holder : holders)
            holder.waitForFinished();
        QVERIFY(finished.count() == 1 || finished.wait());
        QCOMPARE(call->succeeded(), readable);
        if (readable)
            QCOMPARE(call->result().desktops.size(), 3);
        else
            QCOMPARE(call->error().kind, ApiError::Kind::InvalidResponse);
        delete call;
    }
};

QTEST_GUILESS_MAIN(TestListingIntegrity)
#include "tst_listingintegrity.moc"
