#pragma once

#include <QString>
#include <QStringList>

// How the simulator answers a batch that holds a desktop whose deletion the documents do not
// confirm (a yearly/monthly one, or a connected one without is_force_delete). Both answers are
// assumptions: the service may fail those desktops one by one or refuse the whole call.
enum class UnconfirmedDeletion {
    FailPerDesktop,    // the job is accepted; those sub-jobs fail (the default)
    RefuseWholeCall400, // 400 to the whole call, nothing deleted
    RefuseWholeCall409, // 409 to the whole call, nothing deleted
};

struct SimulatorConfig
{
    QString projectId = QStringLiteral("0a1b2c3d4e5f46a7b8c9d0e1f2a3b4c5");
    QString region = QStringLiteral("cn-north-4"); // the project's name in the simulated IAM
    QString accessKey;
    QString secretKey;
    int desktopCount = 300;
    quint32 seed = 1;
    int jobDurationMs = 4000;          // how long one sub-job takes from WAITING to its end
    bool deletedDesktopsRemain = false; // deleted desktops come back as status DELETED
    UnconfirmedDeletion unconfirmedDeletion = UnconfirmedDeletion::FailPerDesktop;
    // When set, the state (desktops, deletions, jobs) is loaded from this file at start and saved
    // to it after every change, so that a restarted simulator goes on where it stopped.
    QString stateFilePath;
};

// Faults on demand, for tests and demos. Shares are 0.0–1.0 of matching requests.
struct SimulatorFaults
{
    int latencyMs = 0;
    double throttleShare = 0.0;     // answered 429
    int retryAfterSeconds = 1;      // Retry-After of a 429; -1: never sent
    // Of the 429s, the share sent without Retry-After (no document mentions the header).
    double withoutRetryAfterShare = 0.5;
    double serverErrorShare = 0.0;  // 500/503
    int serverErrorStatus = 503;
    bool malformedJson = false;
    bool truncatedJson = false;
    bool neverAnswer = false;       // accept the request, never answer
    bool closeMidBody = false;      // send headers and half a body, then close
    // The next N matching requests are carried out, then their connection is closed before a
    // byte of the answer is written (Qt then re-sends the request once on a new connection).
    int dropConnectionsAfterExecuting = 0;
    QString pathFilter;             // empty: every path; else only paths containing this text
    // Wrong-shape success bodies: the answer wrapped in a JSON array, or every number as a string.
    bool arrayForObject = false;
    bool stringsForNumbers = false;
    qint64 paddedBodyBytes = 0;     // success bodies padded with trailing spaces up to this size
    bool htmlErrorPage = false;     // answer htmlErrorStatus with an HTML page, like a broken proxy
    int htmlErrorStatus = 502;
    bool jobsNeverEnd = false;      // jobs accepted while set stay RUNNING: their sub-jobs never end
    QStringList failingDesktopIds;  // their sub-jobs fail
};
