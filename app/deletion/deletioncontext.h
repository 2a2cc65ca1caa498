#pragma once

#include <QString>

// Who deletes where: recorded with every audit entry and journal entry. Holds no credential.
struct DeletionContext
{
    QString profileName;
    QString projectId;
    QString endpointHost; // host[:port] of the API endpoint
    QString region;       // the project's region, e.g. cn-north-4; empty when not known
    QString osUser = currentOsUser();

    // The operating-system account running the app, for the audit trail.
    static QString currentOsUser();
};
