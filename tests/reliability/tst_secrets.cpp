// The secret key and the security token never leave memory: not through Qt's message handler
// (every category at debug level), settings files, the audit log, the journal, CSV exports,
// request previews, error texts, nor the CLI's output and files.
#include "api/apicalls.h"
#include "api/apiclient.h"
#include "deletion/auditlog.h"
#include "deletion/deletionrun.h"
#include "deletion/deletionstore.h"
#include "deletion/jobjournal.h"
#include "secretscanner.h"
#include "settings/profilestore.h"
#include "simulatortestsupport.h"
#include "workspacesimulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSaveFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kAccessKey = QStringLiteral("SECRETSTESTAK000001");
// Distinctive, with characters that percent-encoding and base64 would change.
const QString kSecretKey = QStringLiteral("SK-never-leak-7f3a9c/+=Zq");
const QString kSecurityToken = QStringLiteral("TOKEN-never-leak-c41d8e/+=Wx");
const QString kWrongSecretKey = QStringLiteral("SK-wrong-but-secret-55e1b0");
constexpr int kWaitMs = 30000;

QMutex g_messagesMutex;
QByteArray g_messages;

void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    // The simulator's HTTP server (Qt's own) logs every request it receives, headers and all:
    // that is the far end of the wire, standing in for the cloud, not part of the app.
    if (qstrcmp(context.category, "qt.httpserver") == 0)
        return;
    const QMutexLocker lock(&g_messagesMutex);
    g_messages += QByteArray(context.category ? context.category : "") + ": " + message.toUtf8() + '\n';
}

// Every category at every level, whatever QT_LOGGING_RULES says: a secret in a debug line counts.
void enableEveryCategory(QLoggingCategory *category)
{
    for (QtMsgType type : {QtDebugMsg, QtInfoMsg, QtWarningMsg, QtCriticalMsg})
        category->setEnabled(type, true);
}

QByteArray capturedMessages()
{
    const QMutexLocker lock(&g_messagesMutex);
    return g_messages;
}
} // namespace

class TestSecrets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void scannerFindsPlantedSecrets();
    void fullDeletionLeavesNoSecretBehind();
    void cliLeavesNoSecretInOutputOrFiles();

private:
    QtMessageHandler m_previousHandler = nullptr;
    QLoggingCategory::CategoryFilter m_previousFilter = nullptr;
    QTemporaryDir m_dir;
    const SecretScanner m_scanner{{kSecretKey, kSecurityToken, kWrongSecretKey}};
};

void TestSecrets::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_previousFilter = QLoggingCategory::installFilter(enableEveryCategory);
    m_previousHandler = qInstallMessageHandler(captureMessage);
}

void TestSecrets::cleanupTestCase()
{
    qInstallMessageHandler(m_previousHandler);
    QLoggingCategory::installFilter(m_previousFilter);
}

// The control: the scanner does see a secret where there is one, in each form.
void TestSecrets::scannerFindsPlantedSecrets()
{
    QVERIFY(!m_scanner.findIn("x" + kSecretKey.toUtf8() + "x").isEmpty());
    QVERIFY(!m_scanner.findIn(QUrl::toPercentEncoding(kSecurityToken)).isEmpty());
    QVERIFY(!m_scanner.findIn(kWrongSecretKey.toUtf8().toBase64()).isEmpty());
    QVERIFY(m_scanner.findIn("nothing to see").isEmpty());
    QTemporaryDir planted;
    QFile file(planted.filePath(QStringLiteral("sub/.hidden")));
    QVERIFY(QDir().mkpath(planted.filePath(QStringLiteral("sub"))));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("token=" + kSecurityToken.toUtf8());
    file.close();
    QCOMPARE(m_scanner.findInTree(planted.path()).size(), 1);
    qDebug() << "planted" << kSecretKey;
    QVERIFY(!m_scanner.findIn(capturedMessages()).isEmpty());
    const QMutexLocker lock(&g_messagesMutex);
    g_messages.clear();
}

void TestSecrets::fullDeletionLeavesNoSecretBehind()
{
    const QString dataDir = m_dir.filePath(QStringLiteral("app-data"));
    const SimulatorConfig config = simulatorConfig(kAccessKey, kSecretKey, 30, 100);
    WorkspaceSimulator simulator(config);
    QVERIFY(simulator.listen());
    QNetworkAccessManager network;
    ClientConfig clientConfig = clientConfigFor(simulator);
    clientConfig.transferTimeoutMs = 5000;
    ApiClient client(&network, clientConfig, Credentials{kAccessKey, kSecretKey, kSecurityToken});

    // List, then delete three desktops of which one fails, following the job to its end.
    ListAllDesktopsCall list(&client, {});
    QList<Desktop> desktops;
    connect(&list, &ListAllDesktopsCall::pageLoaded, this,
            [&desktops](const QList<Desktop> &page) { desktops.append(page); });
    QSignalSpy listed(&list, &ListAllDesktopsCall::finished);
    list.start();
    QVERIFY(listed.wait(kWaitMs));
    QVERIFY2(list.succeeded(), qPrintable(list.error().summary()));
    QStringList ids;
    QHash<QString, QString> names;
    for (const Desktop &desktop : std::as_const(desktops)) {
        if (ids.size() < 3 && desktop.billingMode != BillingMode::YearlyMonthly && !desktop.isConnected()) {
            ids << desktop.id;
            names.insert(desktop.id, desktop.computerName);
        }
    }
    QCOMPARE(ids.size(), 3);
    SimulatorFaults faults;
    faults.failingDesktopIds = {ids.at(1)};
    simulator.setFaults(faults);

    const DeletionStorePtr store = std::make_shared<DeletionStore>(dataDir);
    JobJournal &journal = store->journal();
    QVERIFY(journal.load());
    DeletionContext context{QStringLiteral("secrets"), config.projectId, simulator.url().authority(), QString()};
    const DeletionPlan plan(ids, {}, names);
    DeletionRun run(&client, plan, context, store);
    run.setChunkGapMs(5);
    JobTracker::Timing timing;
    timing.initialIntervalMs = 10;
    timing.maxIntervalMs = 40;
    run.setTrackerTiming(timing);
    // The journal on disk while the job runs, before it is removed at the job's end.
    QByteArray journalWhileRunning;
    connect(&run, &DeletionRun::chunkSubmitted, this, [&journalWhileRunning, &journal] {
        QFile file(journal.filePath());
        if (file.open(QIODevice::ReadOnly))
            journalWhileRunning = file.readAll();
    });
    QSignalSpy finished(&run, &DeletionRun::finished);
    run.start();
    QVERIFY(finished.wait(kWaitMs));
    QCOMPARE(run.result().count(DeletionOutcome::Deleted), 2);
    QCOMPARE(run.result().count(DeletionOutcome::Failed), 1);
    QVERIFY(journalWhileRunning.contains(run.jobIds().constFirst().toUtf8()));

    // A refused signature (wrong secret), the way the app reports it.
    ApiClient wrongClient(&network, clientConfig, Credentials{kAccessKey, kWrongSecretKey, kSecurityToken});
    ListDesktopsPageCall refused(&wrongClient, {}, 0, 10);
    QSignalSpy refusedDone(&refused, &ApiCall::finished);
    refused.start();
    QVERIFY(refusedDone.wait(kWaitMs));
    QVERIFY(refused.error().isAuthenticationFailure());
    qWarning() << refused.error().summary() << refused.error().details();

    // Settings: the profile as the GUI and the CLI save it.
    ProfileStore profiles(m_dir.filePath(QStringLiteral("config/profiles.ini")));
    ConnectionProfile profile;
    profile.name = QStringLiteral("secrets");
    profile.projectId = config.projectId;
    profile.endpoint = simulator.url();
    profile.accessKeyId = kAccessKey;
    QVERIFY(profiles.save(profile));
    QVERIFY(profiles.sync());

    // Exports and previews: the result CSV, and the exact bodies the confirmation shows.
    QSaveFile csv(m_dir.filePath(QStringLiteral("exports/result.csv")));
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("exports"))));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write(run.result().toCsv());
    QVERIFY(csv.commit());
    QByteArray previews;
    for (int i = 0; i < plan.chunkCount(); ++i)
        previews += plan.requestBody(i);
    previews += run.result().summaryText().toUtf8() + run.postError().details().toUtf8();

    QVERIFY(SecretScanner::fileCount(m_dir.path()) >= 3); // audit log, profiles, CSV at least
    QCOMPARE(m_scanner.findInTree(m_dir.path()), QStringList());
    QCOMPARE(m_scanner.findIn(journalWhileRunning), QByteArray());
    QCOMPARE(m_scanner.findIn(previews), QByteArray());
    const QByteArray messages = capturedMessages();
    QVERIFY(messages.contains(refused.error().summary().toUtf8())); // the handler saw the app's output
    QCOMPARE(m_scanner.findIn(messages), QByteArray());
}

void TestSecrets::cliLeavesNoSecretInOutputOrFiles()
{
    const SimulatorConfig config = simulatorConfig(kAccessKey, kSecretKey, 10, 50);
    WorkspaceSimulator simulator(config);
    QVERIFY(simulator.listen());
    const QString home = m_dir.filePath(QStringLiteral("cli-home"));
    QVERIFY(QDir().mkpath(home));

    QByteArray standardOutput; // of the last run
    const auto runCli = [&](const QString &secretKey, const QStringList &arguments, QByteArray *output) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
        env.insert(QStringLiteral("HUAWEICLOUD_SDK_AK"), kAccessKey);
        env.insert(QStringLiteral("HUAWEICLOUD_SDK_SK"), secretKey);
        env.insert(QStringLiteral("HUAWEICLOUD_SDK_SECURITY_TOKEN"), kSecurityToken);
        env.insert(QStringLiteral("HUAWEICLOUD_SDK_PROJECT_ID"), config.projectId);
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*=true"));
        QProcess process;
        process.setProcessEnvironment(env);
        QSignalSpy done(&process, &QProcess::finished);
        process.start(QStringLiteral(WORKSPACE_CLI_PATH),
                      arguments + QStringList{QStringLiteral("--endpoint"), simulator.url().toString(),
                                              QStringLiteral("--data-dir"), home + QStringLiteral("/cli-data")});
        if (!done.wait(kWaitMs)) {
            process.kill();
            return -1;
        }
        standardOutput = process.readAllStandardOutput();
        *output += standardOutput + process.readAllStandardError();
        return process.exitCode();
    };

    QByteArray output;
    QCOMPARE(runCli(kSecretKey, {QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")}, &output), 0);
    const QJsonArray listed = QJsonDocument::fromJson(standardOutput).array();
    QVERIFY(!listed.isEmpty());
    const QString id = listed.at(0).toObject().value(QLatin1String("desktop_id")).toString();
    QCOMPARE(runCli(kSecretKey, {QStringLiteral("delete"), QStringLiteral("--ids"), id, QStringLiteral("--yes"),
                                 QStringLiteral("--force"), QStringLiteral("--poll-interval"), QStringLiteral("0.05")},
                    &output),
             0);
    // A refused signature prints the server's error; still nothing secret.
    QCOMPARE(runCli(kWrongSecretKey, {QStringLiteral("list")}, &output), 3);
    QVERIFY(output.contains("APIGW.0301"));
    QVERIFY(QFile::exists(home + QStringLiteral("/cli-data/audit.jsonl")));

    QCOMPARE(m_scanner.findIn(output), QByteArray());
    QCOMPARE(m_scanner.findInTree(home), QStringList());
}

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
