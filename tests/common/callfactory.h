#pragma once

#include <QMetaType>

#include <functional>
#include <memory>

class ApiCall;
class ApiClient;
struct ClientConfig;

// A table row's call: made for the test's client, so that each row carries what it runs instead
// of a tag the test function dispatches on.
using CallFactory = std::function<std::unique_ptr<ApiCall>(ApiClient *client)>;
Q_DECLARE_METATYPE(CallFactory)
// A table row's change to the client's configuration before the client is made.
using ConfigChange = std::function<void(ClientConfig &config)>;
Q_DECLARE_METATYPE(ConfigChange)
