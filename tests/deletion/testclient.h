#pragma once

#include "api/apiclient.h"
#include "deletion/pollingbudget.h"
#include "fakeclient.h"

#include <QNetworkAccessManager>

#include <memory>

// Credentials whose secret parts tests search for in every file the engine writes.
inline constexpr char kTestSecretKey[] = "SK-very-secret-0123456789";
inline constexpr char kTestSecurityToken[] = "TOKEN-very-secret-abcdef";

// An ApiClient for the fake network: one attempt per call (tests script retries themselves), a
// short transfer timeout so that a hanging reply times out quickly, and a fast polling budget.
inline std::unique_ptr<ApiClient> makeTestClient(QNetworkAccessManager *network, int timeoutMs = 300)
{
    ClientConfig config;
    config.endpoint = QUrl(QStringLiteral("https://workspace.test.example"));
    config.projectId = QStringLiteral("project-1");
    config.transferTimeoutMs = timeoutMs;
    config.retry.maxAttempts = 1;
    Credentials credentials;
    credentials.accessKey = QStringLiteral("AK-test");
    credentials.secretKey = QString::fromLatin1(kTestSecretKey);
    credentials.securityToken = QString::fromLatin1(kTestSecurityToken);
    auto client = clientFor(network, config, credentials);
    // Job requests nearly unthrottled: these suites test what is asked, tst_pollingbudget how often.
    PollingBudget::Settings fast;
    fast.requestsPerSecond = 1000;
    PollingBudget::forClient(client.get())->setSettings(fast);
    return client;
}
