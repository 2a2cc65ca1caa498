#pragma once

#include "simulateddesktop.h"

#include <QList>
#include <QPair>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <optional>

// The query of ListDesktopsDetail as the simulator understands it: filters, order and paging,
// parsed strictly (a bad value is a 400, as on the real service).
class DesktopListFilter
{
public:
    static constexpr int kMaxLimit = 500;
    static constexpr int kMaxListedValues = 100; // user_names, desktop_id

    // Nothing, with a human-readable reason in *error, when a parameter is invalid.
    static std::optional<DesktopListFilter> parse(const QUrlQuery &query, QString *error);

    bool matches(const SimulatedDesktop &desktop) const;
    // Filters and orders; returns every matching desktop (paging is the caller's).
    QList<const SimulatedDesktop *> apply(const QList<SimulatedDesktop> &desktops) const;

    int offset() const { return m_offset; }
    int limit() const { return m_limit; }

private:
    QString m_status;
    QSet<QString> m_userNames;
    QString m_computerName;
    QString m_desktopIp;
    QSet<QString> m_desktopIds;
    QList<QPair<QString, QString>> m_tags;
    std::optional<bool> m_yearlyMonthly;
    std::optional<bool> m_inMaintenanceMode;
    QString m_desktopType;
    QStringList m_poolIds; // any of them
    QString m_enterpriseProjectId;
    QString m_availabilityZone;
    QString m_imageId;
    QString m_subnetId;
    std::optional<bool> m_userAttached;
    QString m_sortField;
    bool m_descending = false;
    int m_offset = 0;
    int m_limit = kMaxLimit;
};
