#pragma once

#include "deletionjob.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What the demo service must remember across a restart, so that it behaves like a service whose
// jobs go on while no client is running: the desktops' changeable fields (maintenance mode too)
// and their creation times, the pools' autoscale, the deletion jobs with their targets and start
// times (their progress follows the wall clock), and what each finished sub-job already did. The
// desktops themselves are regenerated from (desktop count, seed); a state saved for another
// generation is not applied. Holds no credential. SimulatorStore keeps it in a database; the JSON
// form is that of earlier versions' state files, read once to migrate them.
struct SimulatorState
{
    struct DesktopFields
    {
        QString id;
        QString status;
        QString taskStatus;
        QString loginStatus;
        bool removed = false;
        bool inMaintenanceMode = false;
        // Some generated desktops are made "created an hour ago" at each start; the first start's
        // time is kept. Invalid: the generated time holds (a state of earlier versions).
        QDateTime created;
        // The desktop's tags as last changed (tag calls); unset: the generated tags hold.
        std::optional<QList<QPair<QString, QString>>> tags;
    };
    struct Job
    {
        QString id;
        QList<DeletionTarget> targets;
        QStringList subJobIds; // in the order of the targets
        int durationMs = 0;
        QDateTime createdUtc;
        bool deleteUsers = false;
        QStringList settledDesktopIds; // sub-jobs whose end already changed the desktops
    };

    QString projectId;
    int desktopCount = 0;
    quint32 seed = 0;
    QList<DesktopFields> desktops;
    QHash<QString, QString> taskStatusBeforeDeletion;
    QStringList deletedUsers;
    QList<Job> jobs;
    QHash<QString, bool> poolAutoscale; // pool id → enable_autoscale, as last set

    // The state file of earlier versions (simulator-state.json). Nothing, with a reason in *error,
    // when the bytes are not a state of that format.
    static std::optional<SimulatorState> fromJson(const QByteArray &bytes, QString *error);
    // A missing file is an empty state (nothing, no error); an unreadable one is an error.
    static std::optional<SimulatorState> load(const QString &filePath, QString *error);
};
