// --lang and the system locale, end to end: the real GUI and CLI executables, with their embedded
// catalogues, print their help and errors in the chosen language.

#include "applanguage.h"

#include <QCoreApplication>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString &program, const QStringList &arguments, const QString &systemLanguage = QString())
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // QLocale::system() reads these on Linux; LC_ALL wins over the others.
    environment.insert(QStringLiteral("LC_ALL"),
                       systemLanguage.isEmpty() ? QStringLiteral("C.UTF-8") : systemLanguage + QStringLiteral(".UTF-8"));
    environment.insert(QStringLiteral("LANGUAGE"), systemLanguage);
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(program, arguments);
    Run result;
    if (!finished.wait(60000)) {
        process.kill();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

// The text as the executable should print it in that language, looked up in the same catalogues.
QString expected(const QString &language, const char *context, const char *source)
{
    AppLanguage translations;
    translations.install(QLocale(language));
    return QCoreApplication::translate(context, source);
}

const QString kCli = QStringLiteral(WORKSPACE_CLI_PATH);
const QString kGui = QStringLiteral(WORKSPACE_GUI_PATH);

} // namespace

class TestLanguageOption : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpIsTranslated_data();
    void helpIsTranslated();
    void cliCommandsAcceptTheOption();
    void unsupportedLanguageIsReported();
};

void TestLanguageOption::helpIsTranslated_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("systemLanguage");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("forbidden"); // a text of the other language

    const QString chineseOption = expected(QStringLiteral("zh_CN"), "ConnectionOptionsText",
                                           "Workspace region, e.g. cn-north-4.");
    const QString english = QStringLiteral("Workspace region, e.g. cn-north-4.");
    const QStringList programs{kCli, kGui};
    for (const QString &program : programs) {
        const QString name = program == kCli ? QStringLiteral("cli") : QStringLiteral("gui");
        QTest::addRow("%s --lang zh_CN", qPrintable(name))
            << program << QStringList{QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("--help")}
            << QString() << QStringLiteral("zh_CN") << english;
        QTest::addRow("%s --lang=en on a Chinese system", qPrintable(name))
            << program << QStringList{QStringLiteral("--lang=en"), QStringLiteral("--help")}
            << QStringLiteral("zh_CN") << QStringLiteral("en") << chineseOption;
        QTest::addRow("%s Chinese system", qPrintable(name))
            << program << QStringList{QStringLiteral("--help")} << QStringLiteral("zh_CN") << QStringLiteral("zh_CN")
            << english;
        QTest::addRow("%s English system", qPrintable(name))
            << program << QStringList{QStringLiteral("--help")} << QStringLiteral("en_GB") << QStringLiteral("en")
            << chineseOption;
    }
}

void TestLanguageOption::helpIsTranslated()
{
    QFETCH(QString, program);
    QFETCH(QStringList, arguments);
    QFETCH(QString, systemLanguage);
    QFETCH(QString, language);
    QFETCH(QString, forbidden);

    const Run result = run(program, arguments, systemLanguage);
    QCOMPARE(result.exitCode, 0);
    const QString option = expected(language, "ConnectionOptionsText", "Workspace region, e.g. cn-north-4.");
    QVERIFY2(result.out.contains(option), qPrintable(result.out));
    QVERIFY2(!result.out.contains(forbidden), qPrintable(result.out));
    // QCommandLineParser's own words come from Qt's catalogue (qtbase).
    const QString options = expected(language, "QCommandLineParser", "Options:");
    QVERIFY2(result.out.contains(options), qPrintable(result.out));
    QVERIFY(result.out.contains(QLatin1String("--lang")));
}

// The CLI's parser accepts only the options of the command given; --lang must still pass.
void TestLanguageOption::cliCommandsAcceptTheOption()
{
    const Run result = run(kCli, {QStringLiteral("job"), QStringLiteral("--lang"), QStringLiteral("zh_CN")});
    QCOMPARE(result.exitCode, 2);
    const QString message = expected(QStringLiteral("zh_CN"), "CliApplication", "job needs exactly one JOB_ID.");
    QVERIFY(message != QLatin1String("job needs exactly one JOB_ID."));
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
}

void TestLanguageOption::unsupportedLanguageIsReported()
{
    const QStringList programs{kCli, kGui};
    for (const QString &program : programs) {
        const Run result = run(program, {QStringLiteral("--lang"), QStringLiteral("fr"), QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.err.contains(QStringLiteral("No translation for “fr”; using English.")), qPrintable(result.err));
        QVERIFY2(result.out.contains(QLatin1String("Workspace region, e.g. cn-north-4.")), qPrintable(result.out));
    }
}

QTEST_GUILESS_MAIN(TestLanguageOption)
#include "tst_languageoption.moc"
