#include "connectionprofile.h"

#include "api/endpoint.h"

QUrl ConnectionProfile::effectiveEndpoint() const
{
    if (!endpoint.isEmpty())
        return endpoint;
    if (region.trimmed().isEmpty())
        return {};
    return Endpoint::forRegion(region.trimmed());
}

bool operator==(const ConnectionProfile &a, const ConnectionProfile &b)
{
    return a.name == b.name && a.region == b.region && a.projectId == b.projectId
        && a.endpoint == b.endpoint && a.caFile == b.caFile
        && a.protectedTags == b.protectedTags && a.accessKeyId == b.accessKeyId
        && a.allRegions == b.allRegions;
}
