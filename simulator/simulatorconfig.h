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

// How the simulator answers a request naming a desktop, job or pool it does not know: the
// definitions document 404; the service is known to answer HTTP 500 with WKS.0202 as well.
enum class NotFoundAnswer {
    Status404, // the default
    Status500,
};

struct SimulatorConfig
{
    QString projectId = QStringLiteral("0a1b2c3d4e5f46a7b8c9d0e1f2a3b4c5");
    QString region = QStringLiteral("cn-north-4"); // the project's name in the simulated IAM
    QString accessKey;
    QString secretKey;
    int desktopCount = 300;
    // Computer names are {prefix}-{DEPARTMENT}-{number}: the demo's regions each have a site code
    // of their own, so that a name is never repeated from region to region.
    QString computerNamePrefix = QStringLiteral("WKS");
    quint32 seed = 1;
    int jobDurationMs = 4000;          // how long one sub-job takes from WAITING to its end
    // Answers the documents leave open (docs/SIMULATOR-ASSUMPTIONS.md names each one). The
    // defaults follow the published definitions; each switch gives the other plausible answer,
    // which the app must cope with too.
    NotFoundAnswer notFoundAnswer = NotFoundAnswer::Status404;
    bool addressesAsArray = false;       // "addresses" as the published example's array
    bool poolIdInDesktopDetails = false; // pooled desktops carry "pool_id", which no definition has
    QString deletionJobType = QStringLiteral("deleteDesktops"); // job_type of a batch deletion
    bool deletedDesktopsRemain = false; // deleted desktops come back as status DELETED
    UnconfirmedDeletion unconfirmedDeletion = UnconfirmedDeletion::FailPerDesktop;
    bool retiringExamples = false; // the demo's: a few desktops already retiring (RetirementRoutes)
    // When set, the state (desktops, deletions, jobs) is loaded from this database at start and
    // each change is written to it as it happens (SimulatorStore), so that a restarted simulator
    // goes on where it stopped.
    QString stateFilePath;
    // A JSON state file of earlier versions: read once, when stateFilePath holds nothing yet, into
    // the database, then removed.
    QString legacyStateFilePath;
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
    // byte of the answer is written (the app's transport does not send it again).
    int dropConnectionsAfterExecuting = 0;
    QString pathFilter;             // empty: every path; else only paths containing this text
    QByteArray methodFilter;        // empty: every method; else only requests of this one (e.g. "PUT")
    // Wrong-shape success bodies: the answer wrapped in a JSON array, or every number as a string.
    bool arrayForObject = false;
    bool stringsForNumbers = false;
    qint64 paddedBodyBytes = 0;     // success bodies padded with trailing spaces up to this size
    bool htmlErrorPage = false;     // answer htmlErrorStatus with an HTML page, like a broken proxy
    int htmlErrorStatus = 502;
    bool jobsNeverEnd = false;      // jobs accepted while set stay RUNNING: their sub-jobs never end
    QStringList failingDesktopIds;  // their sub-jobs fail
};
