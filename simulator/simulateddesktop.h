#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

// One desktop as the simulator keeps it: the fields it filters, sorts and deletes by, plus the
// compact JSON it serves. The JSON is rebuilt only when the desktop changes, so that listing
// thousands of desktops is a matter of joining ready-made bytes.
struct SimulatedDesktop
{
    QString id;
    QString computerName;
    QString userName; // empty: not assigned to anybody
    QString userGroup;
    QString status;
    QString taskStatus;
    QString loginStatus;
    QString ipAddress;
    QString subnetId;
    QString desktopType;
    QString productId;
    QString flavorId;
    QString availabilityZone;
    QString imageName;
    QString osVersion;
    QString orderId; // yearly/monthly desktops only
    QString poolId;  // pooled desktops only; sent only with poolIdSent (no definition has it)
    QString enterpriseProjectId = QStringLiteral("0"); // "0": the default enterprise project
    QString imageId; // not sent (the documented fields carry only the image's name): the image_id filter's key
    // metadata.charging_mode as some desktops carry it, empty for the others. Its documentation was
    // dropped and the published example contradicts product.charge_mode, so it may say either.
    QString metadataChargingMode;
    bool addressesAsArray = false; // "addresses" as the published example's array, else the documented map
    bool poolIdSent = false;       // SimulatorConfig::poolIdInDesktopDetails
    QDateTime created;
    QList<QPair<QString, QString>> tags;
    bool yearlyMonthly = false;
    bool inMaintenanceMode = false;
    int cpuCores = 2;
    int memoryGb = 4;
    int rootVolumeGb = 80;
    int dataVolumeGb = 0; // 0: no data volume
    bool removed = false; // deleted and no longer listed

    bool hasTag(const QString &key, const QString &value) const;
    // The desktop's security identifier: the same for the same id in every run. The log-in
    // records name desktops by it (they carry no desktop id).
    QString sid() const;
    QJsonObject toJson() const;
    // Call after changing a field, so that compactJson() serves the new state.
    void refreshJson();
    const QByteArray &compactJson() const { return m_compactJson; }

private:
    QByteArray m_compactJson;
};
