#include "credentialsource.h"

#include <QCoreApplication>

namespace CredentialSource {

namespace {
QString valueOf(const QProcessEnvironment &environment, const char *name)
{
    return environment.value(QLatin1String(name)).trimmed();
}

std::optional<EnvironmentCredentials> fail(QString *error, const char *text)
{
    if (error)
        *error = QCoreApplication::translate("CredentialSource", text);
    return std::nullopt;
}
} // namespace

std::optional<EnvironmentCredentials> fromEnvironment(const QProcessEnvironment &environment,
                                                      QString *error)
{
    EnvironmentCredentials result;
    result.projectId = valueOf(environment, projectIdVariable);
    Credentials &credentials = result.credentials;
    credentials.accessKey = valueOf(environment, accessKeyVariable);
    credentials.secretKey = valueOf(environment, secretKeyVariable);
    credentials.securityToken = valueOf(environment, securityTokenVariable);

    const bool hasAccessKey = !credentials.accessKey.isEmpty();
    const bool hasSecretKey = !credentials.secretKey.isEmpty();
    if (hasAccessKey != hasSecretKey) {
        credentials.clear();
        return fail(error, hasAccessKey
                               ? QT_TRANSLATE_NOOP("CredentialSource",
                                                   "HUAWEICLOUD_SDK_AK is set but HUAWEICLOUD_SDK_SK "
                                                   "is not; set both or neither.")
                               : QT_TRANSLATE_NOOP("CredentialSource",
                                                   "HUAWEICLOUD_SDK_SK is set but HUAWEICLOUD_SDK_AK "
                                                   "is not; set both or neither."));
    }
    if (!hasAccessKey && !credentials.securityToken.isEmpty()) {
        credentials.clear();
        return fail(error, QT_TRANSLATE_NOOP("CredentialSource",
                                             "HUAWEICLOUD_SDK_SECURITY_TOKEN is set without "
                                             "HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK; temporary "
                                             "credentials need all three."));
    }
    return result;
}

} // namespace CredentialSource
