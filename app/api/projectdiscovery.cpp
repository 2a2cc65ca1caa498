#include "projectdiscovery.h"

#include "endpoint.h"
#include "iamcalls.h"
#include "serverinput.h"

#include <QHash>
#include <QMutex>
#include <QMutexLocker>

namespace {
// IAM's answers are a few kilobytes; an account's whole list of projects stays far below this.
constexpr qint64 kMaxIamAnswerBytes = 4 * 1024 * 1024;

QMutex &cacheMutex()
{
    static QMutex mutex;
    return mutex;
}

QHash<QString, QString> &cache()
{
    static QHash<QString, QString> projects;
    return projects;
}
} // namespace

ProjectDiscovery::ProjectDiscovery(QNetworkAccessManager *network, Request request, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_request(std::move(request))
{
    m_request.region = m_request.region.trimmed().toLower();
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        fail(Failure::Deadline,
             tr("IAM at %1 did not tell the project of region “%2” within %3 seconds.")
                 .arg(iamName(), m_request.region)
                 .arg(m_request.deadlineMs / 1000.0));
    });
}

ProjectDiscovery::~ProjectDiscovery()
{
    m_request.credentials.clear();
}

void ProjectDiscovery::clearCache()
{
    const QMutexLocker lock(&cacheMutex());
    cache().clear();
}

QString ProjectDiscovery::cacheKey() const
{
    // The access key is not secret; the key never leaves this process's memory.
    return m_request.credentials.accessKey + QLatin1Char('\n') + m_request.region + QLatin1Char('\n')
        + m_request.iamEndpoint.toString();
}

QString ProjectDiscovery::iamName() const
{
    return m_request.iamEndpoint.toDisplayString();
}

void ProjectDiscovery::start()
{
    if (m_started)
        return;
    m_started = true;
    // Every outcome is reported from the event loop, so that callers connect after start() alike.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_finished)
                return;
            if (!Endpoint::isPlainRegionName(m_request.region)) {
                fail(Failure::Configuration, tr("The project id can only be found for a region id such as cn-north-4, "
                                      "not “%1”.")
                                       .arg(m_request.region));
                return;
            }
            QString endpointProblem;
            const std::optional<QUrl> iam = Endpoint::validate(m_request.iamEndpoint, &endpointProblem);
            if (!iam) {
                fail(Failure::Configuration, tr("The IAM endpoint “%1” cannot be used: %2").arg(iamName(), endpointProblem));
                return;
            }
            {
                const QMutexLocker lock(&cacheMutex());
                const auto known = cache().constFind(cacheKey());
                if (known != cache().cend()) {
                    m_fromCache = true;
                    m_projectId = *known;
                }
            }
            if (m_fromCache) {
                finish();
                return;
            }
            ClientConfig config = m_request.transport;
            config.endpoint = *iam;
            config.projectId.clear(); // no X-Project-Id on IAM calls
            config.maxResponseBytes = std::min(config.maxResponseBytes, kMaxIamAnswerBytes);
            m_client = new ApiClient(m_network, config, m_request.credentials, this);
            m_deadline.start(std::max(m_request.deadlineMs, 1));
            askByName();
        },
        Qt::QueuedConnection);
}

void ProjectDiscovery::cancel()
{
    if (m_finished)
        return;
    fail(Failure::Cancelled, tr("The search for the project of region “%1” was cancelled.").arg(m_request.region));
}

void ProjectDiscovery::askByName()
{
    auto *call = new ListProjectsByNameCall(m_client, m_request.region, this);
    m_call = call;
    whenFinished(call, this, [this](ListProjectsByNameCall *finished) {
        m_call = nullptr;
        m_traceId = finished->iamTraceId();
        if (finished->succeeded()) {
            conclude(finished->result());
        } else if (finished->error().kind == ApiError::Kind::Http && finished->error().httpStatus == 403) {
            // Listing projects by name needs a permission; the caller's own projects need none.
            m_usedFallback = true;
            askAuthProjects();
        } else {
            failWithIamError(finished->error());
        }
    });
    call->start();
}

void ProjectDiscovery::askAuthProjects()
{
    auto *call = new ListAuthProjectsCall(m_client, this);
    m_call = call;
    whenFinished(call, this, [this](ListAuthProjectsCall *finished) {
        m_call = nullptr;
        m_traceId = finished->iamTraceId();
        if (finished->succeeded())
            conclude(finished->result());
        else
            failWithIamError(finished->error());
    });
    call->start();
}

void ProjectDiscovery::conclude(const IamProjectList &projects)
{
    const RegionProjectMatch match = IamProjects::regionProject(projects, m_request.region);
    QString text;
    switch (match.outcome) {
    case RegionProjectMatch::Outcome::Found:
        succeed(match.projectId);
        return;
    case RegionProjectMatch::Outcome::None:
        text = tr("IAM at %1 lists no project named “%2” for this access key; enter the region's project id "
                  "yourself.")
                   .arg(iamName(), m_request.region);
        break;
    case RegionProjectMatch::Outcome::Several:
        text = tr("IAM at %1 lists %2 projects named “%3” for this access key (%4); choosing one is left to you: "
                  "enter its id as the project id.")
                   .arg(iamName())
                   .arg(match.count)
                   .arg(m_request.region, match.projectIds.join(QLatin1String(", ")));
        break;
    case RegionProjectMatch::Outcome::UnusableId:
        text = tr("IAM at %1 named the project “%2” with an id that cannot be used in a request.")
                   .arg(iamName(), m_request.region);
        break;
    }
    if (!m_traceId.isEmpty())
        text += QLatin1Char(' ') + tr("[IAM trace id %1]").arg(m_traceId);
    const Failure failure = match.outcome == RegionProjectMatch::Outcome::None ? Failure::NoProject
        : match.outcome == RegionProjectMatch::Outcome::Several              ? Failure::SeveralProjects
                                                                              : Failure::UnusableId;
    fail(failure, text);
}

void ProjectDiscovery::failWithIamError(const ApiError &error)
{
    m_iamError = error;
    QString text = tr("The project of region “%1” could not be found through IAM at %2: %3")
                       .arg(m_request.region, iamName(), error.summary());
    if (m_usedFallback)
        text += QLatin1Char(' ') + tr("(IAM refused to list projects by name, HTTP 403, and then this.)");
    fail(Failure::Iam, text);
}

void ProjectDiscovery::succeed(const QString &projectId)
{
    m_projectId = projectId;
    {
        const QMutexLocker lock(&cacheMutex());
        cache().insert(cacheKey(), projectId);
    }
    finish();
}

void ProjectDiscovery::fail(Failure failure, const QString &text)
{
    if (m_finished)
        return;
    m_failure = failure;
    m_errorText = text;
    finish();
}

void ProjectDiscovery::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_deadline.stop();
    if (m_call) {
        ApiCall *call = m_call;
        m_call = nullptr;
        call->disconnect(this);
        call->cancel();
        call->deleteLater();
    }
    if (m_client) {
        m_client->deleteLater();
        m_client = nullptr;
    }
    Q_EMIT finished();
}
