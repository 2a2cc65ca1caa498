#include "multiprojectchange.h"

#include "api/apiclient.h"
#include "api/endpoint.h"
#include "api/requestsigner.h"
#include "decommission/deletionafterautoscaleoff.h"
#include "deletion/deletionpreparation.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace {
const char* const kContext = "MultiProjectChange";
}

QString MultiProjectChange::Unplaced::reasonText() const
{
    const QString where = projects.join(QLatin1String(", "));
    switch (why) {
    case Why::NotFound:
        return QCoreApplication::translate(
            kContext, "not found in any Workspace project of the account");
    case Why::Ambiguous:
        return QCoreApplication::translate(
            kContext, "found in more than one project (%1): which one is meant is not known")
            .arg(where);
    case Why::NotSearched:
        return QCoreApplication::translate(
            kContext, "not found in the projects that answered; the look-up failed in %1")
            .arg(where);
    case Why::UnknownProject:
        break;
    }
    return QCoreApplication::translate(
        kContext, "its project is not one of the account's Workspace projects");
}

QString MultiProjectChange::labelOf(const WorkspaceProject& project)
{
    return project.isSubProject() ? project.name : project.region;
}

QString MultiProjectChange::Part::label() const
{
    return labelOf(project);
}

MultiProjectChange::MultiProjectChange(AccountAccess access, QList<WorkspaceProject> projects,
    DeletionStorePtr store, DeletionContext context, Request request, QObject* parent)
    : QObject(parent)
    , m_access(std::move(access))
    , m_projects(std::move(projects))
    , m_store(std::move(store))
    , m_context(std::move(context))
    , m_request(std::move(request))
{
    Q_ASSERT(m_store);
}

MultiProjectChange::~MultiProjectChange()
{
    m_access.credentials.clear();
}

QList<WorkspaceProject> MultiProjectChange::projectsOf(
    const IamProjectList& projects, const AccountAccess& access)
{
    return AccountProjects::workspaceProjects(
        projects, Endpoint::knownRegions(), access.explicitEndpoint, access.environment);
}

DeletionContext MultiProjectChange::contextFor(
    DeletionContext base, const WorkspaceProject& project)
{
    base.projectId = project.id;
    base.endpointHost = QString::fromLatin1(RequestSigner::hostHeader(project.endpoint));
    base.region = project.region;
    return base;
}

QList<ChangeReviewText::ProjectShare> MultiProjectChange::shares() const
{
    QList<ChangeReviewText::ProjectShare> shares;
    for (const std::unique_ptr<Part>& part : m_parts) {
        if (part->review.targetCount() > 0)
            shares.append({ part->label(), part->review.targetCount() });
    }
    return shares;
}

void MultiProjectChange::prepare()
{
    for (const ProjectDesktopId& desktop : std::as_const(m_request.desktops)) {
        if (desktop.projectId.isEmpty())
            m_unplacedIds.append(desktop.desktopId);
    }
    if (m_unplacedIds.isEmpty()) {
        assignLocated();
        return;
    }
    locate();
}

void MultiProjectChange::locate()
{
    // Each id once, looked up by id in every project: a desktop id names no project.
    QStringList unique = m_unplacedIds;
    unique.removeDuplicates();
    m_foundIn = QList<QStringList>(m_projects.size());
    m_locateErrors = QList<ApiError>(m_projects.size());
    auto* queue = new ProjectQueue(
        int(m_projects.size()),
        [this, unique](int index, std::function<void()> done) {
            m_locateClients.push_back(m_access.projectClient(m_projects.at(index)));
            DeletionPreparation::Request lookUp;
            lookUp.desktopIds = unique;
            lookUp.projectId = m_projects.at(index).id;
            auto* preparation
                = new DeletionPreparation(m_locateClients.back().get(), lookUp, nullptr, this);
            m_calls.append(preparation);
            connect(
                preparation, &DeletionPreparation::retrying, this, &MultiProjectChange::retrying);
            connect(preparation, &DeletionPreparation::finished, this,
                [this, index, preparation, done] {
                    preparation->deleteLater();
                    if (preparation->succeeded()) {
                        for (const Desktop& desktop : preparation->found()) {
                            if (!desktop.isGone())
                                m_foundIn[index].append(desktop.id);
                        }
                    } else {
                        m_locateErrors[index] = preparation->error();
                    }
                    done();
                });
            preparation->start();
        },
        this);
    m_calls.append(queue);
    connect(queue, &ProjectQueue::finished, this, [this, queue] {
        queue->deleteLater();
        if (!m_cancelled)
            assignLocated();
    });
    queue->start();
}

MultiProjectChange::Part& MultiProjectChange::partFor(const WorkspaceProject& project)
{
    for (const std::unique_ptr<Part>& part : m_parts) {
        if (part->project.id == project.id)
            return *part;
    }
    m_parts.push_back(std::make_unique<Part>());
    Part& part = *m_parts.back();
    part.project = project;
    part.client = m_access.projectClient(project);
    return part;
}

void MultiProjectChange::assignLocated()
{
    QHash<QString, qsizetype> projectById;
    for (qsizetype i = 0; i < m_projects.size(); ++i)
        projectById.insert(m_projects.at(i).id, i);
    QHash<QString, QList<qsizetype>> locatedIn;
    for (qsizetype i = 0; i < m_foundIn.size(); ++i) {
        for (const QString& id : std::as_const(m_foundIn.at(i)))
            locatedIn[id].append(i);
    }
    QStringList failed;
    for (qsizetype i = 0; i < m_locateErrors.size(); ++i) {
        if (m_locateErrors.at(i).isError())
            failed.append(labelOf(m_projects.at(i)));
    }
    // The order asked, in the parts as in the left-out list; repeats go to the part, which
    // reports them as a single project's review does.
    QSet<QString> unplacedSeen;
    const auto leaveOut
        = [this, &unplacedSeen](const QString& id, Unplaced::Why why, const QStringList& where) {
              if (unplacedSeen.contains(id))
                  return;
              unplacedSeen.insert(id);
              m_unplaced.append({ id, why, where });
          };
    for (const ProjectDesktopId& desktop : std::as_const(m_request.desktops)) {
        if (!desktop.projectId.isEmpty()) {
            const auto found = projectById.constFind(desktop.projectId);
            if (found == projectById.cend())
                leaveOut(desktop.desktopId, Unplaced::Why::UnknownProject, { desktop.projectId });
            else
                partFor(m_projects.at(*found)).requestedIds.append(desktop.desktopId);
            continue;
        }
        const QList<qsizetype> where = locatedIn.value(desktop.desktopId);
        if (where.size() == 1) {
            partFor(m_projects.at(where.first())).requestedIds.append(desktop.desktopId);
        } else if (where.size() > 1) {
            QStringList labels;
            for (const qsizetype index : where)
                labels.append(labelOf(m_projects.at(index)));
            leaveOut(desktop.desktopId, Unplaced::Why::Ambiguous, labels);
        } else {
            leaveOut(desktop.desktopId,
                failed.isEmpty() ? Unplaced::Why::NotFound : Unplaced::Why::NotSearched, failed);
        }
    }
    // The parts in the order of the account's projects, as the listing shows them.
    std::stable_sort(m_parts.begin(), m_parts.end(),
        [&projectById](const std::unique_ptr<Part>& a, const std::unique_ptr<Part>& b) {
            return projectById.value(a->project.id) < projectById.value(b->project.id);
        });
    reviewParts();
}

void MultiProjectChange::reviewParts()
{
    auto* queue = new ProjectQueue(
        int(m_parts.size()),
        [this](int index, std::function<void()> done) { reviewPart(index, std::move(done)); },
        this);
    m_calls.append(queue);
    connect(queue, &ProjectQueue::finished, this, [this, queue] {
        queue->deleteLater();
        if (!m_cancelled)
            finishPreparing();
    });
    queue->start();
}

void MultiProjectChange::reviewPart(int index, std::function<void()> done)
{
    Part& part = *m_parts.at(size_t(index));
    ChangePreparation::Request request;
    request.kind = m_request.kind;
    request.desktopIds = part.requestedIds;
    request.projectId = part.project.id;
    request.protectedTags = m_request.protectedTags;
    request.audit = &m_store->audit();
    request.inFlight = &m_store->inFlight();
    request.choices = m_request.choices;
    request.usersLookUpTimeoutMs = m_request.lookUpTimeoutMs;
    request.alreadyDeleted = m_request.alreadyDeleted;
    request.retryWasForced = m_request.retryWasForced;
    auto* preparation
        = new ChangePreparation(part.client.get(), request, &m_store->journal(), this);
    m_calls.append(preparation);
    connect(preparation, &ChangePreparation::retrying, this, &MultiProjectChange::retrying);
    connect(preparation, &ChangePreparation::finished, this, [this, index, preparation, done] {
        preparation->deleteLater();
        Part& part = *m_parts.at(size_t(index));
        if (preparation->succeeded()) {
            part.review = preparation->review();
            part.poolsWarning = preparation->poolsWarning();
            part.poolsIncomplete = preparation->poolsIncomplete();
            part.usersListingIncomplete = preparation->usersListingWasIncomplete();
        } else {
            part.error = preparation->error();
        }
        Q_EMIT progress(++m_preparedCount, int(m_parts.size()));
        done();
    });
    preparation->start();
}

void MultiProjectChange::finishPreparing()
{
    m_prepared = true;
    Q_EMIT prepared();
}

QStringList MultiProjectChange::lookUpFailures() const
{
    QStringList failures;
    for (qsizetype i = 0; i < m_locateErrors.size(); ++i) {
        if (!m_locateErrors.at(i).isError())
            continue;
        const WorkspaceProject& project = m_projects.at(i);
        failures.append(tr("%1 (project %2): the desktops could not be looked up: %3")
                            .arg(labelOf(project), project.id, m_locateErrors.at(i).summary()));
    }
    for (const std::unique_ptr<Part>& part : m_parts) {
        if (part->error.isError())
            failures.append(tr("%1 (project %2): the desktops could not be looked up: %3")
                                .arg(part->label(), part->project.id, part->error.summary()));
    }
    return failures;
}

bool MultiProjectChange::canRun() const
{
    return m_prepared && !m_cancelled && !m_running && lookUpFailures().isEmpty()
        && planningProblem().isEmpty();
}

int MultiProjectChange::targetCount() const
{
    int count = 0;
    for (const std::unique_ptr<Part>& part : m_parts)
        count += part->review.targetCount();
    return count;
}

int MultiProjectChange::requestCount() const
{
    int count = 0;
    for (const std::unique_ptr<Part>& part : m_parts)
        count += int(part->review.plannedRequests().size());
    return count;
}

int MultiProjectChange::changeRequestCount() const
{
    int count = 0;
    for (const std::unique_ptr<Part>& part : m_parts)
        count += part->review.changeRequestCount();
    return count;
}

ChangeReview MultiProjectChange::combinedReview() const
{
    ChangeReview::Facts facts;
    facts.kind = m_request.kind;
    facts.poolsKnown = !m_parts.empty();
    facts.usersListing = ChangeReview::UsersListing::Complete;
    const bool several = m_parts.size() > 1;
    for (const std::unique_ptr<Part>& part : m_parts) {
        const ChangeReview::Facts& share = part->review.facts();
        // Every field that names a user, so that the users' impact is counted per project.
        const auto named = [several, &part](Desktop desktop) {
            if (!several)
                return desktop;
            const auto qualified = [&part](const QString& user) {
                return user.isEmpty()
                    ? user
                    : tr("%1 (%2)", "user name (region)").arg(user, part->label());
            };
            desktop.userName = qualified(desktop.userName);
            for (QString& user : desktop.userList)
                user = qualified(user);
            for (AttachedUser& user : desktop.attachedUsers) {
                if (user.type == AttachedUser::Type::User)
                    user.name = qualified(user.name);
            }
            return desktop;
        };
        if (facts.apiBase.isEmpty()) {
            facts.apiBase = share.apiBase;
            facts.todayUtc = share.todayUtc;
        }
        facts.requestedIds += share.requestedIds;
        for (const Desktop& desktop : share.classification.deletable)
            facts.classification.deletable.append(named(desktop));
        facts.classification.leftOut += share.classification.leftOut;
        facts.pools += share.pools;
        facts.poolsKnown = facts.poolsKnown && share.poolsKnown;
        for (const Desktop& desktop : share.usersDesktops)
            facts.usersDesktops.append(named(desktop));
        // The least complete listing of any project is the combined one's.
        if (share.usersListing == ChangeReview::UsersListing::Failed
            || (share.usersListing != ChangeReview::UsersListing::Complete
                && facts.usersListing != ChangeReview::UsersListing::Failed))
            facts.usersListing = share.usersListing;
        if (!share.usersFailure.isEmpty()) {
            // Each project whose users' desktops could not be listed, by its label.
            const QString failure = several
                ? tr("%1: %2", "project: why its users' desktops are not known")
                      .arg(part->label(), share.usersFailure)
                : share.usersFailure;
            facts.usersFailure = facts.usersFailure.isEmpty()
                ? failure
                : facts.usersFailure + QLatin1Char(' ') + failure;
        }
        facts.forceSuggested += share.forceSuggested;
        facts.alreadyDeleted += share.alreadyDeleted;
    }
    // An id also asked for in a project is that project's (each selected desktop once).
    const QSet<QString> placed(facts.requestedIds.cbegin(), facts.requestedIds.cend());
    for (const Unplaced& desktop : m_unplaced) {
        if (placed.contains(desktop.desktopId))
            continue;
        facts.requestedIds.append(desktop.desktopId);
        facts.classification.leftOut.append(
            { desktop.desktopId, QString(), LeftOutReason::NotFound, QString() });
    }
    return ChangeReview(facts, m_request.choices);
}

void MultiProjectChange::setChoices(const ChangeReview::Choices& choices)
{
    if (m_running)
        return; // what is being sent is what was confirmed
    m_request.choices = choices;
    for (const std::unique_ptr<Part>& part : m_parts)
        part->review = part->review.withChoices(choices);
}

QString MultiProjectChange::previewText() const
{
    QStringList sections;
    for (const std::unique_ptr<Part>& part : m_parts) {
        if (part->review.plannedRequests().isEmpty())
            continue;
        sections.append(tr("## %1 (project %2)", "a project's planned requests")
                            .arg(part->label(), part->project.id)
            + QLatin1Char('\n') + ChangeReviewText::previewText(part->review));
    }
    return sections.join(QLatin1String("\n\n"));
}

QString MultiProjectChange::planningProblem() const
{
    if (m_request.kind != ReviewedChange::Delete)
        return {};
    QStringList problems;
    for (const std::unique_ptr<Part>& part : m_parts) {
        const DeletionAfterAutoscaleOff deletion(part->client.get(), m_store, DeletionContext(),
            part->review.deletionPlan(), part->review.poolsToStop());
        const QString problem = deletion.planningProblem();
        if (!problem.isEmpty())
            problems.append(tr("%1: %2", "project: problem").arg(part->label(), problem));
    }
    return problems.join(QLatin1Char(' '));
}

bool MultiProjectChange::leavesWorkUndone() const
{
    if (!m_unplaced.isEmpty())
        return true;
    return std::any_of(m_parts.cbegin(), m_parts.cend(), [](const std::unique_ptr<Part>& part) {
        return part->error.isError() || part->review.leavesWorkUndone();
    });
}
