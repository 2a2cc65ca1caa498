#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

// A saved way to reach one Workspace project. Holds nothing secret: the secret key and the
// security token live in the system keychain (CredentialStore), keyed by the profile's name.
struct ConnectionProfile
{
    QString name;
    QString region;        // one of Endpoint::knownRegions() or any typed region
    QString projectId;
    QUrl endpoint;         // optional explicit URL; wins over the region's public endpoint
    QString caFile;        // optional PEM/DER file with extra CA certificates
    QStringList protectedTags; // "key=value" or "key": desktops carrying them are never deleted
    QString accessKeyId;   // the AK (not secret); the SK is in the keychain
    // Every region where the account has Workspace desktops, in one table: the region's IAM lists
    // the account's projects. The window's choice; the CLI asks with --all-regions instead.
    bool allRegions = false;

    // The explicit endpoint when set, otherwise the region's (Endpoint::forRegion); not validated.
    QUrl effectiveEndpoint() const;

    friend bool operator==(const ConnectionProfile &a, const ConnectionProfile &b);
    friend bool operator!=(const ConnectionProfile &a, const ConnectionProfile &b) { return !(a == b); }
};
