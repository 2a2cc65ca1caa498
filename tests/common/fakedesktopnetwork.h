#pragma once

#include "fakenetworkaccessmanager.h"

#include <QJsonArray>
#include <QJsonObject>

// FakeNetworkAccessManager answering ListDesktopsDetail from an in-memory list, with paging,
// canned errors and replies that hang until aborted: for the model and window tests. The fields
// are read at each request, so a test changes them between loads.
class FakeDesktopNetwork : public FakeNetworkAccessManager
{
    Q_OBJECT
public:
    explicit FakeDesktopNetwork(QObject *parent = nullptr);

    QJsonArray desktops;     // desktop objects as the API sends them
    int failStatus = 0;      // answer every request with this status
    QByteArray failBody;
    int hangFromOffset = -1; // pages starting at or after this offset never answer

    static QJsonObject desktop(const QString &id, const QString &name, const QString &status = QStringLiteral("ACTIVE"),
                               const QString &user = QString(), const QString &ip = QString());

private:
    FakeResponse answer(const RecordedRequest &request) const;
};
