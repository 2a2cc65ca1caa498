#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// One run of `workspace-admin-cli` (WORKSPACE_CLI_PATH) to its end, with the event loop running so
// that a server in the test's own process can answer it.
struct CliResult
{
    int exitCode = -1; // -1: it did not end within a minute; -2: it crashed
    QString out;
    QString err;
};

// The environment of a CLI run that touches nothing of the user's: home, configuration and data
// under `home`, English in UTF-8, test credentials and project.
inline QProcessEnvironment sandboxedCliEnvironment(const QTemporaryDir &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("HUAWEICLOUD_SDK_AK"), QStringLiteral("TEST-AK"));
    env.insert(QStringLiteral("HUAWEICLOUD_SDK_SK"), QStringLiteral("TEST-SK"));
    env.insert(QStringLiteral("HUAWEICLOUD_SDK_PROJECT_ID"), QStringLiteral("proj"));
    return env;
}

// `program` (the CLI, or a shell that runs it) to its end.
inline CliResult runProgram(const QString &program, const QStringList &arguments,
                            const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(program, arguments);
    CliResult result;
    if (!finished.wait(60000)) {
        process.kill();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

inline CliResult runCli(const QStringList &arguments, const QProcessEnvironment &environment)
{
    return runProgram(QStringLiteral(WORKSPACE_CLI_PATH), arguments, environment);
}
