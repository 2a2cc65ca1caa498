// Which retiring desktops may be deleted: every sign must say nobody wants the desktop back, and
// evidence that is not complete keeps it (unknown is never unused).
#include "api/retirementcalls.h"
#include "decommission/duedeletion.h"
#include "fakeclient.h"
#include "fakenetworkaccessmanager.h"

#include <QSignalSpy>

#include <QTest>
#include <QTimeZone>

namespace {
const QDate kToday(2027, 1, 10);

DueDeletion::Candidate dueCandidate(const QString& id = QStringLiteral("d-1"))
{
    DueDeletion::Candidate candidate;
    candidate.desktopId = id;
    candidate.name = QStringLiteral("WKS-") + id;
    candidate.sid = QStringLiteral("sid-") + id;
    candidate.retirement
        = Retirement::stateOf({ { Retirement::retiredOnKey(), QStringLiteral("2026-12-07") },
            { Retirement::retireAfterKey(), QStringLiteral("2027-01-06") } });
    candidate.inMaintenanceMode = true;
    candidate.status = QStringLiteral("SHUTOFF");
    return candidate;
}

DueDeletion::LogInEvidence evidence(QList<LoginRecord> records = {})
{
    return DueDeletion::LogInEvidence { true, {}, std::move(records) };
}

LoginRecord record(const QString& sid, const QString& computer, const QDateTime& start)
{
    return LoginRecord { QStringLiteral("alice"), computer, sid, QStringLiteral("WI"), start, {} };
}

QDateTime utc(int year, int month, int day, int hour = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, 0), QTimeZone::utc());
}
} // namespace

class TestDueDeletion : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void anUnusedDueDesktopIsDeleted();
    void everySignKeepsIt_data();
    void everySignKeepsIt();
    void aLogInSinceTheRetirementKeepsIt_data();
    void aLogInSinceTheRetirementKeepsIt();
    void incompleteEvidenceMeansUseUnknown();
    void evidenceStartsAtTheEarliestRetirement();
    void handTaggedDesktopsLookThirtyDaysBack();
    void evidenceFromTheLogInListing_data();
    void evidenceFromTheLogInListing();
};

void TestDueDeletion::anUnusedDueDesktopIsDeleted()
{
    const QList<DueDeletion::Judgement> judgements = DueDeletion::judge({ dueCandidate() },
        evidence(
            { record(QStringLiteral("sid-other"), QStringLiteral("WKS-x"), utc(2026, 12, 20)) }),
        kToday);
    QCOMPARE(judgements.size(), 1);
    QCOMPARE(judgements.first().verdict, DueDeletion::Verdict::Delete);
    QVERIFY(judgements.first().reason.isEmpty());
}

void TestDueDeletion::everySignKeepsIt_data()
{
    QTest::addColumn<DueDeletion::Candidate>("candidate");
    QTest::addColumn<DueDeletion::Verdict>("verdict");

    DueDeletion::Candidate notRetiring = dueCandidate();
    notRetiring.retirement = Retirement::State {};
    QTest::newRow("not retiring") << notRetiring << DueDeletion::Verdict::NotRetiring;

    DueDeletion::Candidate unreadable = dueCandidate();
    unreadable.retirement
        = Retirement::stateOf({ { Retirement::retireAfterKey(), QStringLiteral("next week") } });
    QTest::newRow("date unreadable") << unreadable << DueDeletion::Verdict::DateUnreadable;

    DueDeletion::Candidate early = dueCandidate();
    early.retirement
        = Retirement::stateOf({ { Retirement::retireAfterKey(), QStringLiteral("2027-01-11") } });
    QTest::newRow("not due yet") << early << DueDeletion::Verdict::NotDueYet;

    DueDeletion::Candidate outOfMaintenance = dueCandidate();
    outOfMaintenance.inMaintenanceMode = false;
    QTest::newRow("taken out of maintenance")
        << outOfMaintenance << DueDeletion::Verdict::NotInMaintenance;

    DueDeletion::Candidate started = dueCandidate();
    started.status = QStringLiteral("ACTIVE");
    QTest::newRow("started again") << started << DueDeletion::Verdict::NotStopped;

    DueDeletion::Candidate connected = dueCandidate();
    connected.userConnected = true;
    QTest::newRow("user connected") << connected << DueDeletion::Verdict::UserConnected;
}

void TestDueDeletion::everySignKeepsIt()
{
    QFETCH(DueDeletion::Candidate, candidate);
    QFETCH(DueDeletion::Verdict, verdict);
    const DueDeletion::Judgement judgement
        = DueDeletion::judge({ candidate }, evidence(), kToday).first();
    QCOMPARE(judgement.verdict, verdict);
    QVERIFY(!judgement.reason.isEmpty());
}

void TestDueDeletion::aLogInSinceTheRetirementKeepsIt_data()
{
    QTest::addColumn<LoginRecord>("login");
    QTest::addColumn<bool>("kept");
    QTest::newRow("by sid, after")
        << record(QStringLiteral("sid-d-1"), QString(), utc(2026, 12, 20)) << true;
    QTest::newRow("by computer name, after")
        << record(QString(), QStringLiteral("wks-d-1"), utc(2027, 1, 2)) << true;
    QTest::newRow("a start without time")
        << record(QStringLiteral("sid-d-1"), QString(), QDateTime()) << true;
    QTest::newRow("on the retirement day")
        << record(QStringLiteral("sid-d-1"), QString(), utc(2026, 12, 7, 15)) << false;
    QTest::newRow("before the retirement")
        << record(QStringLiteral("sid-d-1"), QString(), utc(2026, 12, 1)) << false;
    // The sid decides where both sides have one: a reused computer name is another desktop.
    QTest::newRow("same name, other sid")
        << record(QStringLiteral("sid-old"), QStringLiteral("WKS-d-1"), utc(2026, 12, 20)) << false;
}

void TestDueDeletion::aLogInSinceTheRetirementKeepsIt()
{
    QFETCH(LoginRecord, login);
    QFETCH(bool, kept);
    const DueDeletion::Judgement judgement
        = DueDeletion::judge({ dueCandidate() }, evidence({ login }), kToday).first();
    QCOMPARE(judgement.verdict == DueDeletion::Verdict::LoggedInSinceRetirement, kept);
    if (kept && login.connectionStart.isValid())
        QCOMPARE(judgement.lastLogIn, login.connectionStart);
}

void TestDueDeletion::incompleteEvidenceMeansUseUnknown()
{
    DueDeletion::LogInEvidence partial { false, QStringLiteral("HTTP 403 WKS.0002"), {} };
    const DueDeletion::Judgement judgement
        = DueDeletion::judge({ dueCandidate() }, partial, kToday).first();
    QCOMPARE(judgement.verdict, DueDeletion::Verdict::UseUnknown);
    QVERIFY2(judgement.reason.contains(QStringLiteral("WKS.0002")), qPrintable(judgement.reason));
}

void TestDueDeletion::evidenceStartsAtTheEarliestRetirement()
{
    DueDeletion::Candidate later = dueCandidate(QStringLiteral("d-2"));
    later.retirement
        = Retirement::stateOf({ { Retirement::retiredOnKey(), QStringLiteral("2026-12-20") },
            { Retirement::retireAfterKey(), QStringLiteral("2027-01-06") } });
    DueDeletion::Candidate unreadable = dueCandidate(QStringLiteral("d-3"));
    unreadable.retirement
        = Retirement::stateOf({ { Retirement::retireAfterKey(), QStringLiteral("x") } });
    QCOMPARE(DueDeletion::evidenceStart({ later, dueCandidate(), unreadable }), utc(2026, 12, 7));
    QVERIFY(!DueDeletion::evidenceStart({ unreadable }).isValid());
}

void TestDueDeletion::handTaggedDesktopsLookThirtyDaysBack()
{
    DueDeletion::Candidate byHand = dueCandidate();
    byHand.retirement
        = Retirement::stateOf({ { Retirement::retireAfterKey(), QStringLiteral("2027-01-06") } });
    QCOMPARE(DueDeletion::useCountsFrom(byHand.retirement), utc(2026, 12, 7));
    const DueDeletion::Judgement judgement = DueDeletion::judge({ byHand },
        evidence({ record(QStringLiteral("sid-d-1"), QString(), utc(2026, 12, 7, 9)) }), kToday)
                                                 .first();
    QCOMPARE(judgement.verdict, DueDeletion::Verdict::LoggedInSinceRetirement);
}

void TestDueDeletion::evidenceFromTheLogInListing_data()
{
    QTest::addColumn<FakeResponse>("answer");
    QTest::addColumn<bool>("complete");
    QTest::addColumn<QString>("reasonPart");
    QTest::newRow("complete") << FakeResponse::json(
        200, QByteArrayLiteral("{\"total_count\":0,\"records\":[]}"))
                              << true << QString();
    QTest::newRow("no permission") << FakeResponse::json(
        403, QByteArrayLiteral("{\"error_code\":\"WKS.0002\",\"error_msg\":\"denied\"}"))
                                   << false << QStringLiteral("WKS.0002");
    QTest::newRow("fewer than announced") << FakeResponse::json(
        200, QByteArrayLiteral("{\"total_count\":5,\"records\":[{\"sid\":\"s\"}]}"))
                                          << false << QString();
}

void TestDueDeletion::evidenceFromTheLogInListing()
{
    QFETCH(FakeResponse, answer);
    QFETCH(bool, complete);
    QFETCH(QString, reasonPart);
    FakeNetworkAccessManager network([answer](const RecordedRequest&) { return answer; });
    ClientConfig config;
    config.endpoint = QUrl(QStringLiteral("https://workspace.cn-north-4.myhuaweicloud.com"));
    config.projectId = QStringLiteral("proj-1");
    config.retry.maxAttempts = 1;
    auto client = clientFor(
        &network, config, Credentials { QStringLiteral("AK"), QStringLiteral("SK"), {} });
    ListAllLoginRecordsCall listing(
        client.get(), LoginRecordQuery { utc(2026, 12, 7), utc(2027, 1, 10), {}, {} });
    QSignalSpy finished(&listing, &PagedListingCall::finished);
    listing.start();
    QVERIFY(finished.wait(5000));
    const DueDeletion::LogInEvidence evidence = DueDeletion::evidenceFrom(listing);
    QCOMPARE(evidence.complete, complete);
    QCOMPARE(evidence.incompleteReason.isEmpty(), complete);
    QVERIFY2(evidence.incompleteReason.contains(reasonPart), qPrintable(evidence.incompleteReason));
    if (!complete)
        QCOMPARE(DueDeletion::judge({ dueCandidate() }, evidence, kToday).first().verdict,
            DueDeletion::Verdict::UseUnknown);
}

QTEST_GUILESS_MAIN(TestDueDeletion)
#include "tst_duedeletion.moc"
