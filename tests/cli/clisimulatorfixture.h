#pragma once

#include "api/apiclient.h"
#include "clirun.h"
#include "deletion/auditlog.h"
#include "settings/profilestore.h"
#include "simulatortestsupport.h"
#include "workspacesimulator.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// What the suites that run `workspace-admin-cli` against the in-process simulator share: a home of
// their own, a data directory per test function, the CLI run to its end, and look-ups of what the
// simulator holds. WORKSPACE_CLI_PATH names the executable.
class CliSimulatorFixture
{
protected:
    using Result = CliResult;

    // For init(): a fresh simulator of 40 desktops, and a data directory of the test's own.
    bool startSimulator(int jobDurationMs = 100)
    {
        if (!m_home.isValid())
            return false;
        m_dataDir = m_home.filePath(QStringLiteral("cli-data-%1").arg(QLatin1String(QTest::currentTestFunction())));
        m_simulator = std::make_unique<WorkspaceSimulator>(
            simulatorConfig(QStringLiteral("SIM-AK"), QStringLiteral("SIM-SK-SECRET"), 40, jobDurationMs));
        return m_simulator->listen();
    }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("HUAWEICLOUD_SDK_AK"), m_simulator->config().accessKey);
        env.insert(QStringLiteral("HUAWEICLOUD_SDK_SK"), m_simulator->config().secretKey);
        env.insert(QStringLiteral("HUAWEICLOUD_SDK_PROJECT_ID"), m_simulator->config().projectId);
        env.remove(QStringLiteral("HUAWEICLOUD_SDK_SECURITY_TOKEN"));
        return env;
    }

    QStringList connection() const
    {
        return {QStringLiteral("--endpoint"), m_simulator->url().toString(), QStringLiteral("--data-dir"),
                m_dataDir};
    }

    QStringList demoConnection() const
    {
        return {QStringLiteral("--demo"), QStringLiteral("--data-dir"), m_dataDir};
    }

    Result run(const QStringList &arguments) const { return runAgainst(arguments, connection()); }

    // The CLI's --demo, its data under m_dataDir.
    Result runDemo(const QStringList &arguments) const { return runAgainst(arguments, demoConnection()); }

    Result runAgainst(const QStringList &arguments, const QStringList &target) const
    {
        return runCli(arguments + target, environment());
    }

    // Starts the CLI with these arguments (the connection included) and stops it with SIGTERM
    // (handled like Ctrl+C) once its stderr says `said`.
    Result interruptOnceSaid(const QStringList &arguments, const QByteArray &said) const
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(WORKSPACE_CLI_PATH), arguments);
        QByteArray errors;
        Result result;
        if (!QTest::qWaitFor([&] { return (errors += process.readAllStandardError()).contains(said); }, 30000)) {
            process.kill();
            return result;
        }
        process.terminate();
        if (!finished.wait(30000))
            return result;
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
        result.err = QString::fromUtf8(errors + process.readAllStandardError());
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        return result;
    }

    Result runDelete(const QStringList &ids, const QStringList &extra = {}) const
    {
        return run(QStringList{QStringLiteral("delete"), QStringLiteral("--ids"), ids.join(QLatin1Char(',')),
                               QStringLiteral("--yes"), QStringLiteral("--poll-interval"),
                               QStringLiteral("0.05")}
                   + extra);
    }

    // The desktops the CLI itself lists, as JSON objects.
    QList<QJsonObject> listed() const { return listedFrom(connection()); }

    QList<QJsonObject> demoListed() const { return listedFrom(demoConnection()); }

    QList<QJsonObject> listedFrom(const QStringList &target) const
    {
        const Result result =
            runAgainst({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")}, target);
        QList<QJsonObject> desktops;
        const QJsonArray array = QJsonDocument::fromJson(result.out.toUtf8()).array();
        for (const QJsonValue &value : array)
            desktops.append(value.toObject());
        return desktops;
    }

    QStringList someIds(int count) const
    {
        QStringList ids;
        const QList<QJsonObject> desktops = listed();
        for (const QJsonObject &desktop : desktops) {
            if (ids.size() == count)
                break;
            if (desktop.value(QStringLiteral("task_status")).toString().isEmpty())
                ids.append(desktop.value(QStringLiteral("desktop_id")).toString());
        }
        return ids;
    }

    QStringList auditEvents(const QString &event) const
    {
        QStringList jobs;
        const QList<QJsonObject> entries = AuditLog::readEntries(AuditLog::defaultFilePath(m_dataDir));
        for (const QJsonObject &entry : entries) {
            if (entry.value(QStringLiteral("event")).toString() == event)
                jobs.append(entry.value(QStringLiteral("job_id")).toString());
        }
        return jobs;
    }

    // The pools as the simulator lists them now, by id.
    QHash<QString, DesktopPool> pools() const
    {
        QNetworkAccessManager network;
        const std::unique_ptr<ApiClient> client = clientFor(*m_simulator, &network);
        QHash<QString, DesktopPool> byId;
        for (const DesktopPool &pool : listAllPools(client.get(), 30000))
            byId.insert(pool.id, pool);
        return byId;
    }

    // A profile of the simulator that protects the desktops tagged protected=true.
    bool saveProtectingProfile(ProfileStore &profiles, const QString &name) const
    {
        ConnectionProfile profile;
        profile.name = name;
        profile.endpoint = m_simulator->url();
        profile.projectId = m_simulator->config().projectId;
        profile.protectedTags = {QStringLiteral("protected=true")};
        return profiles.save(profile);
    }

    // A desktop free to delete whose pool has autoscale on; its pool in *poolId.
    QString desktopOfScalingPool(QString *poolId) const
    {
        const QHash<QString, DesktopPool> known = pools();
        // The listing does not name pools (the simulator's default, assumption POOL-ID): the
        // simulator's own record does, so the CLI must find the pool itself.
        const QHash<QString, QString> poolOfDesktop = m_simulator->poolOfDesktop();
        for (const QJsonObject &desktop : listed()) {
            const QString pool = poolOfDesktop.value(desktop.value(QStringLiteral("desktop_id")).toString());
            if (!desktop.value(QStringLiteral("task_status")).toString().isEmpty()
                || desktop.value(QStringLiteral("billing")).toString() == QLatin1String("yearly_monthly")
                || !known.value(pool).autoscaleEnabled.value_or(false))
                continue;
            *poolId = pool;
            return desktop.value(QStringLiteral("desktop_id")).toString();
        }
        return {};
    }

    QString firstTagged(const QString &key, const QString &value, const QList<QJsonObject> &desktops) const
    {
        for (const QJsonObject &desktop : desktops) {
            if (desktop.value(QStringLiteral("tags")).toObject().value(key).toString() == value)
                return desktop.value(QStringLiteral("desktop_id")).toString();
        }
        return {};
    }

    // Every event of the audit log, in order.
    QStringList auditEventNames() const
    {
        QStringList events;
        for (const QJsonObject &entry : AuditLog::readEntries(AuditLog::defaultFilePath(m_dataDir)))
            events.append(entry.value(QStringLiteral("event")).toString());
        return events;
    }

    QTemporaryDir m_home;
    QString m_dataDir;
    std::unique_ptr<WorkspaceSimulator> m_simulator;
};
