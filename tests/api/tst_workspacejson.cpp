#include "api/workspacejson.h"

#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

#include <algorithm>

// The pure JSON functions over the fixture files in tests/data.
class TestWorkspaceJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void desktopPageReadsKnownFields();
    void desktopPageIgnoresUnknownAndTreatsDeletedAsGone();
    void desktopWithOnlyAnIdIsARow();
    void wrongTypesDegradeToEmptyValues();
    void emptyPage();
    void brokenDesktopBodiesAreRefused_data();
    void brokenDesktopBodiesAreRefused();
    void batchDeleteResponse();
    void jobStatesFollowTheSafeRule_data();
    void jobStatesFollowTheSafeRule();
    void jobWithSubJobs();
    void jobWithSubJobsNotAnArrayIsRefused();
    void subJobPageClampsProgressAndReadsZones();
    void subJobPageWithoutJobsIsReadAsADesktopPageWithoutDesktops_data();
    void subJobPageWithoutJobsIsReadAsADesktopPageWithoutDesktops();
    void subJobDesktopNameFromEntitiesThenTheTopLevel();
    void errorBodies_data();
    void errorBodies();
    void htmlErrorPageIsShownByItsTitle();
    void batchDeleteBodyIsCompactAndStable();
    void timestamps_data();
    void timestamps();
    void billingFromEveryFieldInOrder_data();
    void billingFromEveryFieldInOrder();
    void addressesInBothShapes();
    void subJobTimesWithoutZoneAreUtc();
    void billingSurvivesDesktopToJson();
    void maintenanceModeAndPoolInBothReaders();
    void maintenanceModeAndPoolSurviveDesktopToJson();

private:
    static QByteArray fixture(const char *name);
};

QByteArray TestWorkspaceJson::fixture(const char *name)
{
    QFile file(QStringLiteral(WORKSPACE_TEST_DATA_DIR "/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

void TestWorkspaceJson::desktopPageReadsKnownFields()
{
    QString error;
    const std::optional<DesktopPage> page =
        WorkspaceJson::parseDesktopPage(fixture("desktops-page.json"), &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->totalCount, 3);
    QCOMPARE(page->desktops.size(), 3);

    const Desktop &alice = page->desktops.at(0);
    QCOMPARE(alice.id, QStringLiteral("d-0001"));
    QCOMPARE(alice.computerName, QStringLiteral("ws-alice"));
    QCOMPARE(alice.status, QStringLiteral("ACTIVE"));
    QCOMPARE(alice.displayStatus(), QStringLiteral("ACTIVE"));
    QVERIFY(alice.isConnected());
    QCOMPARE(alice.userName, QStringLiteral("alice"));
    QCOMPARE(alice.userGroup, QStringLiteral("administrators"));
    QCOMPARE(alice.ipAddresses, QStringList{QStringLiteral("192.168.0.11")});
    QCOMPARE(alice.desktopType, QStringLiteral("DEDICATED"));
    QCOMPARE(alice.productId, QStringLiteral("workspace.x86.ultra.large2"));
    QCOMPARE(alice.flavorId, QStringLiteral("s6.large.2"));
    QCOMPARE(alice.osType, QStringLiteral("Windows"));
    QCOMPARE(alice.imageName, QStringLiteral("Windows 10"));
    QCOMPARE(alice.billingMode, BillingMode::PayPerUse);
    QCOMPARE(alice.availabilityZone, QStringLiteral("cn-north-4a"));
    QCOMPARE(alice.created, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), QTimeZone::utc()));
    QCOMPARE(alice.tags.size(), 2);
    QVERIFY(alice.hasTag(QStringLiteral("team"), QStringLiteral("qa")));
    QVERIFY(!alice.hasTag(QStringLiteral("team"), QStringLiteral("dev")));
    QCOMPARE(alice.tagsText(), QStringLiteral("team=qa, temp"));
    QVERIFY(!alice.isBeingDeleted());
    QVERIFY(!alice.isGone());

    const Desktop &bob = page->desktops.at(1);
    QCOMPARE(bob.ipAddresses, QStringList{QStringLiteral("10.0.0.7")}); // from "addresses"
    QCOMPARE(bob.billingMode, BillingMode::YearlyMonthly);
    QVERIFY(bob.isBeingDeleted()); // "Deleting": case varies
    QCOMPARE(bob.displayStatus(), QStringLiteral("Deleting"));
    QCOMPARE(bob.created, QDateTime(QDate(2026, 2, 3), QTime(4, 5, 6), QTimeZone::utc()));
}

void TestWorkspaceJson::desktopPageIgnoresUnknownAndTreatsDeletedAsGone()
{
    QString error;
    const std::optional<DesktopPage> page =
        WorkspaceJson::parseDesktopPage(fixture("desktops-page.json"), &error, WorkspaceJson::RawJson::Keep);
    QVERIFY2(page, qPrintable(error));
    // Unknown fields stay available for the details view without disturbing anything else.
    QVERIFY(page->desktops.at(0).raw.contains(QLatin1String("an_unknown_field")));
    QCOMPARE(page->desktops.at(0).raw.value(QLatin1String("desktop_id")).toString(), page->desktops.at(0).id);
    // A listing does without them.
    const std::optional<DesktopPage> listed = WorkspaceJson::parseDesktopPage(fixture("desktops-page.json"), &error);
    QVERIFY2(listed, qPrintable(error));
    QVERIFY(listed->desktops.at(0).raw.isEmpty());
    QCOMPARE(listed->desktops.at(0).id, page->desktops.at(0).id);
    const Desktop &deleted = page->desktops.at(2);
    QVERIFY(deleted.isGone());
    QVERIFY(!page->desktops.at(0).isGone());
    QCOMPARE(deleted.computerName, QString());
}

void TestWorkspaceJson::desktopWithOnlyAnIdIsARow()
{
    QString error;
    const std::optional<DesktopPage> page =
        WorkspaceJson::parseDesktopPage(fixture("desktops-missing-fields.json"), &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->desktops.size(), 1);
    const Desktop &desktop = page->desktops.constFirst();
    QCOMPARE(desktop.id, QStringLiteral("d-min"));
    QVERIFY(desktop.status.isEmpty());
    QVERIFY(desktop.ipAddresses.isEmpty());
    QVERIFY(!desktop.created.isValid());
    QCOMPARE(desktop.billingMode, BillingMode::Unknown);
    QVERIFY(!desktop.isBeingDeleted());
}

void TestWorkspaceJson::wrongTypesDegradeToEmptyValues()
{
    QString error;
    const std::optional<DesktopPage> page =
        WorkspaceJson::parseDesktopPage(fixture("desktops-wrong-types.json"), &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->totalCount, 2); // "2" as a string is still a count
    const Desktop &first = page->desktops.at(0);
    QCOMPARE(first.computerName, QStringLiteral("42"));
    QVERIFY(first.status.isEmpty());
    QVERIFY(first.ipAddresses.isEmpty());
    QVERIFY(first.tags.isEmpty());
    QVERIFY(first.osType.isEmpty());
    QVERIFY(first.flavorId.isEmpty());
    const Desktop &second = page->desktops.at(1);
    QCOMPARE(second.computerName, QStringLiteral("0.1"));
    QCOMPARE(second.userName, QStringLiteral("12345678901"));
    QCOMPARE(second.ipAddresses, QStringList{QStringLiteral("10.2.2.2")});
    QVERIFY(second.tags.isEmpty());
    QVERIFY(!second.created.isValid());
}

void TestWorkspaceJson::emptyPage()
{
    QString error;
    const std::optional<DesktopPage> page =
        WorkspaceJson::parseDesktopPage(fixture("desktops-empty.json"), &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->totalCount, 0);
    QVERIFY(page->desktops.isEmpty());
}

void TestWorkspaceJson::brokenDesktopBodiesAreRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("reasonPart");
    QTest::newRow("truncated") << fixture("desktops-truncated.json") << QStringLiteral("invalid JSON");
    QTest::newRow("malformed") << fixture("malformed.json") << QStringLiteral("invalid JSON");
    QTest::newRow("html page") << fixture("proxy-error.html") << QStringLiteral("invalid JSON");
    QTest::newRow("top-level array") << fixture("json-array.json") << QStringLiteral("object");
    QTest::newRow("desktops not an array")
        << fixture("desktops-not-array.json") << QStringLiteral("not an array");
    QTest::newRow("entry without id")
        << fixture("desktops-entry-without-id.json") << QStringLiteral("desktop_id");
    QTest::newRow("error body behind 200")
        << fixture("error-standard.json") << QStringLiteral("total_count");
    QTest::newRow("empty body") << QByteArray() << QStringLiteral("invalid JSON");
}

void TestWorkspaceJson::brokenDesktopBodiesAreRefused()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, reasonPart);
    QString error;
    QVERIFY(!WorkspaceJson::parseDesktopPage(body, &error));
    QVERIFY2(error.contains(reasonPart), qPrintable(error));
}

void TestWorkspaceJson::batchDeleteResponse()
{
    QString error;
    QCOMPARE(WorkspaceJson::parseBatchDeleteResponse(fixture("batch-delete-accepted.json"), &error),
             std::optional<QString>(QStringLiteral("job-7f3a")));
    QVERIFY(!WorkspaceJson::parseBatchDeleteResponse(QByteArrayLiteral("{}"), &error));
    QVERIFY(error.contains(QLatin1String("job_id")));
    QVERIFY(!WorkspaceJson::parseBatchDeleteResponse(QByteArrayLiteral("{\"job_id\": 12"), &error));
}

void TestWorkspaceJson::jobStatesFollowTheSafeRule_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("status");
    QTest::addColumn<JobState>("state");
    QTest::newRow("INIT") << fixture("job-init.json") << QStringLiteral("INIT") << JobState::InProgress;
    QTest::newRow("COMPLETE") << fixture("job-complete.json") << QStringLiteral("COMPLETE")
                              << JobState::Succeeded;
    QTest::newRow("FAIL") << fixture("job-fail.json") << QStringLiteral("FAIL") << JobState::Failed;
    QTest::newRow("unknown") << fixture("job-unknown-status.json")
                             << QStringLiteral("PAUSED_FOR_REVIEW") << JobState::InProgress;
}

void TestWorkspaceJson::jobStatesFollowTheSafeRule()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, status);
    QFETCH(JobState, state);
    QString error;
    const std::optional<Job> job = WorkspaceJson::parseJob(body, &error);
    QVERIFY2(job, qPrintable(error));
    QCOMPARE(job->status, status); // the raw value is kept for display
    QCOMPARE(job->state(), state);
}

void TestWorkspaceJson::jobWithSubJobs()
{
    QString error;
    const std::optional<Job> job = WorkspaceJson::parseJob(fixture("job-complete.json"), &error);
    QVERIFY2(job, qPrintable(error));
    QCOMPARE(job->id, QStringLiteral("job-7f3a"));
    QCOMPARE(job->jobType, QStringLiteral("deleteDesktops"));
    QCOMPARE(job->subJobsTotal, 2);
    QCOMPARE(job->beginTime, QDateTime(QDate(2026, 11, 28), QTime(8, 15), QTimeZone::utc()));
    QCOMPARE(job->endTime, QDateTime(QDate(2026, 11, 28), QTime(8, 17, 30, 250), QTimeZone::utc()));
    QCOMPARE(job->subJobs.size(), 2);
    const SubJob &ok = job->subJobs.at(0);
    QCOMPARE(ok.desktopId, QStringLiteral("d-0001"));
    QCOMPARE(ok.desktopName, QStringLiteral("ws-alice"));
    QCOMPARE(ok.userName, QStringLiteral("alice"));
    QCOMPARE(ok.state(), JobState::Succeeded);
    QCOMPARE(ok.process, 100);
    QCOMPARE(ok.beginTime, QDateTime(QDate(2026, 11, 28), QTime(8, 15, 2), QTimeZone::utc()));
    QCOMPARE(ok.endTime, QDateTime(QDate(2026, 11, 28), QTime(8, 16, 40), QTimeZone::utc()));
    const SubJob &failed = job->subJobs.at(1);
    QCOMPARE(failed.state(), JobState::Failed);
    QCOMPARE(failed.errorCode, QStringLiteral("WKS.0114"));
    QCOMPARE(failed.failReason, QStringLiteral("yearly/monthly desktops must be unsubscribed"));
    QCOMPARE(failed.process, 40); // sent as a string

    const std::optional<Job> failedJob = WorkspaceJson::parseJob(fixture("job-fail.json"), &error);
    QVERIFY(failedJob);
    QCOMPARE(failedJob->jobErrorCode, QStringLiteral("WKS.0500"));
    QCOMPARE(failedJob->failReason, QStringLiteral("internal error"));
}

void TestWorkspaceJson::jobWithSubJobsNotAnArrayIsRefused()
{
    QString error;
    QVERIFY(!WorkspaceJson::parseJob(fixture("job-sub-jobs-not-array.json"), &error));
    QVERIFY2(error.contains(QLatin1String("sub_jobs")), qPrintable(error));
    QVERIFY(!WorkspaceJson::parseJob(QByteArrayLiteral("{\"unrelated\": true}"), &error));
    QVERIFY(!WorkspaceJson::parseJob(fixture("proxy-error.html"), &error));
}

void TestWorkspaceJson::subJobPageClampsProgressAndReadsZones()
{
    QString error;
    const std::optional<SubJobPage> page =
        WorkspaceJson::parseSubJobPage(fixture("sub-jobs-page.json"), &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->totalCount, 3);
    QCOMPARE(page->jobs.size(), 3);
    QCOMPARE(page->jobs.at(0).state(), JobState::InProgress); // WAITING
    QCOMPARE(page->jobs.at(1).state(), JobState::InProgress); // RUNNING
    QCOMPARE(page->jobs.at(1).process, 100);                  // 250 clamped
    QCOMPARE(page->jobs.at(2).state(), JobState::Succeeded);
    QCOMPARE(page->jobs.at(2).desktopId, QStringLiteral("d-3"));
    QCOMPARE(page->jobs.at(2).beginTime.toUTC(),
             QDateTime(QDate(2026, 11, 28), QTime(0, 15), QTimeZone::utc()));

    QVERIFY(!WorkspaceJson::parseSubJobPage(QByteArrayLiteral("{\"jobs\": [1]}"), &error));
    QVERIFY(!WorkspaceJson::parseSubJobPage(fixture("desktops-truncated.json"), &error));
}

void TestWorkspaceJson::subJobPageWithoutJobsIsReadAsADesktopPageWithoutDesktops_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("read");
    QTest::addColumn<int>("total");
    QTest::newRow("total without list") << QByteArrayLiteral("{\"total_count\": 0}") << true << 0;
    QTest::newRow("total, list missing") << QByteArrayLiteral("{\"total_count\": 1}") << true << 1;
    QTest::newRow("null list") << QByteArrayLiteral("{\"total_count\": 0, \"jobs\": null}") << true << 0;
    QTest::newRow("neither") << QByteArrayLiteral("{\"unrelated\": true}") << false << 0;
    QTest::newRow("not an array") << QByteArrayLiteral("{\"total_count\": 0, \"jobs\": {}}") << false << 0;
}

void TestWorkspaceJson::subJobPageWithoutJobsIsReadAsADesktopPageWithoutDesktops()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, read);
    QFETCH(int, total);
    // The same answer with "desktops" in place of "jobs" is read, or refused, alike.
    QByteArray desktopsBody = body;
    desktopsBody.replace("\"jobs\"", "\"desktops\"");
    QString error;
    const std::optional<SubJobPage> page = WorkspaceJson::parseSubJobPage(body, &error);
    const std::optional<DesktopPage> desktops = WorkspaceJson::parseDesktopPage(desktopsBody, &error);
    QCOMPARE(page.has_value(), read);
    QCOMPARE(desktops.has_value(), read);
    if (read) {
        QVERIFY(page->jobs.isEmpty());
        QCOMPARE(page->totalCount, total);
        QCOMPARE(desktops->totalCount, total);
    }
    if (read)
        QVERIFY(WorkspaceJson::parseSubJobPage(fixture("sub-jobs-without-jobs.json"), &error));
}

void TestWorkspaceJson::subJobDesktopNameFromEntitiesThenTheTopLevel()
{
    QString error;
    const std::optional<SubJobPage> page =
        WorkspaceJson::parseSubJobPage(fixture("sub-jobs-top-level-desktop-name.json"), &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->jobs.size(), 2);
    QCOMPARE(page->jobs.at(0).desktopName, QStringLiteral("OLD-NAME-01")); // older answers
    QCOMPARE(page->jobs.at(1).desktopName, QStringLiteral("NEW-NAME-02")); // entities first
}

void TestWorkspaceJson::errorBodies_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("encodedAuthorization");
    QTest::addColumn<QString>("requestId");
    QTest::addColumn<bool>("keepsExcerpt");

    QTest::newRow("error_code/error_msg")
        << 400 << fixture("error-standard.json") << QStringLiteral("WKS.0001")
        << QStringLiteral("Invalid parameter: desktop_ids.")
        << QStringLiteral("desktop_ids[3] is not a valid id") << QString() << QString() << false;
    QTest::newRow("403 with encoded authorization message")
        << 403 << fixture("error-forbidden.json") << QStringLiteral("WKS.0403")
        << QStringLiteral("Policy doesn't allow workspace:desktops:batchDelete to be performed.")
        << QString() << QStringLiteral("4vlObUvrPr5AoZ7lz5KD1e4TcQo") << QString() << false;
    QTest::newRow("code/message")
        << 429 << fixture("error-code-message.json") << QStringLiteral("APIGW.0308")
        << QStringLiteral("The throttling threshold has been reached: policy user over ratelimit, "
                          "limit:100, time:1 minute")
        << QString() << QString() << QString() << false;
    QTest::newRow("IAM nested")
        << 401 << fixture("error-iam-nested.json") << QStringLiteral("APIG.0301")
        << QStringLiteral("Incorrect IAM authentication information: verify aksk signature fail")
        << QString() << QString() << QStringLiteral("iam-body-request-id") << false;
    QTest::newRow("not found as 500")
        << 500 << fixture("error-not-found-500.json") << QStringLiteral("WKS.0202")
        << QStringLiteral("The resource is not found.") << QString() << QString() << QString() << false;
    QTest::newRow("unknown JSON shape")
        << 500 << fixture("error-unknown-shape.json") << QString() << QString() << QString()
        << QString() << QString() << true;
    QTest::newRow("truncated JSON") << 502 << fixture("desktops-truncated.json") << QString()
                                    << QString() << QString() << QString() << QString() << true;
    QTest::newRow("empty body") << 404 << QByteArray() << QString() << QString() << QString()
                                << QString() << QString() << false;
}

void TestWorkspaceJson::errorBodies()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(QString, detail);
    QFETCH(QString, encodedAuthorization);
    QFETCH(QString, requestId);
    QFETCH(bool, keepsExcerpt);

    const ApiError error = WorkspaceJson::parseErrorBody(status, body);
    QCOMPARE(error.kind, ApiError::Kind::Http);
    QCOMPARE(error.httpStatus, status);
    QCOMPARE(error.errorCode, code);
    QCOMPARE(error.errorMessage, message);
    QCOMPARE(error.errorDetail, detail);
    QCOMPARE(error.encodedAuthorizationMessage, encodedAuthorization);
    QCOMPARE(error.requestId, requestId);
    QCOMPARE(!error.bodyExcerpt.isEmpty(), keepsExcerpt);
    if (keepsExcerpt)
        QVERIFY(body.startsWith(error.bodyExcerpt));
    const QString summary = error.summary();
    QVERIFY2(summary.contains(QString::number(status)), qPrintable(summary));
    if (!code.isEmpty())
        QVERIFY2(summary.contains(code), qPrintable(summary));
    if (!message.isEmpty())
        QVERIFY2(summary.contains(message), qPrintable(summary));
}

void TestWorkspaceJson::htmlErrorPageIsShownByItsTitle()
{
    const QByteArray page = fixture("proxy-error.html");
    const ApiError error = WorkspaceJson::parseErrorBody(502, page);
    QCOMPARE(error.kind, ApiError::Kind::Http);
    QVERIFY(error.errorCode.isEmpty());
    QCOMPARE(error.bodyExcerpt, page); // short pages are kept whole
    const QString summary = error.summary();
    QVERIFY2(summary.contains(QLatin1String("502 Bad Gateway")), qPrintable(summary));
    QVERIFY2(!summary.contains(QLatin1Char('<')), qPrintable(summary));
    QVERIFY(error.isAmbiguous()); // a gateway error: the request may have arrived

    const ApiError untitled = WorkspaceJson::parseErrorBody(
        503, QByteArrayLiteral("<html><body><p>Service <b>down</b></p></body></html>"));
    QCOMPARE(untitled.summary().contains(QLatin1String("Service down")), true);
}

void TestWorkspaceJson::batchDeleteBodyIsCompactAndStable()
{
    BatchDeleteOptions options;
    QCOMPARE(WorkspaceJson::batchDeleteBody({QStringLiteral("d-1"), QStringLiteral("d-2")}, options),
             QByteArrayLiteral("{\"delete_users\":false,\"desktop_ids\":[\"d-1\",\"d-2\"],"
                               "\"email_notification\":true,\"is_force_delete\":false}"));
    options.deleteUsers = true;
    options.emailNotification = false;
    options.forceDelete = true;
    const QJsonObject body =
        QJsonDocument::fromJson(WorkspaceJson::batchDeleteBody({QStringLiteral("d-9")}, options))
            .object();
    QCOMPARE(body.value(QLatin1String("delete_users")).toBool(), true);
    QCOMPARE(body.value(QLatin1String("email_notification")).toBool(), false);
    QCOMPARE(body.value(QLatin1String("is_force_delete")).toBool(), true);
}

void TestWorkspaceJson::timestamps_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime base(QDate(2026, 11, 28), QTime(8, 15, 0), QTimeZone::utc());
    QTest::newRow("zulu") << QStringLiteral("2026-11-28T08:15:00Z") << base;
    QTest::newRow("fraction") << QStringLiteral("2026-11-28T08:15:00.123Z") << base.addMSecs(123);
    QTest::newRow("offset") << QStringLiteral("2026-11-28T16:15:00+08:00") << base;
    QTest::newRow("no zone is UTC") << QStringLiteral("2026-11-28T08:15:00") << base;
    QTest::newRow("space separator") << QStringLiteral("2026-11-28 08:15:00") << base;
    QTest::newRow("end of day") << QStringLiteral("2026-11-27T24:00:00Z") << base.addSecs(-(8 * 3600 + 15 * 60));
    QTest::newRow("no such day") << QStringLiteral("2026-02-30T08:15:00Z") << QDateTime();
    QTest::newRow("not digits") << QStringLiteral("2026-11-28T08:1x:00Z") << QDateTime();
    QTest::newRow("fraction of two digits") << QStringLiteral("2026-11-28T08:15:00.12Z") << base.addMSecs(120);
    QTest::newRow("empty") << QString() << QDateTime();
    QTest::newRow("garbage") << QStringLiteral("yesterday") << QDateTime();
}

void TestWorkspaceJson::timestamps()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const QDateTime parsed = WorkspaceJson::parseTimestamp(text);
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid())
        QCOMPARE(parsed.toUTC(), expected);
}

void TestWorkspaceJson::billingFromEveryFieldInOrder_data()
{
    QTest::addColumn<QString>("desktopId");
    QTest::addColumn<BillingMode>("billing");
    // product.charge_mode, then a non-empty order_id, then metadata.charging_mode (coded the other
    // way round), else unknown.
    QTest::newRow("the published example: metadata contradicts product and order")
        << "published-example" << BillingMode::YearlyMonthly;
    QTest::newRow("product 1") << "product-pay-per-use" << BillingMode::PayPerUse;
    QTest::newRow("product 0") << "product-yearly" << BillingMode::YearlyMonthly;
    QTest::newRow("product before metadata") << "product-wins-over-metadata" << BillingMode::PayPerUse;
    QTest::newRow("product before order") << "product-wins-over-order" << BillingMode::PayPerUse;
    QTest::newRow("order only") << "order-only" << BillingMode::YearlyMonthly;
    QTest::newRow("empty order, metadata 0") << "empty-order-then-metadata" << BillingMode::PayPerUse;
    QTest::newRow("metadata 1") << "metadata-yearly" << BillingMode::YearlyMonthly;
    QTest::newRow("product without charge_mode, metadata 0") << "metadata-pay-per-use" << BillingMode::PayPerUse;
    QTest::newRow("undocumented values tell nothing") << "unknown-values" << BillingMode::Unknown;
    QTest::newRow("nothing tells: unknown, not pay-per-use") << "nothing-tells" << BillingMode::Unknown;
    QTest::newRow("a number for the code") << "numbers-for-codes" << BillingMode::YearlyMonthly;
}

void TestWorkspaceJson::billingFromEveryFieldInOrder()
{
    QFETCH(QString, desktopId);
    QFETCH(BillingMode, billing);
    const QByteArray body = fixture("desktops-billing-and-addresses.json");
    QString error;
    // Both readers: the listing's (simdjson) and Qt's (details view, fallback).
    for (const std::optional<DesktopPage> &page :
         {WorkspaceJson::parseDesktopPage(body, &error), WorkspaceJson::parseDesktopPageWithQt(body, &error)}) {
        QVERIFY2(page, qPrintable(error));
        const auto desktop = std::find_if(page->desktops.cbegin(), page->desktops.cend(),
                                          [&](const Desktop &d) { return d.id == desktopId; });
        QVERIFY(desktop != page->desktops.cend());
        QCOMPARE(desktop->billingMode, billing);
    }
}

void TestWorkspaceJson::addressesInBothShapes()
{
    const QByteArray body = fixture("desktops-billing-and-addresses.json");
    QString error;
    for (const std::optional<DesktopPage> &page :
         {WorkspaceJson::parseDesktopPage(body, &error), WorkspaceJson::parseDesktopPageWithQt(body, &error)}) {
        QVERIFY2(page, qPrintable(error));
        QHash<QString, QStringList> addresses;
        for (const Desktop &desktop : page->desktops)
            addresses.insert(desktop.id, desktop.ipAddresses);
        // The published example's array, version as a string.
        QCOMPARE(addresses.value(QStringLiteral("published-example")), QStringList{QStringLiteral("192.168.1.10")});
        // The SDK's map of networks, in the order of the networks' names.
        QCOMPARE(addresses.value(QStringLiteral("product-pay-per-use")),
                 (QStringList{QStringLiteral("10.0.1.1"), QStringLiteral("fd00::1"), QStringLiteral("10.0.2.1")}));
        // ip_addresses, when present, is the source.
        QCOMPARE(addresses.value(QStringLiteral("nothing-tells")), QStringList{QStringLiteral("10.9.9.9")});
        // Entries without a textual addr are skipped.
        QVERIFY(addresses.value(QStringLiteral("numbers-for-codes")).isEmpty());
    }
}

void TestWorkspaceJson::subJobTimesWithoutZoneAreUtc()
{
    QString error;
    const std::optional<SubJobPage> page =
        WorkspaceJson::parseSubJobPage(fixture("sub-jobs-space-separated-times.json"), &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->jobs.size(), 2);
    const SubJob &done = page->jobs.at(0);
    QCOMPARE(done.beginTime, QDateTime(QDate(2020, 4, 10), QTime(6, 45, 14), QTimeZone::utc()));
    QCOMPARE(done.endTime, QDateTime(QDate(2020, 4, 10), QTime(6, 47, 1), QTimeZone::utc()));
    QCOMPARE(done.jobType, QStringLiteral("deleteDesktops"));
    QCOMPARE(done.desktopName, QStringLiteral("desktop-01"));
    QCOMPARE(done.userName, QStringLiteral("user01"));
    const SubJob &failed = page->jobs.at(1);
    QVERIFY(!failed.endTime.isValid());
    // The name comes from entities only; the removed top-level fields are not read.
    QCOMPARE(failed.desktopName, QStringLiteral("desktop-02"));
    QCOMPARE(failed.failReason, QStringLiteral("Operation conflict."));
    QCOMPARE(failed.errorCode, QStringLiteral("WKS.00010032"));
}

void TestWorkspaceJson::billingSurvivesDesktopToJson()
{
    for (const BillingMode mode : {BillingMode::PayPerUse, BillingMode::YearlyMonthly, BillingMode::Unknown}) {
        Desktop desktop;
        desktop.id = QStringLiteral("d-1");
        desktop.billingMode = mode;
        QCOMPARE(WorkspaceJson::desktopFromJson(WorkspaceJson::desktopToJson(desktop)).billingMode, mode);
    }
}

void TestWorkspaceJson::maintenanceModeAndPoolInBothReaders()
{
    const QByteArray body = fixture("desktops-maintenance-and-pools.json");
    QString error;
    for (const std::optional<DesktopPage> &page :
         {WorkspaceJson::parseDesktopPage(body, &error), WorkspaceJson::parseDesktopPageWithQt(body, &error)}) {
        QVERIFY2(page, qPrintable(error));
        QCOMPARE(page->desktops.size(), 5);
        QHash<QString, Desktop> byId;
        for (const Desktop &desktop : page->desktops)
            byId.insert(desktop.id, desktop);
        QVERIFY(byId.value(QStringLiteral("in-maintenance-in-pool")).inMaintenanceMode);
        QCOMPARE(byId.value(QStringLiteral("in-maintenance-in-pool")).poolId, QStringLiteral("pool-dev"));
        QVERIFY(!byId.value(QStringLiteral("not-in-maintenance")).inMaintenanceMode);
        QVERIFY(byId.value(QStringLiteral("not-in-maintenance")).poolId.isEmpty());
        QVERIFY(!byId.value(QStringLiteral("fields-missing")).inMaintenanceMode);
        QVERIFY(byId.value(QStringLiteral("fields-missing")).poolId.isEmpty());
        // Documented as a boolean: a text or a number does not put a desktop in maintenance.
        QVERIFY(!byId.value(QStringLiteral("text-for-the-boolean")).inMaintenanceMode);
        QVERIFY(byId.value(QStringLiteral("text-for-the-boolean")).poolId.isEmpty());
        // A key given twice counts with its last value.
        QVERIFY(byId.value(QStringLiteral("number-for-the-boolean")).inMaintenanceMode);
        QCOMPARE(byId.value(QStringLiteral("number-for-the-boolean")).poolId, QStringLiteral("pool-ops"));
    }
}

void TestWorkspaceJson::maintenanceModeAndPoolSurviveDesktopToJson()
{
    Desktop desktop;
    desktop.id = QStringLiteral("d-1");
    desktop.poolId = QStringLiteral("pool-dev");
    desktop.inMaintenanceMode = true;
    const Desktop copy = WorkspaceJson::desktopFromJson(WorkspaceJson::desktopToJson(desktop));
    QCOMPARE(copy.poolId, desktop.poolId);
    QVERIFY(copy.inMaintenanceMode);
    desktop.inMaintenanceMode = false;
    QVERIFY(!WorkspaceJson::desktopFromJson(WorkspaceJson::desktopToJson(desktop)).inMaintenanceMode);
}

QTEST_GUILESS_MAIN(TestWorkspaceJson)
#include "tst_workspacejson.moc"
