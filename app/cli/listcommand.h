#pragma once

#include "api/apicalls.h"
#include "clicommand.h"
#include "desktopformatter.h"

// `list`: every desktop matching the filters, all pages, printed once complete.
class ListCommand : public CliCommand
{
    Q_OBJECT
public:
    ListCommand(ApiClient *client, DesktopQuery query, DesktopFormatter::Format format,
                QTextStream &out, QTextStream &err, QObject *parent = nullptr);

    void start() override;

private:
    void onFinished();

    DesktopQuery m_query;
    DesktopFormatter::Format m_format;
    QPointer<ListAllDesktopsCall> m_call;
    QList<Desktop> m_desktops;
};
