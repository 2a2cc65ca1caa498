#include "simulateddesktop.h"

#include <QUuid>

#include <QJsonArray>
#include <QJsonDocument>

#include <initializer_list>
#include <utility>

namespace {
QString timestamp(const QDateTime &utc)
{
    return utc.toUTC().toString(Qt::ISODateWithMs);
}
} // namespace

bool SimulatedDesktop::hasTag(const QString &key, const QString &value) const
{
    for (const auto &[tagKey, tagValue] : tags) {
        if (tagKey == key && tagValue == value)
            return true;
    }
    return false;
}

QString SimulatedDesktop::sid() const
{
    static const QUuid kNamespace(QStringLiteral("{6f1c9a57-4f55-4d1e-9c35-2b6f0d1e5a11}"));
    return QUuid::createUuidV5(kNamespace, id).toString(QUuid::WithoutBraces);
}

QJsonObject SimulatedDesktop::toJson() const
{
    QJsonArray tagArray;
    for (const auto &[key, value] : tags)
        tagArray.append(QJsonObject{{QStringLiteral("key"), key}, {QStringLiteral("value"), value}});

    // version is a string in the SDK's model and in the published example.
    const QJsonObject address{{QStringLiteral("addr"), ipAddress},
                              {QStringLiteral("version"), QStringLiteral("4")},
                              {QStringLiteral("OS-EXT-IPS:type"), QStringLiteral("fixed")}};
    const QString productDescription = QStringLiteral("%1 vCPUs | %2 GiB").arg(cpuCores).arg(memoryGb);

    QJsonObject metadata{
        {QStringLiteral("image_name"), imageName},
        {QStringLiteral("os_type"), QStringLiteral("Windows")},
        {QStringLiteral("os_bit"), QStringLiteral("64")},
        {QStringLiteral("desktop_os_version"), osVersion},
    };

    QJsonObject desktop{
        {QStringLiteral("desktop_id"), id},
        {QStringLiteral("computer_name"), computerName},
        {QStringLiteral("status"), status},
        {QStringLiteral("login_status"), loginStatus},
        {QStringLiteral("ip_addresses"), QJsonArray{ipAddress}},
        {QStringLiteral("addresses"),
         addressesAsArray ? QJsonValue(QJsonArray{address}) : QJsonValue(QJsonObject{{subnetId, QJsonArray{address}}})},
        {QStringLiteral("created"), timestamp(created)},
        {QStringLiteral("desktop_type"), desktopType},
        {QStringLiteral("product_id"), productId},
        {QStringLiteral("product"),
         QJsonObject{{QStringLiteral("product_id"), productId},
                     {QStringLiteral("flavor_id"), flavorId},
                     {QStringLiteral("type"), QStringLiteral("BASE")},
                     {QStringLiteral("cpu"), QString::number(cpuCores)},
                     {QStringLiteral("memory"), QString::number(memoryGb * 1024)},
                     {QStringLiteral("descriptions"), productDescription},
                     {QStringLiteral("charge_mode"), yearlyMonthly ? QStringLiteral("0") : QStringLiteral("1")}}},
        // links (1–10 when sent) left out: the simulator has nothing to link to.
        {QStringLiteral("flavor"), QJsonObject{{QStringLiteral("id"), flavorId}}},
        {QStringLiteral("metadata"), metadata},
        {QStringLiteral("root_volume"),
         QJsonObject{{QStringLiteral("type"), QStringLiteral("SAS")},
                     {QStringLiteral("size"), rootVolumeGb},
                     {QStringLiteral("device"), QStringLiteral("/dev/sda")},
                     {QStringLiteral("id"), QString(id.left(8) + QStringLiteral("-root"))}}},
        {QStringLiteral("availability_zone"), availabilityZone},
        {QStringLiteral("site_type"), QStringLiteral("CENTER")},
        {QStringLiteral("site_name"), availabilityZone.chopped(1)},
        {QStringLiteral("ou_name"), QStringLiteral("Workstations")},
        {QStringLiteral("os_version"), osVersion},
        {QStringLiteral("in_maintenance_mode"), inMaintenanceMode},
        {QStringLiteral("tags"), tagArray},
        {QStringLiteral("sid"), sid()},
        {QStringLiteral("security_groups"),
         QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("sg-workspace-default")}}}},
    };
    if (dataVolumeGb > 0) {
        desktop.insert(QStringLiteral("data_volumes"),
                       QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("SAS")},
                                              {QStringLiteral("size"), dataVolumeGb},
                                              {QStringLiteral("device"), QStringLiteral("/dev/sdb")}}});
    }
    if (!metadataChargingMode.isEmpty()) {
        metadata.insert(QStringLiteral("charging_mode"), metadataChargingMode);
        desktop.insert(QStringLiteral("metadata"), metadata);
    }
    // Documented strings of at least one character: absent rather than empty (no task running,
    // nobody assigned).
    const std::initializer_list<std::pair<const char *, const QString &>> unlessEmpty = {
        {"task_status", taskStatus}, {"user_name", userName}, {"user_group", userGroup}, {"order_id", orderId}};
    for (const auto &[key, value] : unlessEmpty) {
        if (!value.isEmpty())
            desktop.insert(QLatin1String(key), value);
    }
    if (poolIdSent && !poolId.isEmpty())
        desktop.insert(QStringLiteral("pool_id"), poolId);
    desktop.insert(QStringLiteral("enterprise_project_id"), enterpriseProjectId);
    return desktop;
}

void SimulatedDesktop::refreshJson()
{
    m_compactJson = QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}
