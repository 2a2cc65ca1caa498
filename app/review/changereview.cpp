#include "changereview.h"


#include <QSet>

#include <algorithm>

ReviewedChange reviewedChangeOf(DecommissionAction action)
{
    switch (action) {
    case DecommissionAction::StartMaintenance:
        return ReviewedChange::StartMaintenance;
    case DecommissionAction::EndMaintenance:
        return ReviewedChange::EndMaintenance;
    case DecommissionAction::LogOff:
    case DecommissionAction::TurnAutoscaleOff:
        break;
    }
    return ReviewedChange::LogOff;
}

namespace {
// The service refuses a tag batch that would give a desktop more tags than its limit; the
// retirement's two keys overwrite themselves where the desktop has them already.
bool hasRoomForRetirementTags(const Desktop& desktop)
{
    QSet<QString> keys;
    for (const auto& tag : desktop.tags)
        keys.insert(tag.first);
    keys.insert(Retirement::retiredOnKey());
    keys.insert(Retirement::retireAfterKey());
    return keys.size() <= RetirementJson::kMaxTagsPerDesktop;
}
} // namespace

ChangeReview::ChangeReview()
{
    compute();
}

ChangeReview::ChangeReview(Facts facts, Choices choices)
    : m_facts(std::move(facts))
    , m_choices(std::move(choices))
{
    compute();
}

ChangeReview ChangeReview::withChoices(const Choices& choices) const
{
    return ChangeReview(m_facts, choices);
}

ChangeReview ChangeReview::withUsersDesktops(
    const QList<Desktop>& desktops, UsersListing listing, const QString& failure) const
{
    Facts facts = m_facts;
    facts.usersDesktops = desktops;
    facts.usersListing = listing;
    facts.usersFailure = failure;
    return ChangeReview(std::move(facts), m_choices);
}

ChangeReview ChangeReview::withPools(const QList<DesktopPool>& pools) const
{
    Facts facts = m_facts;
    facts.pools = pools;
    facts.poolsKnown = true;
    return ChangeReview(std::move(facts), m_choices);
}

DecommissionAction ChangeReview::action() const
{
    switch (m_facts.kind) {
    case ReviewedChange::StartMaintenance:
        return DecommissionAction::StartMaintenance;
    case ReviewedChange::EndMaintenance:
        return DecommissionAction::EndMaintenance;
    case ReviewedChange::LogOff:
    case ReviewedChange::Delete:
    case ReviewedChange::Retire:
    case ReviewedChange::Restore:
        break;
    }
    return DecommissionAction::LogOff;
}

void ChangeReview::compute()
{
    const DeletionClassification& classification = m_facts.classification;
    // The look-up's reasons first, then the review's own rules on what the look-up let through;
    // both in the order asked, each selected desktop once.
    QHash<QString, LeftOutDesktop> leftOutById;
    QHash<QString, int> timesListed;
    for (const QString& id : std::as_const(m_facts.requestedIds)) {
        if (++timesListed[id] == 2)
            m_repeatedIds.append(id);
    }
    for (LeftOutDesktop desktop : classification.leftOut) {
        if (desktop.reason == LeftOutReason::Duplicate)
            continue;
        if (desktop.reason == LeftOutReason::NotFound
            && m_facts.alreadyDeleted.contains(desktop.desktopId))
            desktop.reason = LeftOutReason::AlreadyDeleted;
        leftOutById.insert(desktop.desktopId, desktop);
    }
    m_targets.reserve(classification.deletable.size());
    for (const Desktop& desktop : classification.deletable) {
        LeftOutDesktop leftOut;
        leftOut.desktopId = desktop.id;
        leftOut.desktopName = desktop.computerName;
        const bool yearlyMonthly = desktop.billingMode == BillingMode::YearlyMonthly;
        const bool retiring = Retirement::stateOf(desktop.tags).isRetiring();
        if (yearlyMonthly && isDeletion())
            ++m_yearlyMonthlySelected;
        if (m_facts.alreadyDeleted.contains(desktop.id)) {
            leftOut.reason = LeftOutReason::AlreadyDeleted;
        } else if (isDeletion() && yearlyMonthly && m_choices.leaveOutYearlyMonthly) {
            leftOut.reason = LeftOutReason::YearlyMonthly;
        } else if (kind() == ReviewedChange::Retire && yearlyMonthly) {
            // A retirement ends in a deletion, which a yearly/monthly desktop never gets.
            leftOut.reason = LeftOutReason::YearlyMonthly;
        } else if (kind() == ReviewedChange::Retire && retiring) {
            leftOut.reason = LeftOutReason::AlreadyRetiring;
        } else if (kind() == ReviewedChange::Retire && !hasRoomForRetirementTags(desktop)) {
            leftOut.reason = LeftOutReason::TagLimit;
        } else if (kind() == ReviewedChange::Restore && !retiring) {
            leftOut.reason = LeftOutReason::NotRetiring;
        } else if (kind() == ReviewedChange::EndMaintenance && !desktop.inMaintenanceMode) {
            leftOut.reason = LeftOutReason::NotInMaintenance;
        } else if (kind() == ReviewedChange::StartMaintenance && desktop.inMaintenanceMode) {
            leftOut.reason = LeftOutReason::AlreadyInMaintenance;
        } else {
            m_targets.append(desktop);
            if (isDeletion() && yearlyMonthly)
                ++m_yearlyMonthlyTargets;
            if (desktop.isConnected())
                m_connected.append(desktop);
            continue;
        }
        leftOutById.insert(desktop.id, leftOut);
    }
    // The order asked, without repeats: a request may list one id several times.
    QSet<QString> seen;
    for (const QString& id : std::as_const(m_facts.requestedIds)) {
        if (seen.contains(id))
            continue;
        seen.insert(id);
        const auto found = leftOutById.constFind(id);
        if (found != leftOutById.cend())
            m_leftOut.append(*found);
    }
    m_selectedCount = int(seen.size());
    if (m_facts.requestedIds.isEmpty()) {
        // Built from desktops alone (no request): every desktop given was asked for once.
        m_selectedCount = int(classification.deletable.size() + leftOutById.size());
        for (const LeftOutDesktop& desktop : classification.leftOut) {
            if (desktop.reason != LeftOutReason::Duplicate)
                m_leftOut.append(leftOutById.value(desktop.desktopId));
        }
        for (const Desktop& desktop : classification.deletable) {
            const auto found = leftOutById.constFind(desktop.id);
            if (found != leftOutById.cend())
                m_leftOut.append(*found);
        }
    }

    if (!isDeletion())
        return;
    if (m_choices.options.deleteUsers) {
        // A desktop left out keeps its user, as any desktop outside the deletion does.
        QList<Desktop> listing = m_facts.usersDesktops;
        for (const Desktop& desktop : classification.deletable) {
            if (leftOutById.contains(desktop.id))
                listing.append(desktop);
        }
        m_users = DeletionImpact::usersOf(m_targets, listing);
    }
    if (m_facts.poolsKnown)
        m_scalingPools = DeletionImpact::scalingPools(m_targets, m_facts.pools);
}

QStringList ChangeReview::targetIds() const
{
    QStringList ids;
    ids.reserve(m_targets.size());
    for (const Desktop& desktop : m_targets)
        ids.append(desktop.id);
    return ids;
}

bool ChangeReview::leavesWorkUndone() const
{
    return DeletionClassifier::leavesWorkUndone(m_leftOut);
}

QStringList ChangeReview::connectedUserNames() const
{
    return DeletionImpact::userNamesOf(m_connected);
}

QList<DesktopPool> ChangeReview::poolsToStop() const
{
    if (!isDeletion() || !m_choices.turnAutoscaleOffFirst || m_targets.isEmpty())
        return {};
    return m_scalingPools;
}

QStringList ChangeReview::forceAdvice() const
{
    if (!isDeletion() || m_choices.options.forceDelete || m_facts.forceSuggested.isEmpty())
        return {};
    const QSet<QString> suggested(m_facts.forceSuggested.cbegin(), m_facts.forceSuggested.cend());
    QStringList ids;
    for (const Desktop& desktop : m_targets) {
        if (suggested.contains(desktop.id))
            ids.append(desktop.id);
    }
    return ids;
}

DeletionPlan ChangeReview::deletionPlan() const
{
    if (!isDeletion())
        return {};
    QHash<QString, QString> names;
    names.reserve(m_targets.size());
    for (const Desktop& desktop : m_targets)
        names.insert(desktop.id, desktop.computerName);
    return DeletionPlan(targetIds(), m_choices.options, names);
}

QList<ChangeTarget> ChangeReview::actionTargets() const
{
    QList<ChangeTarget> targets;
    if (isDeletion())
        return targets;
    targets.reserve(m_targets.size());
    for (const Desktop& desktop : m_targets)
        targets.append({ desktop.id, desktop.computerName });
    return targets;
}

RetirementRun::Mode ChangeReview::retirementMode() const
{
    return kind() == ReviewedChange::Restore ? RetirementRun::Mode::Restore
                                             : RetirementRun::Mode::Retire;
}

QList<RetirementTarget> ChangeReview::retirementTargets() const
{
    QList<RetirementTarget> targets;
    if (!isRetirement())
        return targets;
    targets.reserve(m_targets.size());
    for (const Desktop& desktop : m_targets)
        targets.append({ desktop.id, desktop.computerName, desktop.tags });
    return targets;
}

QList<DesktopTag> ChangeReview::retirementTags() const
{
    if (kind() != ReviewedChange::Retire)
        return {};
    return Retirement::retirementTags(retiredOn(), m_choices.graceDays);
}

QList<RetirementRun::StepRequest> ChangeReview::retirementRequests() const
{
    return RetirementRun::plannedRequests(
        retirementMode(), retirementTargets(), retirementMessage(), retirementTags());
}

bool ChangeReview::graceDaysValid() const
{
    return m_choices.graceDays >= 0 && m_choices.graceDays <= RetirementRun::kMaxGraceDays;
}

ChangeKind ChangeReview::changeKind() const
{
    if (isDeletion())
        return ChangeKinds::batchDelete(m_choices.options);
    return ChangeKinds::forAction(action(), m_choices.logoffMessage);
}

QList<PlannedChangeRequest> ChangeReview::plannedRequests() const
{
    // The kinds the runs are built with plan the requests here too, so that a preview is what is
    // sent.
    QList<PlannedChangeRequest> planned;
    if (isRetirement()) {
        const QList<RetirementRun::StepRequest> steps = retirementRequests();
        for (const RetirementRun::StepRequest& step : steps) {
            QStringList ids;
            for (const ChangeTarget& target : step.targets)
                ids.append(target.id);
            for (const QStringList& chunk : step.kind.chunksOf(ids)) {
                const PlannedRequest request = step.kind.plan(chunk);
                planned.append({ RetirementRun::stepName(step.step), request.method, request.path,
                    request.body, int(chunk.size()), QString() });
            }
        }
        return planned;
    }
    if (!isDeletion()) {
        const ChangeKind kind = changeKind();
        for (const QStringList& chunk : kind.chunksOf(targetIds())) {
            const PlannedRequest request = kind.plan(chunk);
            planned.append({ QString(), request.method, request.path, request.body,
                int(chunk.size()), QString() });
        }
        return planned;
    }
    const DeletionPlan plan = deletionPlan();
    if (plan.isEmpty())
        return planned;
    const ChangeKind autoscaleOff = ChangeKinds::poolAutoscale(false);
    for (const DesktopPool& pool : poolsToStop()) {
        const PlannedRequest request = autoscaleOff.plan({ pool.id });
        planned.append({ QString(), request.method, request.path, request.body, 0, pool.id });
    }
    for (int index = 0; index < plan.chunkCount(); ++index) {
        planned.append({ QString(), QByteArrayLiteral("POST"), QStringLiteral("desktops/batch-delete"),
            plan.requestBody(index), int(plan.chunk(index).size()), QString() });
    }
    return planned;
}

int ChangeReview::changeRequestCount() const
{
    if (isRetirement())
        return int(plannedRequests().size());
    const int perRequest = isDeletion() ? DeletionPlan::kMaxChunkSize
                                        : std::max(1, changeKind().maxTargetsPerRequest);
    return (targetCount() + perRequest - 1) / perRequest;
}

QUrl ChangeReview::urlOf(const PlannedChangeRequest& request) const
{
    // As the client forms it: the path appended, not resolved, so that the preview shows what is
    // sent.
    QUrl url = m_facts.apiBase;
    url.setPath(url.path() + request.path, QUrl::TolerantMode);
    return url;
}
