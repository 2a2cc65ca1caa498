#include "deletecommand.h"

#include "api/apicalls.h"
#include "api/workspacejson.h"

DeleteCommand::DeleteCommand(ApiClient *client, DeleteRequest request, QTextStream &out,
                             QTextStream &err, QObject *parent)
    : CliCommand(client, out, err, parent)
    , m_request(std::move(request))
{
}

bool DeleteCommand::canDelete()
{
#ifdef WORKSPACE_HAVE_DELETION
    return true;
#else
    return false;
#endif
}

void DeleteCommand::start()
{
    if (m_request.dryRun)
        printDryRun();
    else
        runDeletion();
}

void DeleteCommand::printDryRun()
{
    const QList<QStringList> chunks =
        DeleteRequest::chunks(m_request.desktopIds, BatchDeleteCall::kMaxDesktops);
    err() << tr("Dry run: nothing is sent. %n desktop(s)", nullptr, int(m_request.desktopIds.size()))
          << QLatin1Char(' ') << tr("in %n request(s).", nullptr, int(chunks.size())) << Qt::endl;
    const QUrl url = client()->urlFor(QStringLiteral("desktops/batch-delete"));
    for (const QStringList &chunk : chunks) {
        out() << "POST " << url.toString() << '\n'
              << QString::fromUtf8(WorkspaceJson::batchDeleteBody(chunk, m_request.options)) << '\n';
    }
    finish(ExitSuccess);
}

void DeleteCommand::runDeletion()
{
    err() << tr("This build cannot delete desktops yet; only --dry-run is available.") << Qt::endl;
    finish(ExitUsageError);
}
