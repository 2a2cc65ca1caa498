#pragma once

#include "api/accountprojects.h"
#include "clicommand.h"
#include "desktopformatter.h"

#include <memory>
#include <optional>
#include <vector>

class ListAuthProjectsCall;

// `regions`: the account's Workspace projects (IAM's GET /v3/auth/projects, kept when named a
// Workspace region or {region}_{suffix}) with the number of desktops of each, counted at most
// ProjectQueue::kMaxProjectsAtOnce projects at a time. A project whose count fails is printed with
// its error, the others with theirs.
class RegionsCommand : public CliCommand
{
    Q_OBJECT
public:
    RegionsCommand(AccountAccess access, DesktopFormatter::Format format, QTextStream &out, QTextStream &err,
                   QObject *parent = nullptr);
    ~RegionsCommand() override;

    void start() override;

    struct Row
    {
        WorkspaceProject project;
        std::optional<int> desktopCount;
        QString error; // when the count failed
    };
    // Pure: the rows as a table, CSV or JSON (region, project_name, project_id, desktop_count, error).
    static QString format(const QList<Row> &rows, DesktopFormatter::Format format);

private:
    void onProjectsListed(ListAuthProjectsCall *call);
    void countDesktops(int index, std::function<void()> done);
    void printAndFinish();

    AccountAccess m_access;
    DesktopFormatter::Format m_format;
    std::unique_ptr<ApiClient> m_iam;
    std::vector<std::unique_ptr<ApiClient>> m_projectClients;
    QList<Row> m_rows;
};
