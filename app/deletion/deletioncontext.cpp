#include "deletioncontext.h"

#include <QDir>

QString DeletionContext::currentOsUser()
{
    for (const char *name : {"USER", "USERNAME", "LOGNAME"}) {
        QString value = qEnvironmentVariable(name);
        if (!value.isEmpty())
            return value;
    }
    return QDir::home().dirName();
}
