#pragma once

#include "api/workspacetypes.h"

#include <QString>

// A desktop as the review suites hand it to ChangeReview: pay-per-use, active, no user connected,
// named "name-" and its id.
inline Desktop reviewDesktop(const QString& id, const QString& user = QString())
{
    Desktop desktop;
    desktop.id = id;
    desktop.computerName = QStringLiteral("name-") + id;
    desktop.userName = user;
    desktop.status = QStringLiteral("ACTIVE");
    desktop.loginStatus = QStringLiteral("DISCONNECTED");
    desktop.billingMode = BillingMode::PayPerUse;
    return desktop;
}
