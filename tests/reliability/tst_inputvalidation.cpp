// What the user types or hands over is checked before anything is sent, with a message that says
// what is wrong and where: ids files and pasted ids, endpoint URLs, profile fields.
#include "api/endpoint.h"
#include "deleterequest.h"
#include "settings/profilestore.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

class TestInputValidation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void badIdsAreNamed_data();
    void badIdsAreNamed();
    void duplicatesAndEmptyLinesAreHarmless();
    void hundredThousandLineFileIsFastAndComplete();
    void nonUtf8BytesAreRefusedWithTheirLine();
    void utf8ByteOrderMarkIsAccepted();
    void cliRefusesNonUtf8IdsFileBeforeConnecting();
    void endpoints_data();
    void endpoints();
    void profileWithoutNameIsRefused();
};

void TestInputValidation::badIdsAreNamed_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected"); // in the message
    QTest::newRow("only blank lines") << QByteArray("\n\n   \n\t\n") << QStringLiteral("No desktop id given");
    QTest::newRow("quote") << QByteArray("3f1e0c52-7d1a-4c2b-9a55-2b1f0c9d8e71\n\"x\"") << QStringLiteral("“\"x\"”");
    QTest::newRow("path") << QByteArray("../../etc/passwd") << QStringLiteral("“../../etc/passwd”");
    QTest::newRow("shell") << QByteArray("abc;rm -rf") << QStringLiteral("“abc;rm”");
    QTest::newRow("uuid with braces") << QByteArray("{3f1e0c52-7d1a-4c2b-9a55-2b1f0c9d8e71}")
                                      << QStringLiteral("“{3f1e0c52-7d1a-4c2b-9a55-2b1f0c9d8e71}”");
    QTest::newRow("uuid with a stray letter") << QByteArray("3f1e0c52-7d1a-4c2b-9a55-2b1f0c9d8e71Z!")
                                              << QStringLiteral("“3f1e0c52-7d1a-4c2b-9a55-2b1f0c9d8e71Z!”");
    QTest::newRow("non-ASCII letter") << QByteArray("d\xc3\xabsktop") << QStringLiteral("“dësktop”");
}

void TestInputValidation::badIdsAreNamed()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!DeleteRequest::parseIdsFile(input, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestInputValidation::duplicatesAndEmptyLinesAreHarmless()
{
    const QByteArray file = "# desktops to delete\n\n"
                            "3f1e0c52-7d1a-4c2b-9a55-2b1f0c9d8e71\r\n"
                            "   \n"
                            "8a2b4c6d-1e3f-4a5b-8c7d-9e0f1a2b3c4d, 3f1e0c52-7d1a-4c2b-9a55-2b1f0c9d8e71\n"
                            "\n\n8a2b4c6d-1e3f-4a5b-8c7d-9e0f1a2b3c4d # again\n";
    QString error;
    const std::optional<QStringList> ids = DeleteRequest::parseIdsFile(file, &error);
    QVERIFY2(ids, qPrintable(error));
    QCOMPARE(*ids, (QStringList{QStringLiteral("3f1e0c52-7d1a-4c2b-9a55-2b1f0c9d8e71"),
                                QStringLiteral("8a2b4c6d-1e3f-4a5b-8c7d-9e0f1a2b3c4d")}));
}

void TestInputValidation::hundredThousandLineFileIsFastAndComplete()
{
    QByteArray file;
    QStringList expected;
    for (int i = 0; i < 100000; ++i) {
        const QByteArray id = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        expected.append(QString::fromLatin1(id));
        file += id + (i % 10 == 0 ? "\n\n" : "\n");
        if (i % 1000 == 0)
            file += expected.constFirst().toLatin1() + '\n'; // a duplicate now and then
    }
    QElapsedTimer timer;
    timer.start();
    QString error;
    const std::optional<QStringList> ids = DeleteRequest::parseIdsFile(file, &error);
    const qint64 elapsedMs = timer.elapsed();
    QVERIFY2(ids, qPrintable(error));
    QCOMPARE(ids->size(), 100000);
    QCOMPARE(*ids, expected);
    // Linear work: a quadratic duplicate check would take minutes here.
    QVERIFY2(elapsedMs < 5000, QByteArray::number(elapsedMs).constData());
}

void TestInputValidation::nonUtf8BytesAreRefusedWithTheirLine()
{
    const QByteArray file = "3f1e0c52-7d1a-4c2b-9a55-2b1f0c9d8e71\n"
                            "8a2b4c6d-1e3f-4a5b-8c7d-9e0f1a2b3c4d\n"
                            "d\xe9sktop-latin1\n"; // Latin-1 é, as an old editor would save it
    QString error;
    QVERIFY(!DeleteRequest::parseIdsFile(file, &error));
    QVERIFY2(error.contains(QLatin1String("UTF-8")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("line 3")), qPrintable(error));
    QVERIFY(!error.contains(QChar(0xFFFD))); // never a replacement character shown as an id

    QVERIFY(!DeleteRequest::parseIdsFile(QByteArray("\xff\xfe" "a\0b\0", 6), &error)); // UTF-16
    QVERIFY2(error.contains(QLatin1String("line 1")), qPrintable(error));
}

void TestInputValidation::utf8ByteOrderMarkIsAccepted()
{
    QString error;
    const std::optional<QStringList> ids =
        DeleteRequest::parseIdsFile("\xef\xbb\xbf" "3f1e0c52-7d1a-4c2b-9a55-2b1f0c9d8e71\n", &error);
    QVERIFY2(ids, qPrintable(error));
    QCOMPARE(*ids, QStringList{QStringLiteral("3f1e0c52-7d1a-4c2b-9a55-2b1f0c9d8e71")});
}

void TestInputValidation::cliRefusesNonUtf8IdsFileBeforeConnecting()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("ids.txt")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("3f1e0c52-7d1a-4c2b-9a55-2b1f0c9d8e71\n\xc3(\n");
    file.close();
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), dir.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    // Port 9 on loopback: were the file accepted, the connection would fail with exit code 3.
    process.start(QStringLiteral(WORKSPACE_CLI_PATH),
                  {QStringLiteral("delete"), QStringLiteral("--ids-file"), file.fileName(), QStringLiteral("--yes"),
                   QStringLiteral("--endpoint"), QStringLiteral("http://127.0.0.1:9"), QStringLiteral("--project-id"),
                   QStringLiteral("p"), QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("data"))});
    QVERIFY(finished.wait(30000));
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitCode(), 2);
    QVERIFY2(err.contains(QLatin1String("not UTF-8")) && err.contains(QLatin1String("line 2")), qPrintable(err));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("data/audit.jsonl")))); // nothing was attempted
}

void TestInputValidation::endpoints_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected"); // empty: accepted
    QTest::newRow("https") << QStringLiteral("https://workspace.cn-north-4.myhuaweicloud.com") << QString();
    QTest::newRow("http on loopback") << QStringLiteral("http://127.0.0.1:8080") << QString();
    QTest::newRow("http to a network host") << QStringLiteral("http://workspace.example.com") << QStringLiteral("https");
    QTest::newRow("http to a LAN address") << QStringLiteral("http://192.168.1.10") << QStringLiteral("https");
    QTest::newRow("ftp") << QStringLiteral("ftp://workspace.example.com") << QStringLiteral("https://");
    QTest::newRow("no host") << QStringLiteral("https://") << QStringLiteral("host");
    QTest::newRow("not a URL") << QStringLiteral("workspace example") << QStringLiteral("host");
    QTest::newRow("empty") << QString() << QStringLiteral("host");
}

void TestInputValidation::endpoints()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    QString error;
    const std::optional<QUrl> validated = Endpoint::validate(QUrl(url, QUrl::StrictMode), &error);
    if (expected.isEmpty()) {
        QVERIFY2(validated, qPrintable(error));
        return;
    }
    QVERIFY(!validated);
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestInputValidation::profileWithoutNameIsRefused()
{
    QTemporaryDir dir;
    ProfileStore store(dir.filePath(QStringLiteral("profiles.ini")));
    ConnectionProfile profile;
    profile.projectId = QStringLiteral("0a1b2c3d4e5f46a7b8c9d0e1f2a3b4c5");
    QString error;
    QVERIFY(!store.save(profile, &error));
    QVERIFY2(error.contains(QLatin1String("name")), qPrintable(error));
    QVERIFY(store.profileNames().isEmpty());
}

QTEST_GUILESS_MAIN(TestInputValidation)
#include "tst_inputvalidation.moc"
