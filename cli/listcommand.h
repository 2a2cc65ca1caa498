#pragma once

#include "api/apicalls.h"
#include "api/decommissioncalls.h"
#include "clicommand.h"
#include "desktopformatter.h"

#include <QDeadlineTimer>

// `list`: every desktop matching the filters, all pages, printed once read. A listing whose
// answers did not add up is printed too, with a warning on stderr and ExitIncompleteListing.
// With a usage period the usage statistics of that period follow the listing (idle days, hours of
// use); with a least idle time only the desktops idle at least that long are printed — a desktop
// without statistics is not known to be idle, so it is left out and counted on stderr.
class ListCommand : public CliCommand
{
    Q_OBJECT
public:
    ListCommand(ApiClient *client, DesktopQuery query, DesktopFormatter::Format format,
                QTextStream &out, QTextStream &err, QObject *parent = nullptr);
    // The whole run (the listing and the usage statistics) gives up after this long (--timeout);
    // none by default.
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }
    // The last `days` days up to `now` (--period-days); unset: no usage is loaded.
    void setUsagePeriod(int days, const QDateTime &now) { m_usagePeriodDays = days; m_now = now; }
    void setMinIdleDays(int days) { m_minIdleDays = days; }
    // Only the desktops this app's tags say are retiring (due or not, date readable or not).
    void setRetiringOnly(bool retiringOnly) { m_retiringOnly = retiringOnly; }
    // Only desktops in this transitional status (STOPPING, …), which the service cannot filter on.
    void setTransitionalStatus(const QString &status) { m_transitionalStatus = status; }

    void start() override;

private:
    void onFinished(ListAllDesktopsCall *call);
    void loadUsage();
    void onUsageLoaded(ListAllUsageCall *call);
    void finishWithCount(int exitCode);

    DesktopQuery m_query;
    DesktopFormatter::Format m_format;
    int m_timeoutMs = -1;
    QDeadlineTimer m_deadline = QDeadlineTimer::Forever;
    std::optional<int> m_usagePeriodDays;
    std::optional<int> m_minIdleDays;
    bool m_retiringOnly = false;
    QDateTime m_now;
    QString m_transitionalStatus;
    QList<Desktop> m_desktops;
    QList<Desktop> m_present;
    bool m_incomplete = false;
};
