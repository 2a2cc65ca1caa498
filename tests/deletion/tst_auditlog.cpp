#include "api/apierror.h"
#include "deletion/auditlog.h"
#include "deletion/recordsettlement.h"

#include <QDir>
#include <QtGlobal>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#if defined(Q_OS_UNIX)
#include <pwd.h>
#include <unistd.h>
#endif

class TestAuditLog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writesOneJsonObjectPerLine();
    void recordsFullPostError();
    void appendsAcrossInstancesWithoutRewriting();
    void tornLastLineDoesNotSwallowTheNext();
    void reportsUnwritableLocation();
    void unknownOutcomesAreKeptWithoutRereading();
    void osUserIsTheAccountOfTheProcess();
};

void TestAuditLog::writesOneJsonObjectPerLine()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    AuditLog log(AuditLog::defaultFilePath(dir.path()));
    log.setClock([] { return QDateTime(QDate(2026, 11, 28), QTime(8, 15), Qt::UTC); });
    DeletionContext context;
    context.profileName = QStringLiteral("prod");
    context.projectId = QStringLiteral("p1");
    context.endpointHost = QStringLiteral("workspace.cn-north-4.myhuaweicloud.com");
    context.osUser = QStringLiteral("alice");
    BatchDeleteOptions options;
    options.deleteUsers = true;
    const ChangeKind kind = ChangeKinds::batchDelete(options);
    QVERIFY(log.appendIntent(context, kind, QStringLiteral("run-1"), 0,
                             {{QStringLiteral("d1"), QStringLiteral("pc-1")}, {QStringLiteral("d2"), {}}}));
    QVERIFY(log.appendDone({kind.name, QStringLiteral("run-1"), 0, QStringLiteral("p1"), {}}, QStringLiteral("req-1"),
                           QStringLiteral("job-1")));

    QFile file(log.filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 3); // two lines, each ending with a newline
    QVERIFY(lines.last().isEmpty());

    const QList<QJsonObject> entries = AuditLog::readEntries(log.filePath());
    QCOMPARE(entries.size(), 2);
    const QJsonObject intent = entries.at(0);
    QCOMPARE(intent.value(QLatin1String("event")).toString(), QStringLiteral("intent"));
    QCOMPARE(intent.value(QLatin1String("kind")).toString(), QStringLiteral("delete"));
    QCOMPARE(intent.value(QLatin1String("target_type")).toString(), QStringLiteral("desktop"));
    QCOMPARE(intent.value(QLatin1String("schema")).toInt(), AuditLog::kSchemaVersion);
    QCOMPARE(intent.value(QLatin1String("time")).toString(), QStringLiteral("2026-11-28T08:15:00.000Z"));
    QCOMPARE(intent.value(QLatin1String("os_user")).toString(), QStringLiteral("alice"));
    QCOMPARE(intent.value(QLatin1String("profile")).toString(), QStringLiteral("prod"));
    QCOMPARE(intent.value(QLatin1String("project_id")).toString(), QStringLiteral("p1"));
    QCOMPARE(intent.value(QLatin1String("endpoint_host")).toString(),
             QStringLiteral("workspace.cn-north-4.myhuaweicloud.com"));
    const QJsonArray targets = intent.value(QLatin1String("targets")).toArray();
    QCOMPARE(targets.size(), 2);
    QCOMPARE(targets.at(0).toObject().value(QLatin1String("id")).toString(), QStringLiteral("d1"));
    QCOMPARE(targets.at(0).toObject().value(QLatin1String("name")).toString(), QStringLiteral("pc-1"));
    QCOMPARE(intent.value(QLatin1String("parameters")).toObject().value(QLatin1String("delete_users")).toBool(),
             true);
    QCOMPARE(entries.at(1).value(QLatin1String("event")).toString(), QStringLiteral("done"));
    QCOMPARE(entries.at(1).value(QLatin1String("kind")).toString(), QStringLiteral("delete"));
    QCOMPARE(entries.at(1).value(QLatin1String("job_id")).toString(), QStringLiteral("job-1"));
    QCOMPARE(entries.at(1).value(QLatin1String("request_id")).toString(), QStringLiteral("req-1"));
}

void TestAuditLog::recordsFullPostError()
{
    QTemporaryDir dir;
    AuditLog log(AuditLog::defaultFilePath(dir.path()));
    ApiError error;
    error.kind = ApiError::Kind::Http;
    error.httpStatus = 403;
    error.errorCode = QStringLiteral("WKS.0403");
    error.errorMessage = QStringLiteral("forbidden");
    error.errorDetail = QStringLiteral("no batchDelete permission");
    error.encodedAuthorizationMessage = QStringLiteral("ENCODED-xyz");
    error.requestId = QStringLiteral("req-9");
    QVERIFY(log.appendFailed({QStringLiteral("delete"), QStringLiteral("run"), 2, QStringLiteral("p1"), {}}, error));
    const QJsonObject entry = AuditLog::readEntries(log.filePath()).value(0);
    QCOMPARE(entry.value(QLatin1String("event")).toString(), QStringLiteral("failed"));
    QCOMPARE(entry.value(QLatin1String("http_status")).toInt(), 403);
    QCOMPARE(entry.value(QLatin1String("error_code")).toString(), QStringLiteral("WKS.0403"));
    QCOMPARE(entry.value(QLatin1String("error_msg")).toString(), QStringLiteral("forbidden"));
    QCOMPARE(entry.value(QLatin1String("error_detail")).toString(),
             QStringLiteral("no batchDelete permission"));
    QCOMPARE(entry.value(QLatin1String("encoded_authorization_message")).toString(),
             QStringLiteral("ENCODED-xyz"));
    QCOMPARE(entry.value(QLatin1String("request_id")).toString(), QStringLiteral("req-9"));
    QCOMPARE(entry.value(QLatin1String("chunk")).toInt(), 2);
}

void TestAuditLog::appendsAcrossInstancesWithoutRewriting()
{
    QTemporaryDir dir;
    const QString path = AuditLog::defaultFilePath(dir.path());
    {
        AuditLog first(path);
        QVERIFY(first.append(QStringLiteral("a"), {}));
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    file.close();
    AuditLog second(path);
    QVERIFY(second.append(QStringLiteral("b"), {}));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray after = file.readAll();
    QVERIFY(after.startsWith(before));
    QCOMPARE(AuditLog::readEntries(path).size(), 2);
}

void TestAuditLog::tornLastLineDoesNotSwallowTheNext()
{
    QTemporaryDir dir;
    const QString path = AuditLog::defaultFilePath(dir.path());
    AuditLog log(path);
    QVERIFY(log.append(QStringLiteral("first"), {}));
    {
        // What a kill -9 in the middle of a write leaves behind.
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Append));
        file.write(R"({"event":"torn","ti)");
    }
    QVERIFY(log.append(QStringLiteral("after"), {}));
    const QList<QJsonObject> entries = AuditLog::readEntries(path);
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).value(QLatin1String("event")).toString(), QStringLiteral("first"));
    QCOMPARE(entries.at(1).value(QLatin1String("event")).toString(), QStringLiteral("after"));
}

void TestAuditLog::reportsUnwritableLocation()
{
    QTemporaryDir dir;
    // A directory where the file should be: it cannot be opened for writing.
    const QString path = dir.filePath(QStringLiteral("audit.jsonl"));
    QVERIFY(QDir().mkpath(path));
    AuditLog log(path);
    QVERIFY(!log.append(QStringLiteral("x"), {}));
    QVERIFY(!log.lastError().isEmpty());
}

// The index of unknown outcomes is read from the file once and then follows the log's own appends:
// it agrees with a full replay of the file, and a file changed behind its back is not re-read.
void TestAuditLog::unknownOutcomesAreKeptWithoutRereading()
{
    QTemporaryDir dir;
    const QString path = AuditLog::defaultFilePath(dir.path());
    {
        AuditLog earlier(path);
        QVERIFY(earlier.appendOutcomeUnknown({QStringLiteral("delete"), QStringLiteral("run-0"), 0, QStringLiteral("p1"),
                                              {QStringLiteral("a1"), QStringLiteral("a2")}},
                                             QStringLiteral("killed"), QStringLiteral("app_ended")));
    }
    AuditLog log(path);
    QCOMPARE(log.unknownOutcomeDesktopIds(QStringLiteral("p1")),
             (QSet<QString>{QStringLiteral("a1"), QStringLiteral("a2")}));
    QVERIFY(log.appendOutcomeUnknown({QStringLiteral("delete"), QStringLiteral("run-1"), 0, QStringLiteral("p1"),
                                      {QStringLiteral("b1")}},
                                     QStringLiteral("no answer"), QStringLiteral("no_usable_answer")));
    // Another kind's unknown outcome is not a deletion's.
    QVERIFY(log.appendOutcomeUnknown({QStringLiteral("maintenance_on"), QStringLiteral("run-2"), 0,
                                      QStringLiteral("p1"), {QStringLiteral("c1")}},
                                     QStringLiteral("no answer"), QStringLiteral("no_usable_answer")));
    QCOMPARE(log.unknownOutcomeTargetIds(QStringLiteral("p1"), QStringLiteral("maintenance_on")),
             QSet<QString>{QStringLiteral("c1")});
    QVERIFY(log.appendOutcomeResolved(QStringLiteral("p1"), {QStringLiteral("a1")},
                                      QStringLiteral("gone")));
    const QSet<QString> expected{QStringLiteral("a2"), QStringLiteral("b1")};
    QCOMPARE(log.unknownOutcomeDesktopIds(QStringLiteral("p1")), expected);
    QCOMPARE(RecordSettlement::unknownOutcomeDesktopIds(path, QStringLiteral("p1")), expected);
    QVERIFY(log.unknownOutcomeDesktopIds(QStringLiteral("p2")).isEmpty());

    // Emptied behind its back: the index, not the file, answers.
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.close();
    QCOMPARE(log.unknownOutcomeDesktopIds(QStringLiteral("p1")), expected);
}

void TestAuditLog::osUserIsTheAccountOfTheProcess()
{
#if defined(Q_OS_UNIX)
    // Asked of the system, not of the environment nor the home folder's name.
    const passwd *entry = getpwuid(geteuid());
    QVERIFY(entry);
    const QString expected = QString::fromLocal8Bit(entry->pw_name);
    const QByteArray user = qgetenv("USER");
    const QByteArray logName = qgetenv("LOGNAME");
    qputenv("USER", "someone-else");
    qunsetenv("LOGNAME");
    const QString osUser = DeletionContext::currentOsUser();
    qputenv("USER", user);
    if (!logName.isEmpty())
        qputenv("LOGNAME", logName);
    QCOMPARE(osUser, expected);
    QCOMPARE(DeletionContext().osUser, expected);
#else
    QSKIP("The system's account name is read on Unix");
#endif
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
