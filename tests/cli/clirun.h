#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QString>
#include <QStringList>

// One run of `workspace-admin-cli` (WORKSPACE_CLI_PATH) to its end, with the event loop running so
// that a server in the test's own process can answer it.
struct CliResult
{
    int exitCode = -1; // -1: it did not end within a minute; -2: it crashed
    QString out;
    QString err;
};

inline CliResult runCli(const QStringList &arguments, const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(WORKSPACE_CLI_PATH), arguments);
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
