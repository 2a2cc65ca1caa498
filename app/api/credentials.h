#pragma once

#include <QString>

// AK/SK credentials, optionally temporary (with a security token). The secret parts are never
// printed: there is deliberately no QDebug operator and no toString().
struct Credentials
{
    QString accessKey;
    QString secretKey;
    QString securityToken; // empty for permanent credentials

    bool isComplete() const { return !accessKey.isEmpty() && !secretKey.isEmpty(); }

    // Overwrites the secret parts before they are released, so they linger in memory no longer
    // than needed.
    void clear();
};
