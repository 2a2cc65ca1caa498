// The CLI's command registry: every command found by its name, every option a command names
// defined, a command's own options taken by it alone, and the help and messages built from the
// commands; CliApplication hands the command line to the command's check.

#include "cliapplication.h"
#include "clicommandregistry.h"
#include "clioptions.h"
#include "settings/connectionoptions.h"

#include <QCommandLineParser>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

namespace {

CliCommandSpec testCommand(
    const QString& name, QStringList options = {}, QList<QCommandLineOption> ownOptions = {})
{
    CliCommandSpec spec;
    spec.name = name;
    spec.synopsis = name + QStringLiteral(" [--days N]\n  [--yes]");
    spec.options = std::move(options);
    spec.ownOptions = std::move(ownOptions);
    spec.check = [](const CliCommandLine&, QString*) {
        return std::optional<CliInvocation>(CliInvocation());
    };
    return spec;
}

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runInProcess(const QStringList& arguments)
{
    Run run;
    QTextStream out(&run.out);
    QTextStream err(&run.err);
    CliApplication application(QStringList { QStringLiteral("workspace-admin-cli") } + arguments,
        QProcessEnvironment(), out, err);
    QSignalSpy finished(&application, &CliApplication::finished);
    application.start();
    if (finished.size() == 1)
        run.exitCode = finished.first().first().toInt();
    return run;
}

} // namespace

class TestCliCommandRegistry : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyCommandIsFoundByItsName()
    {
        const CliCommandRegistry registry;
        QSet<QString> names;
        for (const CliCommandSpec& command : registry.commands()) {
            QVERIFY2(!names.contains(command.name), qPrintable(command.name));
            names.insert(command.name);
            QCOMPARE(registry.find(command.name), &command);
            QVERIFY(!command.synopsis.isEmpty());
            QVERIFY(command.check);
        }
        QCOMPARE(names,
            (QSet<QString> { QStringLiteral("list"), QStringLiteral("job"),
                QStringLiteral("delete"), QStringLiteral("maintenance"), QStringLiteral("logoff"),
                QStringLiteral("journal"), QStringLiteral("regions"), QStringLiteral("retire"),
                QStringLiteral("restore") }));
        QCOMPARE(registry.find(QStringLiteral("frob")), nullptr);
    }

    // A command that names an option nobody defined would refuse it as "unknown" at run time.
    void everyOptionACommandTakesIsDefined()
    {
        const CliCommandRegistry registry;
        QCommandLineParser parser;
        ConnectionOptions::addTo(parser);
        registry.addOptionsTo(parser);
        for (const CliCommandSpec& command : registry.commands()) {
            for (const QString& option : command.options) {
                parser.parse(
                    { QStringLiteral("workspace-admin-cli"), QStringLiteral("--") + option });
                QVERIFY2(!parser.errorText().startsWith(QLatin1String("Unknown option")),
                    qPrintable(command.name + QLatin1String(": ") + parser.errorText()));
            }
        }
    }

    void ownOptionsAreTakenByTheirCommandAlone()
    {
        const QCommandLineOption days(
            QStringLiteral("days"), QStringLiteral("alpha: after <days>."), QStringLiteral("days"));
        const CliCommandRegistry registry(
            { testCommand(QStringLiteral("alpha"), { CliOptions::Name::yes }, { days }),
                testCommand(QStringLiteral("beta")) });
        QCommandLineParser parser;
        ConnectionOptions::addTo(parser);
        registry.addOptionsTo(parser);
        QVERIFY(parser.parse({ QStringLiteral("workspace-admin-cli"), QStringLiteral("alpha"),
            QStringLiteral("--days"), QStringLiteral("3"), QStringLiteral("--yes"),
            QStringLiteral("--region"), QStringLiteral("cn-north-4") }));
        QCOMPARE(parser.value(QStringLiteral("days")), QStringLiteral("3"));
        QCOMPARE(registry.firstOptionNotTakenBy(
                     *registry.find(QStringLiteral("alpha")), parser.optionNames()),
            QString());
        QCOMPARE(registry.firstOptionNotTakenBy(
                     *registry.find(QStringLiteral("beta")), parser.optionNames()),
            QStringLiteral("days"));
        QVERIFY(parser.helpText().contains(QLatin1String("alpha: after <days>.")));
        // A shared option the command does not name is not taken either.
        QCOMPARE(registry.firstOptionNotTakenBy(
                     *registry.find(QStringLiteral("beta")), { CliOptions::Name::yes }),
            CliOptions::Name::yes);
        QCOMPARE(registry.firstOptionNotTakenBy(*registry.find(QStringLiteral("beta")),
                     { CliOptions::Name::help, QStringLiteral("region") }),
            QString());
    }

    void namesAreListedInProse()
    {
        QCOMPARE(CliCommandRegistry({ testCommand(QStringLiteral("a")) }).namesInProse(),
            QStringLiteral("a"));
        QCOMPARE(CliCommandRegistry(
                     { testCommand(QStringLiteral("a")), testCommand(QStringLiteral("b")) })
                     .namesInProse(),
            QStringLiteral("a or b"));
        QCOMPARE(
            CliCommandRegistry({ testCommand(QStringLiteral("a")), testCommand(QStringLiteral("b")),
                                   testCommand(QStringLiteral("c")) })
                .namesInProse(),
            QStringLiteral("a, b or c"));
        QCOMPARE(CliCommandRegistry().namesInProse(),
            QStringLiteral(
                "list, job, delete, maintenance, logoff, journal, regions, retire or restore"));
    }

    void helpListsEverySynopsisLine()
    {
        const QString help = CliCommandRegistry(
            { testCommand(QStringLiteral("a")), testCommand(QStringLiteral("b")) })
                                 .helpDescription();
        QVERIFY2(help.contains(QLatin1String(
                     "Commands:\n  a [--days N]\n    [--yes]\n  b [--days N]\n    [--yes]\n\n")),
            qPrintable(help));
        QVERIFY(help.contains(QLatin1String("Exit codes:")));
    }

    void applicationHandsTheCommandLineToTheCommandsCheck()
    {
        const Run job = runInProcess({ QStringLiteral("job") });
        QCOMPARE(job.exitCode, int(ExitUsageError));
        QCOMPARE(job.err, QStringLiteral("job needs exactly one JOB_ID.\n"));

        const Run notTaken = runInProcess({ QStringLiteral("list"), QStringLiteral("--yes") });
        QCOMPARE(notTaken.exitCode, int(ExitUsageError));
        QCOMPARE(
            notTaken.err, QStringLiteral("The option --yes does not apply to this command.\n"));

        const Run unknown = runInProcess({ QStringLiteral("frob") });
        QCOMPARE(unknown.exitCode, int(ExitUsageError));
        QCOMPARE(unknown.err,
            QStringLiteral("Unknown command “frob”; use list, job, delete, maintenance, logoff, "
                           "journal, regions, retire or restore.\nRun with --help for usage.\n"));

        const Run help = runInProcess({ QStringLiteral("--help") });
        QCOMPARE(help.exitCode, int(ExitSuccess));
        QVERIFY(help.out.contains(
            QLatin1String("\n  maintenance on|off (--ids ID[,ID...] | --ids-file FILE)")));
        QVERIFY(
            help.out.contains(QLatin1String("list, job, delete, maintenance, logoff, journal")));
    }
};

QTEST_GUILESS_MAIN(TestCliCommandRegistry)
#include "tst_clicommandregistry.moc"
