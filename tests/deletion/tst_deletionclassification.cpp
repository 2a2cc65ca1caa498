#include "deletion/deletionclassification.h"

#include <QTest>

namespace {
Desktop desktop(const QString &id, const QString &name = {})
{
    Desktop result;
    result.id = id;
    result.computerName = name.isEmpty() ? QStringLiteral("pc-") + id : name;
    result.status = QStringLiteral("ACTIVE");
    return result;
}

QHash<QString, Desktop> byId(const QList<Desktop> &desktops)
{
    QHash<QString, Desktop> result;
    for (const Desktop &desktop : desktops)
        result.insert(desktop.id, desktop);
    return result;
}

QStringList reasonsOf(const DeletionClassification &classification)
{
    QStringList result;
    for (const LeftOutDesktop &desktop : classification.leftOut)
        result.append(desktop.desktopId + QLatin1Char(':') + QString::number(int(desktop.reason)));
    return result;
}

QString entry(const QString &id, LeftOutReason reason)
{
    return id + QLatin1Char(':') + QString::number(int(reason));
}
} // namespace

class TestDeletionClassification : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyIdLandsInExactlyOnePlace();
    void eachReason_data();
    void eachReason();
    void ownRecordsComeBeforeTheService();
    void gonePassesOverUnknownOutcome();
    void describeNamesDesktopAndJob();
    void onlyRepeatedIdsLeaveNoWorkUndone();
};

void TestDeletionClassification::everyIdLandsInExactlyOnePlace()
{
    Desktop tagged = desktop(QStringLiteral("p"));
    tagged.tags = {{QStringLiteral("protected"), QStringLiteral("true")}};
    Desktop busy = desktop(QStringLiteral("b"));
    busy.taskStatus = QStringLiteral("Deleting");
    Desktop deletedInRegion = desktop(QStringLiteral("x"));
    deletedInRegion.status = QStringLiteral("DELETED");

    DeletionClassificationInput input;
    input.requestedIds = {QStringLiteral("a"), QStringLiteral("p"), QStringLiteral("a"), QStringLiteral("b"),
                          QStringLiteral("missing"), QStringLiteral("x"), QStringLiteral("c"),
                          QStringLiteral("j"), QStringLiteral("f"), QStringLiteral("u")};
    input.found = byId({desktop(QStringLiteral("a")), tagged, busy, deletedInRegion, desktop(QStringLiteral("c")),
                        desktop(QStringLiteral("j")), desktop(QStringLiteral("f")), desktop(QStringLiteral("u"))});
    input.protectedTags = {QStringLiteral("protected=true")};
    input.journalJobs = {{QStringLiteral("j"), QStringLiteral("job-1")}};
    input.inFlight = {QStringLiteral("f")};
    input.outcomeUnknown = {QStringLiteral("u")};

    const DeletionClassification result = DeletionClassifier::classify(input);
    QCOMPARE(result.deletableIds(), (QStringList{QStringLiteral("a"), QStringLiteral("c")}));
    QCOMPARE(result.deletableNames().value(QStringLiteral("c")), QStringLiteral("pc-c"));
    QCOMPARE(reasonsOf(result),
             (QStringList{entry(QStringLiteral("p"), LeftOutReason::Protected),
                          entry(QStringLiteral("a"), LeftOutReason::Duplicate),
                          entry(QStringLiteral("b"), LeftOutReason::BeingDeleted),
                          entry(QStringLiteral("missing"), LeftOutReason::NotFound),
                          entry(QStringLiteral("x"), LeftOutReason::NotFound),
                          entry(QStringLiteral("j"), LeftOutReason::InJournal),
                          entry(QStringLiteral("f"), LeftOutReason::InFlight),
                          entry(QStringLiteral("u"), LeftOutReason::OutcomeUnknown)}));
    QCOMPARE(result.deletable.size() + result.leftOut.size(), input.requestedIds.size());
    QCOMPARE(result.leftOut.at(5).jobId, QStringLiteral("job-1"));
    QCOMPARE(result.count(LeftOutReason::NotFound), 2);
}

void TestDeletionClassification::eachReason_data()
{
    QTest::addColumn<QString>("tagRule");
    QTest::addColumn<QString>("taskStatus");
    QTest::addColumn<bool>("found");
    QTest::addColumn<int>("expected"); // -1: deletable
    QTest::newRow("plain") << QString() << QString() << true << -1;
    QTest::newRow("key rule") << QStringLiteral("keep") << QString() << true << int(LeftOutReason::Protected);
    QTest::newRow("key=value rule") << QStringLiteral("keep=yes") << QString() << true
                                    << int(LeftOutReason::Protected);
    QTest::newRow("other value") << QStringLiteral("keep=no") << QString() << true << -1;
    QTest::newRow("deleting in any case") << QString() << QStringLiteral("DELETING") << true
                                          << int(LeftOutReason::BeingDeleted);
    QTest::newRow("other task") << QString() << QStringLiteral("rebooting") << true << -1;
    QTest::newRow("not listed") << QString() << QString() << false << int(LeftOutReason::NotFound);
}

void TestDeletionClassification::eachReason()
{
    QFETCH(QString, tagRule);
    QFETCH(QString, taskStatus);
    QFETCH(bool, found);
    QFETCH(int, expected);
    Desktop subject = desktop(QStringLiteral("d"));
    subject.tags = {{QStringLiteral("keep"), QStringLiteral("yes")}};
    subject.taskStatus = taskStatus;
    DeletionClassificationInput input;
    input.requestedIds = {QStringLiteral("d")};
    if (found)
        input.found = byId({subject});
    if (!tagRule.isEmpty())
        input.protectedTags = {tagRule};
    const DeletionClassification result = DeletionClassifier::classify(input);
    if (expected < 0) {
        QCOMPARE(result.deletableIds(), QStringList{QStringLiteral("d")});
        QVERIFY(result.leftOut.isEmpty());
    } else {
        QVERIFY(result.deletable.isEmpty());
        QCOMPARE(result.leftOut.size(), 1);
        QCOMPARE(int(result.leftOut.first().reason), expected);
    }
}

void TestDeletionClassification::ownRecordsComeBeforeTheService()
{
    // A desktop of an unfinished job is usually being deleted (or gone) on the service too: the
    // job is the more useful thing to name.
    Desktop busy = desktop(QStringLiteral("d"));
    busy.taskStatus = QStringLiteral("deleting");
    DeletionClassificationInput input;
    input.requestedIds = {QStringLiteral("d"), QStringLiteral("gone")};
    input.found = byId({busy});
    input.journalJobs = {{QStringLiteral("d"), QStringLiteral("job-9")}, {QStringLiteral("gone"), QStringLiteral("job-9")}};
    const DeletionClassification result = DeletionClassifier::classify(input);
    QCOMPARE(reasonsOf(result), (QStringList{entry(QStringLiteral("d"), LeftOutReason::InJournal),
                                             entry(QStringLiteral("gone"), LeftOutReason::InJournal)}));
}

void TestDeletionClassification::gonePassesOverUnknownOutcome()
{
    // Once the service no longer lists it, the earlier deletion's outcome is known after all.
    DeletionClassificationInput input;
    input.requestedIds = {QStringLiteral("u")};
    input.outcomeUnknown = {QStringLiteral("u")};
    const DeletionClassification result = DeletionClassifier::classify(input);
    QCOMPARE(reasonsOf(result), QStringList{entry(QStringLiteral("u"), LeftOutReason::NotFound)});
}

void TestDeletionClassification::describeNamesDesktopAndJob()
{
    LeftOutDesktop inJob;
    inJob.desktopId = QStringLiteral("d-1");
    inJob.desktopName = QStringLiteral("lab-01");
    inJob.reason = LeftOutReason::InJournal;
    inJob.jobId = QStringLiteral("job-7");
    LeftOutDesktop missing;
    missing.desktopId = QStringLiteral("3f2a9c1e-7b4d-4e8a-9f10-5c6d7e8f9a0b");
    missing.reason = LeftOutReason::NotFound;
    // Not an id at all: most likely a computer name, and the way to its id is named.
    LeftOutDesktop name;
    name.desktopId = QStringLiteral("WKS-DEV-00268");
    name.reason = LeftOutReason::NotFound;
    const QStringList lines = DeletionClassifier::describe({inJob, missing, name});
    QCOMPARE(lines.mid(0, 2), (QStringList{QStringLiteral("d-1 (lab-01): in the unfinished job job-7"),
                                           QStringLiteral("3f2a9c1e-7b4d-4e8a-9f10-5c6d7e8f9a0b: not found")}));
    QVERIFY2(lines.at(2).startsWith(QStringLiteral("WKS-DEV-00268: not found: ")), qPrintable(lines.at(2)));
    QVERIFY(lines.at(2).contains(QStringLiteral("list --name WKS-DEV-00268")));
}

void TestDeletionClassification::onlyRepeatedIdsLeaveNoWorkUndone()
{
    LeftOutDesktop repeated;
    repeated.desktopId = QStringLiteral("d-1");
    repeated.reason = LeftOutReason::Duplicate;
    LeftOutDesktop missing;
    missing.desktopId = QStringLiteral("d-2");
    missing.reason = LeftOutReason::NotFound;
    QVERIFY(!DeletionClassifier::leavesWorkUndone({}));
    QVERIFY(!DeletionClassifier::leavesWorkUndone({repeated, repeated}));
    QVERIFY(DeletionClassifier::leavesWorkUndone({repeated, missing}));
}

QTEST_GUILESS_MAIN(TestDeletionClassification)
#include "tst_deletionclassification.moc"
