#pragma once

#include "api/allregionslisting.h"
#include "clicommand.h"
#include "desktopformatter.h"

// `list --all-regions`: the desktops of every Workspace project of the account (AllRegionsListing),
// each with its region and project (JSON keys `region` and `project_id`, and `project_name` for a
// sub-project). A project that fails or does not add up is named on stderr with its error while
// the others are printed; the exit code is then ExitApiError or ExitIncompleteListing.
class AllRegionsListCommand : public CliCommand
{
    Q_OBJECT
public:
    AllRegionsListCommand(AccountAccess access, DesktopQuery query, DesktopFormatter::Format format,
                          QTextStream &out, QTextStream &err, QObject *parent = nullptr);
    // Each project's listing gives up after this long (--timeout); none by default.
    void setTimeoutMs(int timeoutMs);

    void start() override;

    // Pure: the projects' desktops in one table, CSV or JSON.
    static QString format(const QList<AllRegionsListing::ProjectListing> &projects, DesktopFormatter::Format format);

private:
    void onFinished();

    AllRegionsListing m_listing;
    DesktopFormatter::Format m_format;
};
