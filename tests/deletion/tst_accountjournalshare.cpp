// Which of the journal's jobs and unknown intents a connection to every region follows, and where:
// those of the account's projects, each with its region and endpoint; the others are named.
#include "deletion/jobjournal.h"
#include "deletion/journalfollower.h"

#include <QTemporaryDir>
#include <QTest>

namespace {
WorkspaceProject project(const QString& region, const QString& name, const QString& id)
{
    return { region, name, id,
        QUrl(QStringLiteral("https://workspace.%1.example.com:8443").arg(region)) };
}

JournalEntry entry(const QString& jobId, const QString& projectId, const QString& region)
{
    JournalEntry entry;
    entry.jobId = jobId;
    entry.projectId = projectId;
    entry.region = region;
    entry.desktopIds = { jobId + QStringLiteral("-desktop") };
    entry.submittedAt = QDateTime::currentDateTimeUtc();
    return entry;
}
} // namespace

class TestAccountJournalShare : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theAccountsProjectsAreFollowedTheOthersNamed();
    void nothingRecordedLeavesNothing();
    void aPlaceNamesRegionAndEndpoint();
};

void TestAccountJournalShare::theAccountsProjectsAreFollowedTheOthersNamed()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    JobJournal journal(JobJournal::defaultFilePath(dir.path()));
    QVERIFY(journal.load());
    QVERIFY(journal.add(entry(
        QStringLiteral("job-north-1"), QStringLiteral("north"), QStringLiteral("cn-north-4"))));
    QVERIFY(journal.add(entry(QStringLiteral("job-north-2"), QStringLiteral("north"), QString())));
    QVERIFY(journal.add(
        entry(QStringLiteral("job-gone"), QStringLiteral("gone"), QStringLiteral("la-north-2"))));
    RecordSettlement::OpenIntent asiaIntent;
    asiaIntent.projectId = QStringLiteral("asia-sub");
    RecordSettlement::OpenIntent unknownIntent;
    unknownIntent.projectId = QStringLiteral("nowhere");
    const QList<WorkspaceProject> account {
        project(
            QStringLiteral("cn-north-4"), QStringLiteral("cn-north-4"), QStringLiteral("north")),
        project(QStringLiteral("ap-southeast-3"), QStringLiteral("ap-southeast-3"),
            QStringLiteral("asia")),
        project(QStringLiteral("ap-southeast-3"), QStringLiteral("ap-southeast-3_ops"),
            QStringLiteral("asia-sub")),
    };

    const AccountJournalShare share
        = AccountJournalShare::of(journal, { asiaIntent, unknownIntent }, account);
    QCOMPARE(share.projects.size(), 2);
    QCOMPARE(share.projects.at(0).id, QStringLiteral("north"));
    QCOMPARE(share.projects.at(1).id, QStringLiteral("asia-sub"));
    QCOMPARE(share.jobCount, 2);
    // The region when the record names one, the project id when it does not.
    QCOMPARE(share.unreachable,
        (QStringList { QStringLiteral("la-north-2 (project gone)"), QStringLiteral("nowhere") }));
    QCOMPARE(share.unreachableCount, 2);
    const QString text = share.unreachableText();
    QVERIFY2(text.startsWith(QStringLiteral("2 unfinished"))
            && text.contains(QStringLiteral("la-north-2 (project gone)"))
            && text.contains(QStringLiteral("stay in the journal")),
        qPrintable(text));
}

void TestAccountJournalShare::nothingRecordedLeavesNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    JobJournal journal(JobJournal::defaultFilePath(dir.path()));
    QVERIFY(journal.load());
    const AccountJournalShare share = AccountJournalShare::of(journal, {},
        { project(
            QStringLiteral("cn-north-4"), QStringLiteral("cn-north-4"), QStringLiteral("north")) });
    QVERIFY(share.projects.isEmpty());
    QCOMPARE(share.jobCount, 0);
    QVERIFY(share.unreachable.isEmpty());
    QVERIFY(share.unreachableText().isEmpty());
}

void TestAccountJournalShare::aPlaceNamesRegionAndEndpoint()
{
    const DeletionContext place
        = AccountJournalShare::placeOf(project(QStringLiteral("ap-southeast-3"),
            QStringLiteral("ap-southeast-3"), QStringLiteral("asia")));
    QCOMPARE(place.projectId, QStringLiteral("asia"));
    QCOMPARE(place.region, QStringLiteral("ap-southeast-3"));
    QCOMPARE(place.endpointHost, QStringLiteral("workspace.ap-southeast-3.example.com:8443"));
}

QTEST_GUILESS_MAIN(TestAccountJournalShare)
#include "tst_accountjournalshare.moc"
