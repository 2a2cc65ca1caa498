#pragma once

#include "decommission/retirementrun.h"
#include "deletion/deletioncontext.h"
#include "deletion/deletionstore.h"

class ApiClient;
class ChangeReview;
class QObject;

// The run of a reviewed retirement or restore, for the window and the CLI alike: exactly the
// review's desktops with the tags its look-up saw, its message, its grace period and the day it
// dated the retirement, so that what is sent is what was confirmed. Null for any other review.
RetirementRun* retirementRunFor(ApiClient* client, DeletionStorePtr store, DeletionContext context,
    const ChangeReview& review, QObject* parent = nullptr);
