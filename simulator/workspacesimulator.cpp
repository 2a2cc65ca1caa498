#include "workspacesimulator.h"

#include "decommissionroutes.h"
#include "retirementroutes.h"
#include "deletionroutes.h"
#include "desktopgenerator.h"
#include "desktoplistfilter.h"
#include "faultinjector.h"
#include "iamroutes.h"
#include "signatureverifier.h"
#include "simulatorhttpserver.h"
#include "simulatorreply.h"
#include "simulatorstate.h"
#include "simulatorstore.h"

#include <QFile>
#include <QHash>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QPointer>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpSocket>
#include <QUrlQuery>

#include <algorithm>

// Off by default: workspace-sim prints its own request lines; enable for library users.
Q_LOGGING_CATEGORY(lcSimulator, "workspace.simulator", QtInfoMsg)

using namespace SimulatorErrorCode;

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    return QByteArray(QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(static_cast<int>(method)))
        .toUpper();
}

enum class Route { None, ListDesktops, BatchDelete, ShowJob, ListSubJobs, Decommission, Retirement, Iam };

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
        else if (RetirementRoutes::matches(method, path, &result.projectId))
            result.route = Route::Retirement;
        else if (IamRoutes::matches(method, path))
            result.route = Route::Iam;
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

// The value of the last Content-Type header, trimmed and in lower case.
QByteArray contentTypeOf(const QHttpServerRequest &request)
{
    QByteArray contentType;
    for (const auto &[name, value] : request.headers()) {
        if (name.compare("content-type", Qt::CaseInsensitive) == 0)
            contentType = value.trimmed().toLower();
    }
    return contentType;
}

} // namespace

class WorkspaceSimulatorPrivate
{
public:
    WorkspaceSimulatorPrivate(WorkspaceSimulator *q, SimulatorConfig config);

    void handle(const QHttpServerRequest &request, QTcpSocket *socket,
                std::shared_ptr<QHttpServerResponder> responder);
    SimulatorReply dispatch(const RouteMatch &route, const QHttpServerRequest &request);
    SimulatorReply authenticate(const QByteArray &method, const QHttpServerRequest &request, const RouteMatch &route);
    SimulatorReply listDesktops(const QUrlQuery &query);
    // SimulatorConfig::stateFilePath: the state kept across restarts (see simulatorstore.h).
    void restoreState();
    // What a first start writes in full, and a migrated state file.
    SimulatorState snapshot() const;
    void applyState(const SimulatorState &state);
    // Maintenance mode, log-off and autoscale outlive a demo restart: the rows of what the
    // accepted request named.
    void saveDecommissionChange(const QString &path, const QByteArray &body);

    WorkspaceSimulator *q;
    SimulatorConfig m_config;
    FaultInjector m_faults;
    SignatureVerifier m_verifier;
    SimulatorHttpServer m_server;
    bool m_tls = false;
    quint16 m_port = 0;
    QList<SimulatedDesktop> m_desktops;
    QHash<QString, qsizetype> m_indexById;
    DecommissionRoutes m_decommission;
    RetirementRoutes m_retirement;
    DeletionRoutes m_deletions;
    IamRoutes m_iam;
    std::vector<std::unique_ptr<WorkspaceSimulator>> m_otherProjects;
    QList<WorkspaceSimulator::ReceivedRequest> m_received; // with the Host each was sent to
    std::unique_ptr<SimulatorStore> m_store; // null: nothing is kept
};

WorkspaceSimulatorPrivate::WorkspaceSimulatorPrivate(WorkspaceSimulator *q, SimulatorConfig config)
    : q(q)
    , m_config(std::move(config))
    , m_faults(m_config.seed, q,
               [q](const QByteArray &method, const QString &path, int status) {
                   Q_EMIT q->requestHandled(method, path, status);
               })
    , m_verifier(m_config.accessKey.toUtf8(), m_config.secretKey.toUtf8())
    , m_server([this](const QHttpServerRequest &request, QTcpSocket *socket,
                      std::shared_ptr<QHttpServerResponder> responder) {
        handle(request, socket, std::move(responder));
    })
    , m_desktops(DesktopGenerator::generate(m_config.desktopCount, m_config.seed, m_config.computerNamePrefix))
    , m_decommission(m_desktops, m_indexById, m_config.seed, QDateTime::currentDateTimeUtc())
    , m_retirement(m_desktops, m_indexById, [this](const QString &id) { return m_decommission.lastUsed(id); })
    , m_deletions(m_desktops, m_indexById, m_config, m_faults.faults())
{
    m_indexById.reserve(m_desktops.size());
    for (qsizetype i = 0; i < m_desktops.size(); ++i)
        m_indexById.insert(m_desktops.at(i).id, i);
    if (m_config.addressesAsArray || m_config.poolIdInDesktopDetails) {
        for (SimulatedDesktop &desktop : m_desktops) {
            if (!m_config.addressesAsArray && desktop.poolId.isEmpty())
                continue; // nothing of it changes
            desktop.addressesAsArray = m_config.addressesAsArray;
            desktop.poolIdSent = m_config.poolIdInDesktopDetails;
            desktop.refreshJson();
        }
    }
    m_decommission.setNotFoundAnswer(m_config.notFoundAnswer);
    m_retirement.setNotFoundAnswer(m_config.notFoundAnswer);
    QObject::connect(&m_deletions, &DeletionRoutes::jobFinished, q, &WorkspaceSimulator::jobFinished);
    m_iam.addProject(m_config.projectId, m_config.region);
    m_iam.addProject(QStringLiteral("5b9c1e0f2d3a4b6c8e7f9a0b1c2d3e4f"), QStringLiteral("MOS"));
    const QStringList retiring = m_config.retiringExamples
        ? RetirementRoutes::addRetiringExamples(m_desktops, QDateTime::currentDateTimeUtc().date())
        : QStringList();
    restoreState();
    for (int i = 0; i < retiring.size(); ++i) {
        const QDateTime lastUse = RetirementRoutes::exampleLastUse(m_desktops.at(m_indexById.value(retiring.at(i))), i);
        if (lastUse.isValid())
            m_decommission.setLastUsed(retiring.at(i), lastUse);
    }
}

void WorkspaceSimulatorPrivate::handle(const QHttpServerRequest &request, QTcpSocket *socket,
                                       std::shared_ptr<QHttpServerResponder> responder)
{
    const QByteArray method = methodName(request.method());
    const QString path = request.url().path();
    m_received.append({method, path, QString::fromLatin1(request.value("host")), request.body()});

    const RouteMatch route = matchRoute(method, path);
    for (const std::unique_ptr<WorkspaceSimulator> &other : m_otherProjects) {
        if (route.route != Route::Iam && !route.projectId.isEmpty() && route.projectId == other->config().projectId) {
            other->d->m_tls = m_tls; // the URL it verifies signatures against is this server's
            other->d->handle(request, socket, std::move(responder));
            return;
        }
    }
    const bool faulty = route.route != Route::None && m_faults.appliesTo(method, path);
    SimulatorReply reply;
    if (route.route == Route::None) {
        reply = errorReply(404, kApiNotFound, QStringLiteral("The API does not exist or has not been published in the environment"),
                           QStringLiteral("%1 %2").arg(QString::fromLatin1(method), path));
    } else if (std::optional<SimulatorReply> faultAnswer = faulty ? m_faults.answerInstead() : std::nullopt) {
        reply = std::move(*faultAnswer);
    } else {
        reply = authenticate(method, request, route);
        if (reply.status == 200)
            reply = dispatch(route, request);
    }
    if (route.route == Route::Iam)
        IamRoutes::addTraceId(reply);
    // What was answered is kept before the answer goes out (a client may act on it at once).
    if (m_store)
        m_store->commit();
    m_faults.deliver(std::move(reply), faulty, method, path, QPointer<QTcpSocket>(socket), std::move(responder));
}

SimulatorReply WorkspaceSimulatorPrivate::authenticate(const QByteArray &method, const QHttpServerRequest &request,
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
    if (route.route == Route::Iam) // IAM is the account's, not a project's
        return {};
    if (route.projectId != m_config.projectId
        || (hasProjectHeader && QString::fromUtf8(projectHeader) != m_config.projectId)) {
        SimulatorReply reply = errorReply(403, kForbidden,
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

SimulatorReply WorkspaceSimulatorPrivate::dispatch(const RouteMatch &route, const QHttpServerRequest &request)
{
    const QUrlQuery query(request.url().query(QUrl::FullyEncoded));
    switch (route.route) {
    case Route::ListDesktops:
        return listDesktops(query);
    case Route::BatchDelete:
        return m_deletions.batchDelete(contentTypeOf(request), request.body());
    case Route::ShowJob:
        return m_deletions.showJob(route.jobId);
    case Route::ListSubJobs:
        return m_deletions.listSubJobs(query);
    case Route::Decommission: {
        m_deletions.updateJobs();
        const DecommissionRoutes::Answer answer =
            m_decommission.handle(methodName(request.method()), request.url().path(), query,
                                  request.value("Content-Type"), request.body(), QDateTime::currentDateTimeUtc());
        if (request.method() != QHttpServerRequest::Method::Get && answer.status < 300)
            saveDecommissionChange(request.url().path(), request.body());
        return {answer.status, answer.body, {}};
    }
    case Route::Retirement: {
        m_deletions.updateJobs();
        const RetirementRoutes::Answer answer =
            m_retirement.handle(methodName(request.method()), request.url().path(), query, contentTypeOf(request),
                                request.body(), QDateTime::currentDateTimeUtc());
        for (const QString &id : m_retirement.changedDesktopIds()) {
            if (m_store)
                m_store->saveDesktop(m_desktops.at(m_indexById.value(id)));
        }
        return {answer.status, answer.body, {}};
    }
    case Route::Iam: {
        const QString base = (m_tls ? QStringLiteral("https://") : QStringLiteral("http://"))
            + QString::fromLatin1(request.value("Host"));
        return m_iam.handle(methodName(request.method()), request.url().path(), query, base);
    }
    case Route::None:
        break;
    }
    return errorReply(404, kApiNotFound, QStringLiteral("The API does not exist"));
}

SimulatorReply WorkspaceSimulatorPrivate::listDesktops(const QUrlQuery &query)
{
    QString error;
    const std::optional<DesktopListFilter> filter = DesktopListFilter::parse(query, &error);
    if (!filter)
        return invalidParameterReply(QStringLiteral("Invalid request parameter"), error);
    m_deletions.updateJobs();
    const QList<const SimulatedDesktop *> matching = filter->apply(m_desktops);
    const qsizetype end = qMin<qsizetype>(matching.size(), qsizetype(filter->offset()) + filter->limit());

    // Joined from each desktop's ready-made JSON: far cheaper than building a QJsonDocument.
    SimulatorReply reply;
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

void WorkspaceSimulatorPrivate::restoreState()
{
    if (m_config.stateFilePath.isEmpty())
        return;
    auto store = std::make_unique<SimulatorStore>(m_config.stateFilePath);
    QString error;
    if (!store->open(&error)) {
        qCWarning(lcSimulator) << "Cannot keep the simulator state in" << m_config.stateFilePath << ":" << error;
        return;
    }
    std::optional<SimulatorState> state = store->load(&error);
    if (!error.isEmpty()) {
        qCWarning(lcSimulator) << "Ignoring the simulator state" << m_config.stateFilePath << ":" << error;
        return;
    }
    const bool fromStore = state.has_value();
    QString migratedFile;
    if (!state && !m_config.legacyStateFilePath.isEmpty()) {
        state = SimulatorState::load(m_config.legacyStateFilePath, &error);
        if (!error.isEmpty())
            qCWarning(lcSimulator) << "Ignoring the simulator state" << m_config.legacyStateFilePath << ":" << error;
        if (state)
            migratedFile = m_config.legacyStateFilePath;
    }
    const bool ours = state && state->projectId == m_config.projectId && state->desktopCount == m_config.desktopCount
        && state->seed == m_config.seed;
    if (state && !ours) {
        qCWarning(lcSimulator) << "Ignoring the simulator state" << (fromStore ? m_config.stateFilePath : migratedFile)
                               << ": it belongs to other generated desktops";
        // Left as it is for the generation it belongs to: this simulator keeps nothing.
        if (fromStore)
            return;
        migratedFile.clear();
    }
    if (ours)
        applyState(*state);
    if (!fromStore) {
        store->saveAll(snapshot());
        // Read once: from now on the database is the state.
        if (!migratedFile.isEmpty() && !QFile::remove(migratedFile))
            qCWarning(lcSimulator) << "Cannot remove the migrated simulator state" << migratedFile;
    }
    m_store = std::move(store);
    m_deletions.setStore(m_store.get());
}

void WorkspaceSimulatorPrivate::applyState(const SimulatorState &state)
{
    for (const SimulatorState::DesktopFields &fields : state.desktops) {
        const auto index = m_indexById.constFind(fields.id);
        if (index == m_indexById.cend())
            continue;
        SimulatedDesktop &desktop = m_desktops[*index];
        desktop.status = fields.status;
        desktop.taskStatus = fields.taskStatus;
        desktop.loginStatus = fields.loginStatus;
        desktop.removed = fields.removed;
        desktop.inMaintenanceMode = fields.inMaintenanceMode;
        if (fields.created.isValid())
            desktop.created = fields.created;
        if (fields.tags)
            desktop.tags = *fields.tags;
        desktop.refreshJson();
    }
    m_decommission.restorePoolAutoscale(state.poolAutoscale);
    m_deletions.restore(state);
}

SimulatorState WorkspaceSimulatorPrivate::snapshot() const
{
    SimulatorState state;
    state.projectId = m_config.projectId;
    state.desktopCount = m_config.desktopCount;
    state.seed = m_config.seed;
    state.desktops.reserve(m_desktops.size());
    for (const SimulatedDesktop &desktop : m_desktops)
        state.desktops.append(SimulatorStore::fieldsOf(desktop));
    state.poolAutoscale = m_decommission.poolAutoscale();
    m_deletions.saveInto(&state);
    return state;
}

void WorkspaceSimulatorPrivate::saveDecommissionChange(const QString &path, const QByteArray &body)
{
    if (!m_store)
        return;
    if (path.contains(QLatin1String("/desktop-pools"))) {
        const QHash<QString, bool> autoscale = m_decommission.poolAutoscale();
        for (auto it = autoscale.cbegin(); it != autoscale.cend(); ++it)
            m_store->savePoolAutoscale(it.key(), it.value());
        return;
    }
    const QJsonArray ids = QJsonDocument::fromJson(body).object().value(QLatin1String("desktop_ids")).toArray();
    for (const QJsonValue &id : ids) {
        const auto index = m_indexById.constFind(id.toString());
        if (index != m_indexById.cend())
            m_store->saveDesktop(m_desktops.at(*index));
    }
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

IamRoutes &WorkspaceSimulator::iam()
{
    return d->m_iam;
}

WorkspaceSimulator *WorkspaceSimulator::addProject(SimulatorConfig config)
{
    config.accessKey = d->m_config.accessKey;
    config.secretKey = d->m_config.secretKey;
    auto other = std::make_unique<WorkspaceSimulator>(std::move(config));
    connect(other.get(), &WorkspaceSimulator::requestHandled, this, &WorkspaceSimulator::requestHandled);
    connect(other.get(), &WorkspaceSimulator::jobFinished, this, &WorkspaceSimulator::jobFinished);
    d->m_iam.addProject(other->config().projectId, other->config().region);
    d->m_otherProjects.push_back(std::move(other));
    return d->m_otherProjects.back().get();
}

const SimulatorConfig &WorkspaceSimulator::config() const
{
    return d->m_config;
}

void WorkspaceSimulator::setFaults(const SimulatorFaults &faults)
{
    d->m_faults.setFaults(faults);
}

const SimulatorFaults &WorkspaceSimulator::faults() const
{
    return d->m_faults.faults();
}

int WorkspaceSimulator::requestCount(const QByteArray &method, const QString &pathContains) const
{
    return static_cast<int>(std::count_if(d->m_received.cbegin(), d->m_received.cend(), [&](const auto &request) {
        return request.method == method && request.path.contains(pathContains);
    }));
}

QList<WorkspaceSimulator::ReceivedRequest> WorkspaceSimulator::receivedRequests(const QByteArray &method,
                                                                                const QString &pathContains) const
{
    QList<ReceivedRequest> found;
    for (const ReceivedRequest &request : d->m_received) {
        if ((method.isEmpty() || request.method == method) && request.path.contains(pathContains))
            found.append(request);
    }
    return found;
}

int WorkspaceSimulator::desktopCount() const
{
    d->m_deletions.updateJobs();
    return static_cast<int>(std::count_if(d->m_desktops.cbegin(), d->m_desktops.cend(),
                                           [](const SimulatedDesktop &desktop) { return !DeletionRoutes::isGone(desktop); }));
}

QHash<QString, QString> WorkspaceSimulator::poolOfDesktop() const
{
    d->m_deletions.updateJobs();
    QHash<QString, QString> pools;
    for (const SimulatedDesktop &desktop : d->m_desktops) {
        if (!desktop.poolId.isEmpty() && !DeletionRoutes::isGone(desktop))
            pools.insert(desktop.id, desktop.poolId);
    }
    return pools;
}

QStringList WorkspaceSimulator::deletedUsers() const
{
    return d->m_deletions.deletedUsers();
}

bool WorkspaceSimulator::keepsState() const
{
    return d->m_store != nullptr;
}

qint64 WorkspaceSimulator::stateRowsWritten() const
{
    return d->m_store ? d->m_store->rowsWritten() : 0;
}
