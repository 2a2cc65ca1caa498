// MultiProjectChange's users: *delete users* chosen in the confirmation, each project's users'
// other desktops looked up in that project, since a user name means a user of one project only.
#include "multiprojectchange.h"

#include "decommission/deletionimpact.h"
#include "decommission/usersdesktopslookup.h"

void MultiProjectChange::lookUpUsersDesktops()
{
    if (m_running || m_cancelled || m_request.kind != ReviewedChange::Delete
        || !m_request.choices.options.deleteUsers)
        return;
    bool changed = false;
    for (int index = 0; index < int(m_parts.size()); ++index) {
        Part& part = *m_parts.at(size_t(index));
        const ChangeReview::UsersListing listing = part.review.facts().usersListing;
        if (part.usersLookUp || listing == ChangeReview::UsersListing::Complete
            || listing == ChangeReview::UsersListing::Failed)
            continue; // being looked up, or known (the preparation looked them up)
        // Every desktop that may be sent, whatever the choice on yearly/monthly ones: ticking
        // that box later must not bring users whose desktops were not looked up.
        const QStringList users
            = DeletionImpact::userNamesOf(part.review.facts().classification.deletable);
        changed = true;
        if (users.isEmpty()) {
            part.review = part.review.withUsersDesktops({}, ChangeReview::UsersListing::Complete);
            continue;
        }
        auto* lookUp = new UsersDesktopsLookUp(part.client.get(), users, this);
        if (m_request.lookUpTimeoutMs > 0)
            lookUp->setDeadline(QDeadlineTimer(m_request.lookUpTimeoutMs));
        part.usersLookUp = lookUp;
        part.review = part.review.withUsersDesktops(
            part.review.facts().usersDesktops, ChangeReview::UsersListing::InProgress);
        connect(lookUp, &UsersDesktopsLookUp::retrying, this, &MultiProjectChange::retrying);
        connect(lookUp, &UsersDesktopsLookUp::finished, this,
            [this, index, lookUp] { onUsersLookedUp(index, lookUp); });
        lookUp->start();
    }
    if (changed)
        Q_EMIT usersDesktopsChanged();
}

void MultiProjectChange::onUsersLookedUp(int index, UsersDesktopsLookUp* lookUp)
{
    lookUp->deleteLater();
    if (lookUp->wasCancelled() || m_running)
        return; // what is sent was confirmed: its review stays as it was
    Part& part = *m_parts.at(size_t(index));
    // The project's answer: a desktop gone since does not keep its user.
    part.review = part.review.withUsersDesktops(lookUp->desktops(),
        lookUp->succeeded() ? ChangeReview::UsersListing::Complete
                            : ChangeReview::UsersListing::Failed,
        lookUp->failureText());
    part.usersListingIncomplete = !lookUp->succeeded() && lookUp->wasIncomplete();
    Q_EMIT usersDesktopsChanged();
}

void MultiProjectChange::cancelUsersLookUps()
{
    for (const std::unique_ptr<Part>& part : m_parts) {
        if (part->usersLookUp && !part->usersLookUp->isFinished())
            part->usersLookUp->cancel();
    }
}

QStringList MultiProjectChange::usersLines(int namesShown) const
{
    QStringList lines;
    const bool several = m_parts.size() > 1;
    for (const std::unique_ptr<Part>& part : m_parts) {
        if (part->review.targetCount() == 0)
            continue;
        for (const QString& line : ChangeReviewText::usersLines(part->review, namesShown))
            lines.append(several
                    ? tr("%1: %2", "project: its users removed or kept").arg(part->label(), line)
                    : line);
    }
    return lines;
}
