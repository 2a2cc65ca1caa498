#include "workspacesimulator.h"

#include "decommissionroutes.h"
#include "deletionjob.h"
#include "desktopgenerator.h"
#include "desktoplistfilter.h"
#include "signatureverifier.h"
#include "simulatorhttpserver.h"
#include "simulatorstate.h"

#include <QFile>
#include <QHash>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>
#include <limits>

// Off by default: workspace-sim prints its own request lines; enable for library users.
Q_LOGGING_CATEGORY(lcSimulator, "workspace.simulator", QtInfoMsg)

namespace {

// Error codes the simulator answers with. Documented: the gateway's (APIGW.*), WKS.00010032 (the
// only published conflict code, with 409) and WKS.0202 (resource not found, which the service is
// known to answer with HTTP 500). Not published, so the simulator's own and named as such:
// WKS.0001 (invalid parameter), WKS.0500 (server error), and the per-desktop failure codes of
// the unconfirmed cases (yearly/monthly, connected) and of injected faults.
const QString kApiNotFound = QStringLiteral("APIGW.0101");
const QString kAuthenticationFailed = QStringLiteral("APIGW.0301");
const QString kForbidden = QStringLiteral("APIGW.0302");
const QString kThrottled = QStringLiteral("APIGW.0308");
const QString kInvalidParameter = QStringLiteral("WKS.0001");
const QString kNotFound = QStringLiteral("WKS.0202");
constexpr int kNotFoundStatus = 500;
const QString kConflict = QStringLiteral("WKS.00010032");
const QString kServerError = QStringLiteral("WKS.0500");
// ASSUMPTION: no code is published for the refusal of a yearly/monthly desktop; WKS.0243 is the
// simulator's own, and the app never relies on it (it judges by the desktop's billing mode).
const QString kYearlyMonthly = QStringLiteral("WKS.0243");
const QString kUserConnected = QStringLiteral("WKS.0244");
const QString kInjectedFailure = QStringLiteral("WKS.0599");

constexpr int kMaxDesktopsPerBatch = 100;
constexpr int kMaxSubJobLimit = 1000;
constexpr int kMaxSubJobOffset = 10000;

struct Reply
{
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
};

Reply jsonReply(int status, const QJsonObject &object)
{
    return {status, QJsonDocument(object).toJson(QJsonDocument::Compact), {}};
}

Reply errorReply(int status, const QString &code, const QString &message, const QString &detail = {})
{
    QJsonObject body{{QStringLiteral("error_code"), code}, {QStringLiteral("error_msg"), message}};
    if (!detail.isEmpty())
        body.insert(QStringLiteral("error_detail"), detail);
    return jsonReply(status, body);
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    return QByteArray(QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(static_cast<int>(method)))
        .toUpper();
}

enum class Route { None, ListDesktops, BatchDelete, ShowJob, ListSubJobs, Decommission };

struct RouteMatch
{
    Route route = Route::None;
    QString projectId;
    QString jobId;
};

RouteMatch matchRoute(const QByteArray &method, const QString &path)
{
    static const QRegularExpression pattern(QStringLiteral(
        "^/v2/([^/]+)/(desktops/detail|desktops/batch-delete|workspace-jobs/([^/]+)|workspace-sub-jobs)/?$"));
    const QRegularExpressionMatch match = pattern.match(path);
    RouteMatch result;
    if (!match.hasMatch()) {
        if (DecommissionRoutes::matches(method, path, &result.projectId))
            result.route = Route::Decommission;
        return result;
    }
    result.projectId = match.captured(1);
    const QString resource = match.captured(2);
    if (resource == QLatin1String("desktops/detail") && method == "GET")
        result.route = Route::ListDesktops;
    else if (resource == QLatin1String("desktops/batch-delete") && method == "POST")
        result.route = Route::BatchDelete;
    else if (resource == QLatin1String("workspace-sub-jobs") && method == "GET")
        result.route = Route::ListSubJobs;
    else if (!match.captured(3).isEmpty() && method == "GET") {
        result.route = Route::ShowJob;
        result.jobId = match.captured(3);
    }
    return result;
}

// The same JSON with every number turned into its text, the way some gateways re-encode answers.
QJsonValue numbersAsStrings(const QJsonValue &value)
{
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue &item : value.toArray())
            array.append(numbersAsStrings(item));
        return array;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = numbersAsStrings(it.value());
        return object;
    }
    return value;
}

bool isInProgressDeletion(const SimulatedDesktop &desktop)
{
    return desktop.taskStatus == QLatin1String("deleting");
}

bool isGone(const SimulatedDesktop &desktop)
{
    return desktop.removed || desktop.status == QLatin1String("DELETED");
}

} // namespace

class WorkspaceSimulatorPrivate
{
public:
    WorkspaceSimulatorPrivate(WorkspaceSimulator *q, SimulatorConfig config);

    void handle(const QHttpServerRequest &request, QTcpSocket *socket,
                std::shared_ptr<QHttpServerResponder> responder);
    Reply dispatch(const RouteMatch &route, const QHttpServerRequest &request);
    Reply authenticate(const QByteArray &method, const QHttpServerRequest &request, const RouteMatch &route);
    Reply listDesktops(const QUrlQuery &query);
    Reply batchDelete(const QHttpServerRequest &request);
    Reply showJob(const QString &jobId);
    Reply conflictReply(const QString &instanceStatus, const QStringList &desktopIds);
    Reply refusalOfUnconfirmedDeletions(const QStringList &ids, bool forceDelete);
    Reply listSubJobs(const QUrlQuery &query);
    void onSubJobFinished(DeletionJob *job, const QString &desktopId, bool succeeded, bool deleteUsers);
    void applySubJobEnd(const QString &desktopId, bool succeeded, bool deleteUsers);
    DeletionJob *addJob(const QString &jobId, QList<DeletionTarget> targets, int durationMs, bool deleteUsers);
    // SimulatorConfig::stateFilePath: the state kept across restarts (see simulatorstate.h).
    void restoreState();
    void saveState();
    void updateJobs();
    void deliver(Reply reply, bool faulty, const QByteArray &method, const QString &path,
                 QPointer<QTcpSocket> socket, std::shared_ptr<QHttpServerResponder> responder);
    void write(const Reply &reply, bool faulty, const QByteArray &method, const QString &path,
               const QPointer<QTcpSocket> &socket, QHttpServerResponder &responder);

    WorkspaceSimulator *q;
    SimulatorConfig m_config;
    SimulatorFaults m_faults;
    SignatureVerifier m_verifier;
    SimulatorHttpServer m_server;
    bool m_tls = false;
    quint16 m_port = 0;
    QList<SimulatedDesktop> m_desktops;
    QHash<QString, qsizetype> m_indexById;
    DecommissionRoutes m_decommission;
    QHash<QString, QString> m_taskStatusBeforeDeletion;
    QHash<QString, DeletionJob *> m_jobs;
    QSet<QString> m_deletedUsers;
    QHash<QString, bool> m_jobDeleteUsers;
    QSet<QString> m_settledSubJobs; // "job/desktop": sub-jobs whose end already changed the desktop
    QList<QPair<QByteArray, QString>> m_requestLog;
    QRandomGenerator m_faultRandom;
};

WorkspaceSimulatorPrivate::WorkspaceSimulatorPrivate(WorkspaceSimulator *q, SimulatorConfig config)
    : q(q)
    , m_config(std::move(config))
    , m_verifier(m_config.accessKey.toUtf8(), m_config.secretKey.toUtf8())
    , m_server([this](const QHttpServerRequest &request, QTcpSocket *socket,
                      std::shared_ptr<QHttpServerResponder> responder) {
        handle(request, socket, std::move(responder));
    })
    , m_desktops(DesktopGenerator::generate(m_config.desktopCount, m_config.seed))
    , m_decommission(m_desktops, m_indexById, m_config.seed, QDateTime::currentDateTimeUtc())
    , m_faultRandom(m_config.seed)
{
    m_indexById.reserve(m_desktops.size());
    for (qsizetype i = 0; i < m_desktops.size(); ++i)
        m_indexById.insert(m_desktops.at(i).id, i);
    restoreState();
}

void WorkspaceSimulatorPrivate::handle(const QHttpServerRequest &request, QTcpSocket *socket,
                                       std::shared_ptr<QHttpServerResponder> responder)
{
    const QByteArray method = methodName(request.method());
    const QString path = request.url().path();
    m_requestLog.append({method, path});

    const RouteMatch route = matchRoute(method, path);
    const bool faulty = route.route != Route::None
        && (m_faults.pathFilter.isEmpty() || path.contains(m_faults.pathFilter));
    Reply reply;
    if (route.route == Route::None) {
        reply = errorReply(404, kApiNotFound, QStringLiteral("The API does not exist or has not been published in the environment"),
                           QStringLiteral("%1 %2").arg(QString::fromLatin1(method), path));
    } else if (faulty && m_faults.throttleShare > 0 && m_faultRandom.generateDouble() < m_faults.throttleShare) {
        reply = errorReply(429, kThrottled, QStringLiteral("The throttling threshold has been reached"));
        const bool withoutRetryAfter = m_faults.withoutRetryAfterShare > 0
            && m_faultRandom.generateDouble() < m_faults.withoutRetryAfterShare;
        if (m_faults.retryAfterSeconds >= 0 && !withoutRetryAfter)
            reply.headers.append({"Retry-After", QByteArray::number(m_faults.retryAfterSeconds)});
    } else if (faulty && m_faults.htmlErrorPage) {
        reply.status = m_faults.htmlErrorStatus;
        reply.body = QByteArrayLiteral("<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>"
                                       "<body><h1>Bad Gateway</h1><p>The proxy received an invalid "
                                       "response from an upstream server.</p></body></html>\n");
        reply.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/html; charset=iso-8859-1")});
    } else if (faulty && m_faults.serverErrorShare > 0
               && m_faultRandom.generateDouble() < m_faults.serverErrorShare) {
        reply = errorReply(m_faults.serverErrorStatus, kServerError, QStringLiteral("Internal server error (injected fault)"));
    } else {
        reply = authenticate(method, request, route);
        if (reply.status == 200)
            reply = dispatch(route, request);
    }
    deliver(std::move(reply), faulty, method, path, QPointer<QTcpSocket>(socket), std::move(responder));
}

Reply WorkspaceSimulatorPrivate::authenticate(const QByteArray &method, const QHttpServerRequest &request,
                                              const RouteMatch &route)
{
    const RequestSigner::HeaderList headers = request.headers();
    QByteArray host;
    QByteArray projectHeader;
    bool hasProjectHeader = false;
    for (const auto &[name, value] : headers) {
        if (name.compare("host", Qt::CaseInsensitive) == 0)
            host = value.trimmed();
        if (name.compare("x-project-id", Qt::CaseInsensitive) == 0) {
            projectHeader = value.trimmed();
            hasProjectHeader = true;
        }
    }
    // The URL the client signed: its scheme and Host header, and the path and query as received.
    const QUrl received = request.url();
    QByteArray target = received.path(QUrl::FullyEncoded).toLatin1();
    if (received.hasQuery())
        target += '?' + received.query(QUrl::FullyEncoded).toLatin1();
    const QUrl signedUrl = QUrl::fromEncoded((m_tls ? "https://" : "http://") + host + target, QUrl::StrictMode);

    const SignatureVerifier::Result verdict =
        m_verifier.verify(method, signedUrl, headers, request.body(), QDateTime::currentDateTimeUtc());
    if (!verdict.accepted) {
        return errorReply(401, kAuthenticationFailed,
                          QStringLiteral("Incorrect IAM authentication information: ") + verdict.reason);
    }
    if (route.projectId != m_config.projectId
        || (hasProjectHeader && QString::fromUtf8(projectHeader) != m_config.projectId)) {
        Reply reply = errorReply(403, kForbidden,
                                 QStringLiteral("The IAM user is not authorized to access project %1").arg(route.projectId),
                                 QStringLiteral("The access key belongs to another project."));
        QJsonObject body = QJsonDocument::fromJson(reply.body).object();
        body.insert(QStringLiteral("encoded_authorization_message"),
                    QString::fromLatin1(QByteArrayLiteral("simulated: project mismatch for ").toBase64()
                                        + route.projectId.toUtf8().toBase64()));
        reply.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        return reply;
    }
    return {};
}

Reply WorkspaceSimulatorPrivate::dispatch(const RouteMatch &route, const QHttpServerRequest &request)
{
    const QUrlQuery query(request.url().query(QUrl::FullyEncoded));
    switch (route.route) {
    case Route::ListDesktops:
        return listDesktops(query);
    case Route::BatchDelete:
        return batchDelete(request);
    case Route::ShowJob:
        return showJob(route.jobId);
    case Route::ListSubJobs:
        return listSubJobs(query);
    case Route::Decommission: {
        updateJobs();
        const DecommissionRoutes::Answer answer =
            m_decommission.handle(methodName(request.method()), request.url().path(), query,
                                  request.value("Content-Type"), request.body(), QDateTime::currentDateTimeUtc());
        if (request.method() != QHttpServerRequest::Method::Get && answer.status < 300)
            saveState(); // maintenance mode, log-off and autoscale outlive a demo restart
        return {answer.status, answer.body, {}};
    }
    case Route::None:
        break;
    }
    return errorReply(404, kApiNotFound, QStringLiteral("The API does not exist"));
}

void WorkspaceSimulatorPrivate::updateJobs()
{
    for (DeletionJob *job : std::as_const(m_jobs)) {
        if (!job->isFinished())
            job->update();
    }
}

Reply WorkspaceSimulatorPrivate::listDesktops(const QUrlQuery &query)
{
    QString error;
    const std::optional<DesktopListFilter> filter = DesktopListFilter::parse(query, &error);
    if (!filter)
        return errorReply(400, kInvalidParameter, QStringLiteral("Invalid request parameter"), error);
    updateJobs();
    const QList<const SimulatedDesktop *> matching = filter->apply(m_desktops);
    const qsizetype end = qMin<qsizetype>(matching.size(), qsizetype(filter->offset()) + filter->limit());

    // Joined from each desktop's ready-made JSON: far cheaper than building a QJsonDocument.
    Reply reply;
    reply.body.reserve(64 + (end > filter->offset() ? (end - filter->offset()) * 1600 : 0));
    reply.body += "{\"total_count\":" + QByteArray::number(matching.size()) + ",\"desktops\":[";
    for (qsizetype i = filter->offset(); i < end; ++i) {
        if (i > filter->offset())
            reply.body += ',';
        reply.body += matching.at(i)->compactJson();
    }
    reply.body += "]}";
    return reply;
}

Reply WorkspaceSimulatorPrivate::batchDelete(const QHttpServerRequest &request)
{
    QByteArray contentType;
    for (const auto &[name, value] : request.headers()) {
        if (name.compare("content-type", Qt::CaseInsensitive) == 0)
            contentType = value.trimmed().toLower();
    }
    if (!contentType.startsWith("application/json"))
        return errorReply(400, kInvalidParameter, QStringLiteral("Content-Type must be application/json"));

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return errorReply(400, kInvalidParameter, QStringLiteral("The request body is not a JSON object"),
                          parseError.errorString());
    const QJsonObject body = document.object();

    bool options[3] = {false, true, false};
    const char *optionNames[3] = {"delete_users", "email_notification", "is_force_delete"};
    for (int i = 0; i < 3; ++i) {
        const QJsonValue value = body.value(QLatin1String(optionNames[i]));
        if (value.isUndefined())
            continue;
        if (!value.isBool())
            return errorReply(400, kInvalidParameter, QStringLiteral("%1 must be a boolean").arg(QLatin1String(optionNames[i])));
        options[i] = value.toBool();
    }
    const bool deleteUsers = options[0];
    const bool forceDelete = options[2];

    const QJsonValue idsValue = body.value(QLatin1String("desktop_ids"));
    if (!idsValue.isArray())
        return errorReply(400, kInvalidParameter, QStringLiteral("desktop_ids must be an array of desktop ids"));
    const QJsonArray idArray = idsValue.toArray();
    if (idArray.isEmpty() || idArray.size() > kMaxDesktopsPerBatch)
        return errorReply(400, kInvalidParameter,
                          QStringLiteral("desktop_ids must hold 1 to %1 desktop ids").arg(kMaxDesktopsPerBatch),
                          QStringLiteral("%1 were sent").arg(idArray.size()));
    QStringList ids;
    for (const QJsonValue &value : idArray) {
        if (!value.isString() || value.toString().isEmpty())
            return errorReply(400, kInvalidParameter, QStringLiteral("every desktop id must be a non-empty string"));
        if (ids.contains(value.toString()))
            return errorReply(400, kInvalidParameter, QStringLiteral("desktop_ids holds a duplicate"), value.toString());
        ids.append(value.toString());
    }

    updateJobs();
    QStringList unknown;
    QStringList busy;
    for (const QString &id : std::as_const(ids)) {
        const auto index = m_indexById.constFind(id);
        if (index == m_indexById.cend() || isGone(m_desktops.at(*index)))
            unknown.append(id);
        else if (isInProgressDeletion(m_desktops.at(*index)))
            busy.append(id);
    }
    if (!unknown.isEmpty())
        return errorReply(kNotFoundStatus, kNotFound, QStringLiteral("The resource not found"),
                          QStringLiteral("Unknown desktop ids: ") + unknown.join(QStringLiteral(", ")));
    if (!busy.isEmpty())
        return conflictReply(QStringLiteral("deleting"), busy);
    const Reply refusal = refusalOfUnconfirmedDeletions(ids, forceDelete);
    if (refusal.status != 200)
        return refusal;

    QList<DeletionTarget> targets;
    for (const QString &id : std::as_const(ids)) {
        SimulatedDesktop &desktop = m_desktops[m_indexById.value(id)];
        DeletionTarget target{desktop.id, desktop.computerName, desktop.userName, desktop.ipAddress,
                              desktop.productId, {}, {}};
        // ASSUMPTION (not confirmed by any document): yearly/monthly desktops and connected ones
        // without is_force_delete fail one by one; see UnconfirmedDeletion for the other answer.
        if (desktop.yearlyMonthly) {
            target.errorCode = kYearlyMonthly;
            target.failReason = QStringLiteral("The desktop is billed yearly/monthly and cannot be deleted; unsubscribe it instead.");
        } else if (m_faults.failingDesktopIds.contains(id)) {
            target.errorCode = kInjectedFailure;
            target.failReason = QStringLiteral("Deleting the desktop failed (injected fault).");
        } else if (desktop.loginStatus == QLatin1String("CONNECTED") && !forceDelete) {
            target.errorCode = kUserConnected;
            target.failReason = QStringLiteral("A user is connected to the desktop; delete it with is_force_delete to disconnect the user.");
        }
        targets.append(std::move(target));
        m_taskStatusBeforeDeletion.insert(id, desktop.taskStatus);
        desktop.taskStatus = QStringLiteral("deleting");
        desktop.refreshJson();
    }

    const QString jobId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    DeletionJob *job = addJob(jobId, std::move(targets), m_config.jobDurationMs, deleteUsers);
    job->setNeverEnds(m_faults.jobsNeverEnd);
    job->start();
    saveState();
    return jsonReply(202, QJsonObject{{QStringLiteral("job_id"), jobId}});
}

DeletionJob *WorkspaceSimulatorPrivate::addJob(const QString &jobId, QList<DeletionTarget> targets, int durationMs,
                                               bool deleteUsers)
{
    auto *job = new DeletionJob(jobId, std::move(targets), durationMs, q);
    QObject::connect(job, &DeletionJob::subJobFinished, q, [this, job, deleteUsers](const QString &desktopId, bool succeeded) {
        onSubJobFinished(job, desktopId, succeeded, deleteUsers);
    });
    QObject::connect(job, &DeletionJob::finished, q, [this, job] { Q_EMIT q->jobFinished(job->id(), job->status()); });
    m_jobs.insert(jobId, job);
    m_jobDeleteUsers.insert(jobId, deleteUsers);
    return job;
}

void WorkspaceSimulatorPrivate::restoreState()
{
    if (m_config.stateFilePath.isEmpty())
        return;
    QString error;
    const std::optional<SimulatorState> state = SimulatorState::load(m_config.stateFilePath, &error);
    if (!state) {
        if (!error.isEmpty())
            qCWarning(lcSimulator) << "Ignoring the simulator state" << m_config.stateFilePath << ":" << error;
        return;
    }
    if (state->projectId != m_config.projectId || state->desktopCount != m_config.desktopCount
        || state->seed != m_config.seed) {
        qCWarning(lcSimulator) << "Ignoring the simulator state" << m_config.stateFilePath
                               << ": it belongs to other generated desktops";
        return;
    }
    for (const SimulatorState::DesktopFields &fields : state->desktops) {
        const auto index = m_indexById.constFind(fields.id);
        if (index == m_indexById.cend())
            continue;
        SimulatedDesktop &desktop = m_desktops[*index];
        desktop.status = fields.status;
        desktop.taskStatus = fields.taskStatus;
        desktop.loginStatus = fields.loginStatus;
        desktop.removed = fields.removed;
        desktop.inMaintenanceMode = fields.inMaintenanceMode;
        desktop.refreshJson();
    }
    m_decommission.restorePoolAutoscale(state->poolAutoscale);
    m_taskStatusBeforeDeletion = state->taskStatusBeforeDeletion;
    m_deletedUsers = QSet<QString>(state->deletedUsers.cbegin(), state->deletedUsers.cend());
    for (const SimulatorState::Job &saved : state->jobs) {
        for (const QString &desktopId : saved.settledDesktopIds)
            m_settledSubJobs.insert(saved.id + QLatin1Char('/') + desktopId);
        addJob(saved.id, saved.targets, saved.durationMs, saved.deleteUsers)->resume(saved.createdUtc, saved.subJobIds);
    }
}

void WorkspaceSimulatorPrivate::saveState()
{
    if (m_config.stateFilePath.isEmpty())
        return;
    SimulatorState state;
    state.projectId = m_config.projectId;
    state.desktopCount = m_config.desktopCount;
    state.seed = m_config.seed;
    for (const SimulatedDesktop &desktop : std::as_const(m_desktops))
        state.desktops.append({desktop.id, desktop.status, desktop.taskStatus, desktop.loginStatus, desktop.removed,
                               desktop.inMaintenanceMode});
    state.poolAutoscale = m_decommission.poolAutoscale();
    state.taskStatusBeforeDeletion = m_taskStatusBeforeDeletion;
    state.deletedUsers = QStringList(m_deletedUsers.cbegin(), m_deletedUsers.cend());
    for (const DeletionJob *job : std::as_const(m_jobs)) {
        SimulatorState::Job saved;
        saved.id = job->id();
        saved.targets = job->targets();
        saved.subJobIds = job->subJobIds();
        saved.durationMs = job->durationMs();
        saved.createdUtc = job->createdUtc();
        saved.deleteUsers = m_jobDeleteUsers.value(job->id());
        for (const DeletionTarget &target : std::as_const(saved.targets)) {
            if (m_settledSubJobs.contains(job->id() + QLatin1Char('/') + target.desktopId))
                saved.settledDesktopIds.append(target.desktopId);
        }
        state.jobs.append(std::move(saved));
    }
    QString error;
    if (!state.save(m_config.stateFilePath, &error))
        qCWarning(lcSimulator) << "Cannot save the simulator state to" << m_config.stateFilePath << ":" << error;
}

void WorkspaceSimulatorPrivate::onSubJobFinished(DeletionJob *job, const QString &desktopId, bool succeeded,
                                                 bool deleteUsers)
{
    // A resumed job reports the sub-jobs that ended before the restart again: their effects stay.
    const QString settledKey = job->id() + QLatin1Char('/') + desktopId;
    if (m_settledSubJobs.contains(settledKey))
        return;
    m_settledSubJobs.insert(settledKey);
    applySubJobEnd(desktopId, succeeded, deleteUsers);
    saveState();
}

void WorkspaceSimulatorPrivate::applySubJobEnd(const QString &desktopId, bool succeeded, bool deleteUsers)
{
    SimulatedDesktop &desktop = m_desktops[m_indexById.value(desktopId)];
    const QString previousTaskStatus = m_taskStatusBeforeDeletion.take(desktopId);
    if (!succeeded) {
        desktop.taskStatus = previousTaskStatus;
        desktop.refreshJson();
        return;
    }
    desktop.taskStatus.clear();
    if (m_config.deletedDesktopsRemain) {
        desktop.status = QStringLiteral("DELETED");
        desktop.loginStatus = QStringLiteral("UNREGISTER");
    } else {
        desktop.removed = true;
    }
    desktop.refreshJson();

    if (!deleteUsers || desktop.userName.isEmpty())
        return;
    const bool hasOtherDesktop = std::any_of(m_desktops.cbegin(), m_desktops.cend(), [&desktop](const SimulatedDesktop &other) {
        return &other != &desktop && !isGone(other) && other.userName == desktop.userName;
    });
    if (!hasOtherDesktop)
        m_deletedUsers.insert(desktop.userName);
}

Reply WorkspaceSimulatorPrivate::conflictReply(const QString &instanceStatus, const QStringList &desktopIds)
{
    // The documented conflict: "Operation conflict. The desktop current instance status is [...]
    // and deny operation [...]".
    return errorReply(409, kConflict,
                      QStringLiteral("Operation conflict. The desktop current instance status is [%1] and deny operation [delete]")
                          .arg(instanceStatus),
                      QStringLiteral("Desktops: ") + desktopIds.join(QStringLiteral(", ")));
}

Reply WorkspaceSimulatorPrivate::refusalOfUnconfirmedDeletions(const QStringList &ids, bool forceDelete)
{
    if (m_config.unconfirmedDeletion == UnconfirmedDeletion::FailPerDesktop)
        return {};
    // ASSUMPTION (the other plausible answer): the whole call is refused, nothing is deleted.
    QStringList yearly;
    QStringList connected;
    for (const QString &id : ids) {
        const SimulatedDesktop &desktop = m_desktops.at(m_indexById.value(id));
        if (desktop.yearlyMonthly)
            yearly.append(id);
        else if (desktop.loginStatus == QLatin1String("CONNECTED") && !forceDelete)
            connected.append(id);
    }
    if (yearly.isEmpty() && connected.isEmpty())
        return {};
    if (m_config.unconfirmedDeletion == UnconfirmedDeletion::RefuseWholeCall409)
        return conflictReply(yearly.isEmpty() ? QStringLiteral("connected") : QStringLiteral("yearly/monthly"),
                             yearly + connected);
    return errorReply(400, yearly.isEmpty() ? kUserConnected : kYearlyMonthly,
                      yearly.isEmpty()
                          ? QStringLiteral("A user is connected to a desktop; delete it with is_force_delete.")
                          : QStringLiteral("A desktop is billed yearly/monthly; unsubscribe it instead."),
                      QStringLiteral("Desktops: ") + (yearly + connected).join(QStringLiteral(", ")));
}

Reply WorkspaceSimulatorPrivate::showJob(const QString &jobId)
{
    DeletionJob *job = m_jobs.value(jobId);
    // ShowJob documents 404; the service is known to answer this instead.
    if (!job)
        return errorReply(kNotFoundStatus, kNotFound, QStringLiteral("The resource not found"), jobId);
    job->update();
    return jsonReply(200, job->toJson());
}

Reply WorkspaceSimulatorPrivate::listSubJobs(const QUrlQuery &query)
{
    const QString jobId = query.queryItemValue(QStringLiteral("job_id"), QUrl::FullyDecoded);
    const QString jobType = query.queryItemValue(QStringLiteral("job_type"), QUrl::FullyDecoded);
    const QString status = query.queryItemValue(QStringLiteral("status"), QUrl::FullyDecoded);
    static const QStringList statuses = {QStringLiteral("WAITING"), QStringLiteral("RUNNING"),
                                         QStringLiteral("SUCCESS"), QStringLiteral("FAILED")};
    if (query.hasQueryItem(QStringLiteral("status")) && !statuses.contains(status))
        return errorReply(400, kInvalidParameter, QStringLiteral("status must be one of ") + statuses.join(QStringLiteral(", ")));
    int offset = 0;
    int limit = kMaxSubJobLimit;
    bool ok = true;
    if (query.hasQueryItem(QStringLiteral("offset")))
        offset = query.queryItemValue(QStringLiteral("offset")).toInt(&ok);
    if (!ok || offset < 0 || offset > kMaxSubJobOffset)
        return errorReply(400, kInvalidParameter, QStringLiteral("offset must be an integer from 0 to %1").arg(kMaxSubJobOffset));
    if (query.hasQueryItem(QStringLiteral("limit")))
        limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit < 0 || limit > kMaxSubJobLimit)
        return errorReply(400, kInvalidParameter, QStringLiteral("limit must be an integer from 0 to %1").arg(kMaxSubJobLimit));

    // job_id and job_type are filters: a job nobody knows, or another type, matches nothing
    // (the documents do not say; an empty page is what a filter gives). Jobs in the order of
    // their ids, so that paging is stable.
    QList<DeletionJob *> jobs;
    if (!jobId.isEmpty()) {
        if (DeletionJob *job = m_jobs.value(jobId))
            jobs.append(job);
    } else {
        jobs = m_jobs.values();
        std::sort(jobs.begin(), jobs.end(), [](const DeletionJob *a, const DeletionJob *b) { return a->id() < b->id(); });
    }
    if (!jobType.isEmpty() && jobType != QLatin1String(DeletionJob::kJobType))
        jobs.clear();
    QList<QJsonObject> matching;
    for (DeletionJob *job : std::as_const(jobs)) {
        job->update();
        int total = 0;
        matching += job->subJobsJson(status, 0, std::numeric_limits<int>::max(), &total);
    }
    QJsonArray page;
    for (const QJsonObject &subJob : matching.mid(offset, limit))
        page.append(subJob);
    return jsonReply(200, QJsonObject{{QStringLiteral("total_count"), int(matching.size())}, {QStringLiteral("jobs"), page}});
}

void WorkspaceSimulatorPrivate::deliver(Reply reply, bool faulty, const QByteArray &method, const QString &path,
                                        QPointer<QTcpSocket> socket, std::shared_ptr<QHttpServerResponder> responder)
{
    if (faulty && m_faults.dropConnectionsAfterExecuting > 0) {
        // Carried out, and the connection lost before the answer: the client cannot tell whether
        // anything happened, and Qt silently sends the request again.
        --m_faults.dropConnectionsAfterExecuting;
        if (socket)
            socket->abort();
        qCDebug(lcSimulator) << method << path << "-> connection dropped after executing";
        Q_EMIT q->requestHandled(method, path, 0);
        return;
    }
    if (faulty && m_faults.neverAnswer) {
        // The request was processed (a deletion did start): only the answer is lost, which is
        // the ambiguous case a client has to handle.
        qCDebug(lcSimulator) << method << path << "-> never answered";
        Q_EMIT q->requestHandled(method, path, 0);
        return;
    }
    if (faulty && m_faults.latencyMs > 0) {
        QTimer::singleShot(m_faults.latencyMs, q, [this, reply = std::move(reply), faulty, method, path, socket, responder] {
            write(reply, faulty, method, path, socket, *responder);
        });
        return;
    }
    write(reply, faulty, method, path, socket, *responder);
}

void WorkspaceSimulatorPrivate::write(const Reply &reply, bool faulty, const QByteArray &method, const QString &path,
                                      const QPointer<QTcpSocket> &socket, QHttpServerResponder &responder)
{
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return; // the client gave up while the answer was delayed

    QByteArray body = reply.body;
    const bool success = reply.status >= 200 && reply.status < 300;
    if (faulty && success && m_faults.malformedJson) {
        const qsizetype colon = body.indexOf(':');
        body = colon < 0 ? QByteArrayLiteral("{\"broken\"") : body.left(colon) + ';' + body.mid(colon + 1);
    }
    if (faulty && success && m_faults.truncatedJson)
        body.truncate(body.size() / 2);
    if (faulty && success && m_faults.stringsForNumbers)
        body = QJsonDocument::fromJson(body).isObject()
            ? QJsonDocument(numbersAsStrings(QJsonDocument::fromJson(body).object()).toObject()).toJson(QJsonDocument::Compact)
            : body;
    if (faulty && success && m_faults.arrayForObject)
        body = '[' + body + ']';
    if (faulty && success && body.size() < m_faults.paddedBodyBytes)
        body.append(QByteArray(m_faults.paddedBodyBytes - body.size(), ' '));

    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
    const bool ownContentType = std::any_of(reply.headers.cbegin(), reply.headers.cend(), [](const auto &header) {
        return header.first.compare("content-type", Qt::CaseInsensitive) == 0;
    });
    if (!ownContentType)
        responder.writeHeader("Content-Type", "application/json;charset=UTF-8");
    responder.writeHeader("X-Request-Id", QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1());
    for (const auto &[name, value] : reply.headers)
        responder.writeHeader(name, value);
    responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    if (faulty && m_faults.closeMidBody) {
        responder.writeBody(body.left(body.size() / 2));
        socket->flush();
        socket->disconnectFromHost();
        qCDebug(lcSimulator) << method << path << "->" << reply.status << "closed mid-body";
    } else {
        responder.writeBody(body);
        qCDebug(lcSimulator) << method << path << "->" << reply.status;
    }
    Q_EMIT q->requestHandled(method, path, reply.status);
}

WorkspaceSimulator::WorkspaceSimulator(SimulatorConfig config, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<WorkspaceSimulatorPrivate>(this, std::move(config)))
{
}

WorkspaceSimulator::~WorkspaceSimulator() = default;

bool WorkspaceSimulator::setupTls(const QString &certificatePath, const QString &keyPath, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    QFile certificateFile(certificatePath);
    if (!certificateFile.open(QIODevice::ReadOnly))
        return fail(tr("Cannot read the certificate %1: %2").arg(certificatePath, certificateFile.errorString()));
    const QSslCertificate certificate(&certificateFile, QSsl::Pem);
    if (certificate.isNull())
        return fail(tr("%1 holds no PEM certificate.").arg(certificatePath));
    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return fail(tr("Cannot read the private key %1: %2").arg(keyPath, keyFile.errorString()));
    const QByteArray keyData = keyFile.readAll();
    QSslKey key(keyData, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyData, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        return fail(tr("%1 holds no PEM RSA or EC private key.").arg(keyPath));
    d->m_server.sslSetup(certificate, key);
    d->m_tls = true;
    return true;
}

bool WorkspaceSimulator::listen(quint16 port)
{
    d->m_port = d->m_server.listen(QHostAddress::LocalHost, port);
    return d->m_port != 0;
}

quint16 WorkspaceSimulator::port() const
{
    return d->m_port;
}

QUrl WorkspaceSimulator::url() const
{
    QUrl url;
    url.setScheme(d->m_tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(d->m_port);
    return url;
}

const SimulatorConfig &WorkspaceSimulator::config() const
{
    return d->m_config;
}

void WorkspaceSimulator::setFaults(const SimulatorFaults &faults)
{
    d->m_faults = faults;
    // The same faults give the same sequence of answers, whatever happened before.
    d->m_faultRandom.seed(d->m_config.seed);
}

const SimulatorFaults &WorkspaceSimulator::faults() const
{
    return d->m_faults;
}

int WorkspaceSimulator::requestCount(const QByteArray &method, const QString &pathContains) const
{
    return static_cast<int>(std::count_if(d->m_requestLog.cbegin(), d->m_requestLog.cend(), [&](const auto &entry) {
        return entry.first == method && entry.second.contains(pathContains);
    }));
}

int WorkspaceSimulator::desktopCount() const
{
    d->updateJobs();
    return static_cast<int>(std::count_if(d->m_desktops.cbegin(), d->m_desktops.cend(),
                                           [](const SimulatedDesktop &desktop) { return !isGone(desktop); }));
}

QStringList WorkspaceSimulator::deletedUsers() const
{
    QStringList users(d->m_deletedUsers.cbegin(), d->m_deletedUsers.cend());
    users.sort();
    return users;
}
