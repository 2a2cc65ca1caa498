#include "deletioncontext.h"

#include <QtGlobal>

#if defined(Q_OS_UNIX)
#include <pwd.h>
#include <unistd.h>

#include <vector>
#endif

QString DeletionContext::currentOsUser()
{
#if defined(Q_OS_UNIX)
    // The account the process runs as, from the system: environment variables can be unset or
    // name someone else (sudo, a service), and the home folder's name is no account name.
    const uid_t uid = geteuid();
    long size = sysconf(_SC_GETPW_R_SIZE_MAX);
    std::vector<char> buffer(size_t(size > 0 ? size : 16384));
    passwd entry{};
    passwd *found = nullptr;
    if (getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found) == 0 && found && found->pw_name)
        return QString::fromLocal8Bit(found->pw_name);
    // An account without a name in the user database (a container's arbitrary uid) is its number.
    return QStringLiteral("uid %1").arg(uid);
#else
    const QString name = qEnvironmentVariable("USERNAME");
    return name.isEmpty() ? QStringLiteral("unknown") : name;
#endif
}
