#include "clirun.h"
#include "settings/profilestore.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

// Runs the built workspace-admin-cli as a process. The API is played by a small QHttpServer in
// this process with canned answers; the process talks to it over loopback.
class TestCli : public QObject
{
    Q_OBJECT

private:
    using Result = CliResult;

    static QJsonObject desktop(const QString &id, const QString &name, const QString &status)
    {
        return {{QStringLiteral("desktop_id"), id},
                {QStringLiteral("computer_name"), name},
                {QStringLiteral("status"), status},
                {QStringLiteral("user_name"), QString(QStringLiteral("user-") + name)},
                {QStringLiteral("ip_addresses"), QJsonArray{QStringLiteral("10.0.0.1")}},
                {QStringLiteral("tags"),
                 QJsonArray{QJsonObject{{QStringLiteral("key"), QStringLiteral("env")},
                                        {QStringLiteral("value"), QStringLiteral("a,b")}}}}};
    }

    QProcessEnvironment baseEnvironment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"HUAWEICLOUD_SDK_AK", "HUAWEICLOUD_SDK_SK",
                                 "HUAWEICLOUD_SDK_SECURITY_TOKEN", "HUAWEICLOUD_SDK_PROJECT_ID"})
            env.remove(QString::fromLatin1(name));
        // Profiles, keychain fallbacks and data all stay inside the sandbox.
        // The CLI speaks the system's language; these checks read its English.
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        return env;
    }

    QProcessEnvironment credentialEnvironment() const
    {
        QProcessEnvironment env = baseEnvironment();
        env.insert(QStringLiteral("HUAWEICLOUD_SDK_AK"), QStringLiteral("TEST-AK"));
        env.insert(QStringLiteral("HUAWEICLOUD_SDK_SK"), QStringLiteral("TEST-SK-SECRET"));
        env.insert(QStringLiteral("HUAWEICLOUD_SDK_PROJECT_ID"), QStringLiteral("proj"));
        return env;
    }

    QStringList serverOptions() const
    {
        return {QStringLiteral("--endpoint"),
                QStringLiteral("http://127.0.0.1:%1").arg(m_port)};
    }

    // Waits for the process with the event loop running, so the in-process server can answer.
    static Result run(const QStringList &arguments, const QProcessEnvironment &environment)
    {
        return runCli(arguments, environment);
    }

    QTemporaryDir m_home;
    QHttpServer m_server;
    quint16 m_port = 0;
    QList<QJsonObject> m_desktops;
    int m_jobPollsUntilDone = 0;
    int m_jobRequests = 0;
    int m_jobRequestsNotFound = 0; // the first ones answer 404, as a job the service lost a moment
    int m_postRequests = 0;
    QStringList m_listQueries;
    QStringList m_authorizations;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        QVERIFY(QFile::exists(QStringLiteral(WORKSPACE_CLI_PATH)));

        m_server.route(QStringLiteral("/v2/<arg>/desktops/detail"),
                       [this](const QString &project, const QHttpServerRequest &request) {
                           m_listQueries.append(request.query().toString());
                           m_authorizations.append(QString::fromLatin1(request.value("Authorization")));
                           if (project != QLatin1String("proj"))
                               return QHttpServerResponse(
                                   QJsonObject{{QStringLiteral("error_code"), QStringLiteral("WKS.0202")},
                                               {QStringLiteral("error_msg"), QStringLiteral("no such project")}},
                                   QHttpServerResponder::StatusCode::NotFound);
                           const QUrlQuery query = request.query();
                           const int offset = query.queryItemValue(QStringLiteral("offset")).toInt();
                           const int limit = query.queryItemValue(QStringLiteral("limit")).toInt();
                           // The desktop_id filter, repeated key, as the service applies it.
                           const QStringList wanted = query.allQueryItemValues(QStringLiteral("desktop_id"));
                           QList<QJsonObject> matching;
                           for (const QJsonObject &desktop : std::as_const(m_desktops)) {
                               if (wanted.isEmpty()
                                   || wanted.contains(desktop.value(QStringLiteral("desktop_id")).toString()))
                                   matching.append(desktop);
                           }
                           QJsonArray page;
                           for (int i = offset; i < matching.size() && i < offset + limit; ++i)
                               page.append(matching.at(i));
                           return QHttpServerResponse(QJsonObject{
                               {QStringLiteral("total_count"), int(matching.size())},
                               {QStringLiteral("desktops"), page}});
                       });
        m_server.route(QStringLiteral("/v2/<arg>/workspace-jobs/<arg>"),
                       [this](const QString &, const QString &jobId) {
                           ++m_jobRequests;
                           if (m_jobRequests <= m_jobRequestsNotFound) {
                               return QHttpServerResponse(QJsonObject{{QStringLiteral("error_code"), QStringLiteral("WKS.0202")},
                                                                      {QStringLiteral("error_msg"), QStringLiteral("not found")}},
                                                          QHttpServerResponder::StatusCode::NotFound);
                           }
                           const bool done = m_jobRequests > m_jobPollsUntilDone;
                           return QHttpServerResponse(QJsonObject{
                               {QStringLiteral("id"), jobId},
                               {QStringLiteral("job_type"), QStringLiteral("BATCH_DELETE_DESKTOPS")},
                               {QStringLiteral("status"),
                                done ? QStringLiteral("SUCCESS") : QStringLiteral("RUNNING")}});
                       });
        m_server.route(QStringLiteral("/v2/<arg>/workspace-sub-jobs"),
                       [this](const QString &, const QHttpServerRequest &request) {
                           const bool done = m_jobRequests > m_jobPollsUntilDone;
                           const QString jobId = request.query().queryItemValue(QStringLiteral("job_id"));
                           QJsonArray jobs;
                           jobs.append(QJsonObject{
                               {QStringLiteral("id"), QStringLiteral("sub-1")},
                               {QStringLiteral("job_id"), jobId},
                               {QStringLiteral("status"), done ? QStringLiteral("SUCCESS") : QStringLiteral("RUNNING")},
                               {QStringLiteral("entities"), QJsonObject{{QStringLiteral("desktop_id"), QStringLiteral("d-1")},
                                                                       {QStringLiteral("desktop_name"), QStringLiteral("pc-1")}}}});
                           jobs.append(QJsonObject{
                               {QStringLiteral("id"), QStringLiteral("sub-2")},
                               {QStringLiteral("job_id"), jobId},
                               {QStringLiteral("status"), done ? QStringLiteral("FAILED") : QStringLiteral("WAITING")},
                               {QStringLiteral("fail_reason"), QStringLiteral("yearly/monthly desktop")},
                               {QStringLiteral("entities"), QJsonObject{{QStringLiteral("desktop_id"), QStringLiteral("d-2")},
                                                                       {QStringLiteral("desktop_name"), QStringLiteral("pc-2")}}}});
                           return QHttpServerResponse(QJsonObject{{QStringLiteral("total_count"), 2},
                                                                  {QStringLiteral("jobs"), jobs}});
                       });
        m_server.route(QStringLiteral("/v2/<arg>/desktops/batch-delete"),
                       [this](const QString &, const QHttpServerRequest &) {
                           ++m_postRequests;
                           return QHttpServerResponse(QJsonObject{{QStringLiteral("job_id"), QStringLiteral("job-x")}},
                                                      QHttpServerResponder::StatusCode::Accepted);
                       });
        m_port = m_server.listen(QHostAddress::LocalHost);
        QVERIFY(m_port != 0);
    }

    void init()
    {
        m_desktops.clear();
        m_jobPollsUntilDone = 0;
        m_jobRequests = 0;
        m_jobRequestsNotFound = 0;
        m_postRequests = 0;
        m_listQueries.clear();
        m_authorizations.clear();
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("errorMentions");
        QTest::newRow("no command") << QStringList{} << "No command";
        QTest::newRow("unknown command") << QStringList{QStringLiteral("purge")} << "purge";
        QTest::newRow("unknown option") << QStringList{QStringLiteral("list"), QStringLiteral("--bogus")} << "bogus";
        QTest::newRow("option of another command")
            << QStringList{QStringLiteral("list"), QStringLiteral("--yes")} << "--yes";
        QTest::newRow("bad format")
            << QStringList{QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("xml")} << "xml";
        QTest::newRow("bad status")
            << QStringList{QStringLiteral("list"), QStringLiteral("--status"), QStringLiteral("SLEEPY")} << "SLEEPY";
        QTest::newRow("job without id") << QStringList{QStringLiteral("job")} << "JOB_ID";
        QTest::newRow("job with bad interval")
            << QStringList{QStringLiteral("job"), QStringLiteral("j"), QStringLiteral("--poll-interval"),
                           QStringLiteral("soon")}
            << "--poll-interval";
        QTest::newRow("delete without ids")
            << QStringList{QStringLiteral("delete"), QStringLiteral("--yes")} << "--ids";
        QTest::newRow("delete with both id sources")
            << QStringList{QStringLiteral("delete"), QStringLiteral("--ids"), QStringLiteral("a"),
                           QStringLiteral("--ids-file"), QStringLiteral("f"), QStringLiteral("--yes")}
            << "--ids";
        QTest::newRow("delete without --yes")
            << QStringList{QStringLiteral("delete"), QStringLiteral("--ids"), QStringLiteral("a,b")} << "--yes";
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, errorMentions);
        const Result result = run(arguments + serverOptions(), credentialEnvironment());
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(errorMentions), qPrintable(result.err));
        QVERIFY(result.out.isEmpty());
        QCOMPARE(m_postRequests, 0);
        QVERIFY(m_listQueries.isEmpty());
    }

    void configurationErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<bool>("withCredentials");
        QTest::addColumn<QString>("errorMentions");
        QTest::newRow("no credentials")
            << QStringList{QStringLiteral("list"), QStringLiteral("--region"), QStringLiteral("cn-north-4"),
                           QStringLiteral("--project-id"), QStringLiteral("p")}
            << false << "HUAWEICLOUD_SDK_AK";
        QTest::newRow("no region")
            << QStringList{QStringLiteral("list")} << true << "--region";
        QTest::newRow("http to a remote host")
            << QStringList{QStringLiteral("list"), QStringLiteral("--endpoint"),
                           QStringLiteral("http://workspace.example.com")}
            << true << "localhost";
        QTest::newRow("unknown profile")
            << QStringList{QStringLiteral("list"), QStringLiteral("--profile"), QStringLiteral("ghost")}
            << true << "ghost";
        QTest::newRow("missing CA file")
            << QStringList{QStringLiteral("list"), QStringLiteral("--region"), QStringLiteral("cn-north-4"),
                           QStringLiteral("--ca-file"), QStringLiteral("/nonexistent/ca.pem")}
            << true << "/nonexistent/ca.pem";
    }

    void configurationErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(bool, withCredentials);
        QFETCH(QString, errorMentions);
        QProcessEnvironment env = withCredentials ? credentialEnvironment() : baseEnvironment();
        const Result result = run(arguments, env);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(errorMentions), qPrintable(result.err));
    }

    void help()
    {
        const Result result = run({QStringLiteral("--help")}, baseEnvironment());
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains(QStringLiteral("Exit codes")));
        QVERIFY(result.out.contains(QStringLiteral("--project-id")));
        QVERIFY(result.out.contains(QStringLiteral("--data-dir")));
        QVERIFY(result.out.contains(QStringLiteral("--turn-autoscale-off-first")));
        QVERIFY(result.out.contains(QStringLiteral("protected tags do not block them")));
    }

    void listTable()
    {
        for (int i = 0; i < 3; ++i)
            m_desktops.append(desktop(QStringLiteral("d-%1").arg(i), QStringLiteral("pc-%1").arg(i),
                                      QStringLiteral("ACTIVE")));
        m_desktops.append(desktop(QStringLiteral("d-gone"), QStringLiteral("pc-gone"), QStringLiteral("DELETED")));
        const Result result = run(QStringList{QStringLiteral("list")} + serverOptions(), credentialEnvironment());
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QStringList lines = result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4); // header + 3 present desktops; DELETED is gone
        QVERIFY(lines.at(0).startsWith(QStringLiteral("DESKTOP_ID")));
        QVERIFY(lines.at(1).startsWith(QStringLiteral("d-0")));
        QVERIFY(!result.out.contains(QStringLiteral("d-gone")));
        QVERIFY2(result.err.contains(QStringLiteral("Loaded 4 of 4 desktops…")), qPrintable(result.err));
        QVERIFY2(result.err.contains(QStringLiteral("\n3 desktops.")), qPrintable(result.err));
        // Signed with the access key from the environment; the secret never printed.
        QVERIFY(!m_authorizations.isEmpty());
        QVERIFY(m_authorizations.first().contains(QStringLiteral("Access=TEST-AK")));
        QVERIFY(!result.out.contains(QStringLiteral("TEST-SK-SECRET")));
        QVERIFY(!result.err.contains(QStringLiteral("TEST-SK-SECRET")));
    }

    void listFiltersReachServer()
    {
        const Result result = run(QStringList{QStringLiteral("list"), QStringLiteral("--status"),
                                              QStringLiteral("shutoff"), QStringLiteral("--name"),
                                              QStringLiteral("pc-7")} + serverOptions(),
                                  credentialEnvironment());
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QCOMPARE(m_listQueries.size(), 1);
        const QUrlQuery query(m_listQueries.first());
        QCOMPARE(query.queryItemValue(QStringLiteral("status")), QStringLiteral("SHUTOFF"));
        QCOMPARE(query.queryItemValue(QStringLiteral("computer_name")), QStringLiteral("pc-7"));
    }

    // The transitional statuses, which the service cannot filter on, are filtered here; the table
    // names the status as JSON does, with the operation under way.
    void listFiltersTransitionalStatuses()
    {
        QJsonObject stopping = desktop(QStringLiteral("d-1"), QStringLiteral("pc-1"), QStringLiteral("STOPPING"));
        stopping.insert(QStringLiteral("task_status"), QStringLiteral("powering-off"));
        m_desktops.append(stopping);
        m_desktops.append(desktop(QStringLiteral("d-2"), QStringLiteral("pc-2"), QStringLiteral("ACTIVE")));
        const Result result = run(QStringList{QStringLiteral("list"), QStringLiteral("--status"),
                                              QStringLiteral("stopping")} + serverOptions(),
                                  credentialEnvironment());
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY(!QUrlQuery(m_listQueries.first()).hasQueryItem(QStringLiteral("status")));
        const QStringList lines = result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(1).contains(QStringLiteral("STOPPING (powering-off)")), qPrintable(lines.at(1)));
        QVERIFY2(result.err.contains(QStringLiteral("\n1 desktop.")), qPrintable(result.err));
    }

    void listCsvAndJson()
    {
        m_desktops.append(desktop(QStringLiteral("d-1"), QStringLiteral("pc \"one\""), QStringLiteral("SHUTOFF")));
        Result result = run(QStringList{QStringLiteral("list"), QStringLiteral("--format"),
                                        QStringLiteral("csv")} + serverOptions(),
                            credentialEnvironment());
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY(result.out.startsWith(QStringLiteral("desktop_id,computer_name,status,")));
        QVERIFY2(result.out.contains(QStringLiteral("d-1,\"pc \"\"one\"\"\",SHUTOFF,")), qPrintable(result.out));
        QVERIFY(result.out.contains(QStringLiteral("\"env=a,b\"")));

        result = run(QStringList{QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")}
                         + serverOptions(),
                     credentialEnvironment());
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(result.out.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(document.array().size(), 1);
        const QJsonObject first = document.array().first().toObject();
        QCOMPARE(first.value(QStringLiteral("desktop_id")).toString(), QStringLiteral("d-1"));
        QCOMPARE(first.value(QStringLiteral("tags")).toObject().value(QStringLiteral("env")).toString(),
                 QStringLiteral("a,b"));
    }

    void apiErrorExitsWithThree()
    {
        QProcessEnvironment env = credentialEnvironment();
        env.insert(QStringLiteral("HUAWEICLOUD_SDK_PROJECT_ID"), QStringLiteral("other-project"));
        const Result result = run(QStringList{QStringLiteral("list")} + serverOptions(), env);
        QCOMPARE(result.exitCode, 3);
        QVERIFY2(result.err.contains(QStringLiteral("WKS.0202")), qPrintable(result.err));
        QVERIFY(result.out.isEmpty());
    }

    void dataDirectoryIsTheWindows()
    {
        // Both executables print their default data directory in --help: it must be one place,
        // under the sandbox's XDG_DATA_HOME, named like the README says.
        const Result cli = run({QStringLiteral("--help")}, baseEnvironment());
        QProcess window;
        QProcessEnvironment env = baseEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        window.setProcessEnvironment(env);
        window.start(QStringLiteral(WORKSPACE_GUI_PATH), {QStringLiteral("--help")});
        QVERIFY(window.waitForFinished(60000));
        QCOMPARE(window.exitCode(), 0);
        static const QRegularExpression whitespace(QStringLiteral("\\s+"));
        const QString expected = QStringLiteral("(default:") + m_home.filePath(QStringLiteral("data/workspace-admin"))
            + QStringLiteral(").");
        const QString cliHelp = QString(cli.out).remove(whitespace);
        const QString windowHelp = QString::fromUtf8(window.readAllStandardOutput()).remove(whitespace);
        QVERIFY2(cliHelp.contains(expected), qPrintable(cli.out));
        QVERIFY2(windowHelp.contains(expected), qPrintable(windowHelp));
    }

    void dryRunPrintsRequestsAndSendsNothing()
    {
        QStringList ids;
        for (int i = 0; i < 150; ++i) {
            ids.append(QStringLiteral("d-%1").arg(i));
            m_desktops.append(desktop(ids.last(), QStringLiteral("pc-%1").arg(i), QStringLiteral("ACTIVE")));
        }
        // No --yes: a dry run deletes nothing, so it needs no confirmation.
        const Result result = run(QStringList{QStringLiteral("delete"), QStringLiteral("--ids"),
                                              ids.join(QLatin1Char(',')), QStringLiteral("--no-email"),
                                              QStringLiteral("--delete-users"), QStringLiteral("--dry-run")}
                                      + serverOptions(),
                                  credentialEnvironment());
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QCOMPARE(m_postRequests, 0);
        // The same look-up as a real run: by id, in batches of at most 100 (then, with
        // --delete-users, the users' desktops by user name, to tell the users deleted from those kept).
        QVERIFY(m_listQueries.size() >= 2);
        QCOMPARE(QUrlQuery(m_listQueries.at(0)).allQueryItemValues(QStringLiteral("desktop_id")).size(), 100);
        QCOMPARE(QUrlQuery(m_listQueries.at(1)).allQueryItemValues(QStringLiteral("desktop_id")).size(), 50);
        for (const QString &query : m_listQueries.mid(2))
            QVERIFY(QUrlQuery(query).hasQueryItem(QStringLiteral("user_names")));
        const QStringList lines = result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4); // two requests: 100 + 50 ids
        const QString expectedUrl =
            QStringLiteral("POST http://127.0.0.1:%1/v2/proj/desktops/batch-delete").arg(m_port);
        QCOMPARE(lines.at(0), expectedUrl);
        QCOMPARE(lines.at(2), expectedUrl);
        const QJsonObject first = QJsonDocument::fromJson(lines.at(1).toUtf8()).object();
        const QJsonObject second = QJsonDocument::fromJson(lines.at(3).toUtf8()).object();
        QCOMPARE(first.value(QStringLiteral("desktop_ids")).toArray().size(), 100);
        QCOMPARE(second.value(QStringLiteral("desktop_ids")).toArray().size(), 50);
        QCOMPARE(second.value(QStringLiteral("desktop_ids")).toArray().last().toString(), QStringLiteral("d-149"));
        QCOMPARE(first.value(QStringLiteral("email_notification")).toBool(true), false);
        QCOMPARE(first.value(QStringLiteral("delete_users")).toBool(false), true);
        QCOMPARE(first.value(QStringLiteral("is_force_delete")).toBool(true), false);
        QVERIFY(result.err.contains(QStringLiteral("nothing is sent")));
        // One sentence, the counts in their plural forms.
        QVERIFY2(result.err.contains(QStringLiteral("150 desktops would be deleted in 2 requests.")),
                 qPrintable(result.err));
    }

    void dryRunReadsIdsFile()
    {
        m_desktops.append(desktop(QStringLiteral("d-a"), QStringLiteral("pc-a"), QStringLiteral("ACTIVE")));
        m_desktops.append(desktop(QStringLiteral("d-b"), QStringLiteral("pc-b"), QStringLiteral("ACTIVE")));
        QFile file(m_home.filePath(QStringLiteral("ids.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# lab cleanup\nd-a\nd-b # twice below\nd-b\nd-gone\n");
        file.close();
        const Result result = run(QStringList{QStringLiteral("delete"), QStringLiteral("--ids-file"),
                                              file.fileName(), QStringLiteral("--dry-run")}
                                      + serverOptions(),
                                  credentialEnvironment());
        // An id that does not exist is left out, so the real run would not do everything asked.
        QVERIFY2(result.exitCode == 1, qPrintable(result.err));
        QVERIFY2(result.out.contains(QStringLiteral("\"desktop_ids\":[\"d-a\",\"d-b\"]")), qPrintable(result.out));
        QVERIFY2(result.err.contains(QStringLiteral("Not deleting d-gone: not found")), qPrintable(result.err));
        // d-b is in the request: counted once, never said to be left out.
        QVERIFY2(result.err.contains(QStringLiteral("Listed more than once, counted once: d-b (pc-b)")),
                 qPrintable(result.err));
        QVERIFY2(!result.err.contains(QStringLiteral("Not deleting d-b")), qPrintable(result.err));
        QVERIFY2(!result.err.contains(QStringLiteral("d-a (pc-a): listed")), qPrintable(result.err));
        QCOMPARE(m_postRequests, 0);
    }

    void deleteRejectsBadInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("errorMentions");
        QTest::newRow("malformed id") << QStringList{QStringLiteral("--ids"), QStringLiteral("a,b c;d")} << "c;d";
        QTest::newRow("missing ids file")
            << QStringList{QStringLiteral("--ids-file"), QStringLiteral("/nonexistent/ids.txt")} << "/nonexistent/ids.txt";
    }

    void deleteRejectsBadInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, errorMentions);
        const Result result = run(QStringList{QStringLiteral("delete")} + arguments
                                      + QStringList{QStringLiteral("--dry-run")}
                                      + serverOptions(),
                                  credentialEnvironment());
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(errorMentions), qPrintable(result.err));
        QVERIFY(result.out.isEmpty());
        QCOMPARE(m_postRequests, 0);
    }

    void profileSuppliesConnection()
    {
        // The CLI finds profiles where the GUI saves them: under XDG_CONFIG_HOME in the sandbox.
        ProfileStore profiles(m_home.filePath(QStringLiteral("config/workspace-admin/profiles.ini")));
        ConnectionProfile profile;
        profile.name = QStringLiteral("lab");
        profile.endpoint = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
        profile.projectId = QStringLiteral("proj");
        profile.accessKeyId = QStringLiteral("PROFILE-AK");
        QVERIFY(profiles.save(profile));
        m_desktops.append(desktop(QStringLiteral("d-1"), QStringLiteral("pc-1"), QStringLiteral("ACTIVE")));

        // Environment credentials beat the profile's; endpoint and project come from the profile.
        QProcessEnvironment env = credentialEnvironment();
        env.remove(QStringLiteral("HUAWEICLOUD_SDK_PROJECT_ID"));
        Result result = run({QStringLiteral("list"), QStringLiteral("--profile"), QStringLiteral("lab")}, env);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY(result.out.contains(QStringLiteral("d-1")));
        QVERIFY(m_authorizations.last().contains(QStringLiteral("Access=TEST-AK")));

        // Without them the secret must come from the keychain. There is none on a headless machine
        // and nothing was stored this run: a plain configuration error, and nothing is sent.
        m_authorizations.clear();
        result = run({QStringLiteral("list"), QStringLiteral("--profile"), QStringLiteral("lab")},
                     baseEnvironment());
        if (result.exitCode == 0)
            QSKIP("A system keychain is present; the headless fallback cannot be observed here.");
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QStringLiteral("lab")) || result.err.contains(QStringLiteral("keychain")),
                 qPrintable(result.err));
        QVERIFY(m_authorizations.isEmpty());
        QVERIFY(profiles.remove(QStringLiteral("lab")));
    }

    void demoListsSimulatedDesktops()
    {
        const Result result = run({QStringLiteral("list"), QStringLiteral("--demo"), QStringLiteral("--format"),
                                   QStringLiteral("json")},
                                  baseEnvironment());
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QVERIFY(result.err.contains(QStringLiteral("Demo mode")));
        const QJsonArray desktops = QJsonDocument::fromJson(result.out.toUtf8()).array();
        QVERIFY(!desktops.isEmpty());
        QVERIFY(!desktops.first().toObject().value(QStringLiteral("desktop_id")).toString().isEmpty());
    }

    void jobReport()
    {
        const Result result = run(QStringList{QStringLiteral("job"), QStringLiteral("job-42")} + serverOptions(),
                                  credentialEnvironment());
        // The job succeeded but one desktop's sub-job failed: exit code 1.
        QCOMPARE(result.exitCode, 1);
        QVERIFY(result.out.contains(QStringLiteral("job-42")));
        QVERIFY(result.out.contains(QStringLiteral("SUCCESS")));
        QVERIFY(result.out.contains(QStringLiteral("yearly/monthly desktop")));
        QCOMPARE(m_jobRequests, 1);
    }

    void jobWaitPollsUntilDone()
    {
        m_jobPollsUntilDone = 3;
        const Result result = run(QStringList{QStringLiteral("job"), QStringLiteral("job-7"),
                                              QStringLiteral("--wait"), QStringLiteral("--poll-interval"),
                                              QStringLiteral("0.05")} + serverOptions(),
                                  credentialEnvironment());
        QCOMPARE(result.exitCode, 1);
        QCOMPARE(m_jobRequests, 4);
        QCOMPARE(result.err.count(QStringLiteral("RUNNING")), 3);
        QVERIFY(result.out.contains(QStringLiteral("FAILED")));
    }

    // The window's tracker reads the job: one look that fails is said and looked at again with
    // --wait, and ends the command without it.
    void jobWaitLooksAgainAfterAFailedLook()
    {
        m_jobRequestsNotFound = 1;
        m_jobPollsUntilDone = 1;
        const QStringList job{QStringLiteral("job"), QStringLiteral("job-9")};
        const Result waited = run(job + QStringList{QStringLiteral("--wait"), QStringLiteral("--poll-interval"),
                                                    QStringLiteral("0.05")} + serverOptions(),
                                  credentialEnvironment());
        QCOMPARE(waited.exitCode, 1); // one sub-job failed
        QVERIFY2(waited.err.contains(QStringLiteral("trying again")), qPrintable(waited.err));
        QVERIFY(waited.err.contains(QStringLiteral("WKS.0202")));
        QCOMPARE(m_jobRequests, 2);
        QVERIFY(waited.out.contains(QStringLiteral("SUCCESS")));

        m_jobRequests = 0;
        const Result once = run(job + serverOptions(), credentialEnvironment());
        QCOMPARE(once.exitCode, 3);
        QVERIFY2(once.err.contains(QStringLiteral("Reading job job-9 failed")), qPrintable(once.err));
        QCOMPARE(m_jobRequests, 1);
    }

    void jobWaitTimesOut()
    {
        m_jobPollsUntilDone = 1000000;
        const Result result = run(QStringList{QStringLiteral("job"), QStringLiteral("job-8"),
                                              QStringLiteral("--wait"), QStringLiteral("--poll-interval"),
                                              QStringLiteral("0.05"), QStringLiteral("--timeout"),
                                              QStringLiteral("0.3")} + serverOptions(),
                                  credentialEnvironment());
        QCOMPARE(result.exitCode, 3);
        QVERIFY(result.err.contains(QStringLiteral("still running")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
