#include "credentials.h"

namespace {
void wipe(QString &value)
{
    value.fill(QLatin1Char('\0'));
    value.clear();
}
} // namespace

void Credentials::clear()
{
    wipe(secretKey);
    wipe(securityToken);
    accessKey.clear();
}
