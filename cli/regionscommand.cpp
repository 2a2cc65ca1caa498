#include "regionscommand.h"

#include "api/apicalls.h"
#include "api/endpoint.h"
#include "api/iamcalls.h"
#include "api/serverinput.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

RegionsCommand::RegionsCommand(AccountAccess access, DesktopFormatter::Format format, QTextStream &out,
                               QTextStream &err, QObject *parent)
    : CliCommand(nullptr, out, err, parent)
    , m_access(std::move(access))
    , m_format(format)
{
}

RegionsCommand::~RegionsCommand()
{
    m_access.credentials.clear();
}

void RegionsCommand::start()
{
    m_iam = m_access.iamClient();
    err() << tr("Listing the account's projects at %1…").arg(m_access.iamEndpoint.toDisplayString()) << Qt::endl;
    startCall(new ListAuthProjectsCall(m_iam.get(), this),
              [this](ListAuthProjectsCall *finished) { onProjectsListed(finished); });
}

void RegionsCommand::onProjectsListed(ListAuthProjectsCall *call)
{
    if (!call->succeeded()) {
        failWithApiError(tr("IAM could not list the account's projects."), call->error());
        return;
    }
    const QList<WorkspaceProject> projects = AccountProjects::workspaceProjects(
        call->result(), Endpoint::knownRegions(), m_access.explicitEndpoint, m_access.environment);
    for (const WorkspaceProject &project : projects)
        m_rows.append({project, std::nullopt, {}});
    if (m_rows.isEmpty()) {
        err() << tr("IAM lists no project of a Workspace region for this access key.") << Qt::endl;
        printAndFinish();
        return;
    }
    auto *queue = new ProjectQueue(
        int(m_rows.size()), [this](int index, std::function<void()> done) { countDesktops(index, std::move(done)); },
        this);
    connect(queue, &ProjectQueue::finished, this, &RegionsCommand::printAndFinish);
    queue->start();
}

void RegionsCommand::countDesktops(int index, std::function<void()> done)
{
    m_projectClients.push_back(m_access.projectClient(m_rows.at(index).project));
    // One desktop a page: the answer's total_count is the project's number of desktops.
    auto *call = new ListDesktopsPageCall(m_projectClients.back().get(), {}, 0, 1, this);
    startCall(call, [this, index, done = std::move(done)](ListDesktopsPageCall *finished) {
        Row &row = m_rows[index];
        if (finished->succeeded())
            row.desktopCount = finished->result().totalCount;
        else
            row.error = finished->error().summary();
        done();
    });
}

void RegionsCommand::printAndFinish()
{
    out() << format(m_rows, m_format);
    int failed = 0;
    for (const Row &row : std::as_const(m_rows))
        failed += row.desktopCount ? 0 : 1;
    if (failed > 0) {
        err() << tr("The desktops of %Ln project(s) could not be counted.", nullptr, failed) << Qt::endl;
        finish(ExitApiError);
        return;
    }
    err() << tr("%Ln Workspace project(s).", nullptr, int(m_rows.size())) << Qt::endl;
    finish(ExitSuccess);
}

QString RegionsCommand::format(const QList<Row> &rows, DesktopFormatter::Format format)
{
    if (format == DesktopFormatter::Format::Json) {
        QJsonArray array;
        for (const Row &row : rows) {
            QJsonObject object{{QStringLiteral("region"), row.project.region},
                               {QStringLiteral("project_name"), row.project.name},
                               {QStringLiteral("project_id"), row.project.id},
                               {QStringLiteral("desktop_count"),
                                row.desktopCount ? QJsonValue(*row.desktopCount) : QJsonValue(QJsonValue::Null)}};
            if (!row.error.isEmpty())
                object.insert(QStringLiteral("error"), row.error);
            array.append(object);
        }
        return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    }
    const QStringList header{tr("REGION"), tr("PROJECT"), tr("PROJECT ID"), tr("DESKTOPS")};
    if (format == DesktopFormatter::Format::Table) {
        QList<QStringList> cells;
        for (const Row &row : rows) {
            const QString count = row.desktopCount ? QString::number(*row.desktopCount)
                                                   : tr("not counted: %1").arg(row.error);
            cells.append({row.project.region, row.project.name, row.project.id, count});
        }
        return DesktopFormatter::alignedTable(header, cells);
    }
    QString csv = QStringLiteral("region,project_name,project_id,desktop_count,error\n");
    for (const Row &row : rows) {
        const QStringList fields{row.project.region, row.project.name, row.project.id,
                                 row.desktopCount ? QString::number(*row.desktopCount) : QString(), row.error};
        QStringList quoted;
        for (const QString &field : fields)
            quoted.append(DesktopFormatter::csvField(field));
        csv += quoted.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return csv;
}
