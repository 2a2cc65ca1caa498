#pragma once

#include "credentials.h"

#include <QProcessEnvironment>
#include <QString>

#include <optional>

// Credentials and project id from the environment variables the official Huawei Cloud SDKs read.
// A pure function of the given environment, so that callers (and tests) decide which one applies.
namespace CredentialSource {

inline constexpr const char accessKeyVariable[] = "HUAWEICLOUD_SDK_AK";
inline constexpr const char secretKeyVariable[] = "HUAWEICLOUD_SDK_SK";
inline constexpr const char securityTokenVariable[] = "HUAWEICLOUD_SDK_SECURITY_TOKEN";
inline constexpr const char projectIdVariable[] = "HUAWEICLOUD_SDK_PROJECT_ID";

struct EnvironmentCredentials
{
    Credentials credentials; // empty when the environment names none
    QString projectId;       // empty when not set

    bool hasCredentials() const { return credentials.isComplete(); }
};

// Values are trimmed (a pasted key often carries a newline). Returns nothing, with a translated
// reason in *error, when the variables contradict each other: an access key without a secret key
// or the other way round, or a security token without both keys. No environment credentials at all
// is not an error: the caller may have another source.
std::optional<EnvironmentCredentials> fromEnvironment(const QProcessEnvironment &environment,
                                                      QString *error);

} // namespace CredentialSource
