#pragma once

#include "api/apiclient.h"

#include <QDateTime>

#include <memory>

class QNetworkAccessManager;

// A client of a fake or misbehaving server (for the simulator, see simulatortestsupport.h's
// clientFor), signed with `credentials`; with a valid fixedNow every request is signed at that
// instant, so that signatures and fixtures do not depend on the wall clock. The configuration
// stays the suite's: its timeouts and retries are part of what the suite tests.
inline std::unique_ptr<ApiClient> clientFor(QNetworkAccessManager *network, const ClientConfig &config,
                                            const Credentials &credentials, const QDateTime &fixedNow = {})
{
    auto client = std::make_unique<ApiClient>(network, config, credentials);
    if (fixedNow.isValid())
        client->setClock([fixedNow] { return fixedNow; });
    return client;
}
