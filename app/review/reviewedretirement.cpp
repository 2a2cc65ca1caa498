#include "reviewedretirement.h"

#include "review/changereview.h"

RetirementRun* retirementRunFor(ApiClient* client, DeletionStorePtr store, DeletionContext context,
    const ChangeReview& review, QObject* parent)
{
    if (!review.isRetirement())
        return nullptr;
    auto* run = new RetirementRun(client, std::move(store), std::move(context),
        review.retirementMode(), review.retirementTargets(), parent);
    run->setGraceDays(review.choices().graceDays);
    run->setMessage(review.retirementMessage());
    run->setToday(review.retiredOn());
    return run;
}
