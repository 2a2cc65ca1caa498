#pragma once

#include "api/apicalls.h"
#include "clicommand.h"
#include "desktopformatter.h"

// `list`: every desktop matching the filters, all pages, printed once read. A listing whose
// answers did not add up is printed too, with a warning on stderr and ExitIncompleteListing.
class ListCommand : public CliCommand
{
    Q_OBJECT
public:
    ListCommand(ApiClient *client, DesktopQuery query, DesktopFormatter::Format format,
                QTextStream &out, QTextStream &err, QObject *parent = nullptr);
    // The whole listing gives up after this long (--timeout); none by default.
    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }

    void start() override;

private:
    void onFinished();

    DesktopQuery m_query;
    DesktopFormatter::Format m_format;
    int m_timeoutMs = -1;
    QPointer<ListAllDesktopsCall> m_call;
    QList<Desktop> m_desktops;
};
