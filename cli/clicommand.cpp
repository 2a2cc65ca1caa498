#include "clicommand.h"

#include "api/apiclient.h"
#include "api/apierror.h"
#include "api/serverinput.h"
#include "deletion/deletionstore.h"

CliCommand::CliCommand(ApiClient *client, QTextStream &out, QTextStream &err, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_out(out)
    , m_err(err)
{
}

void CliCommand::failWithApiError(const QString &what, const ApiError &error)
{
    // The details carry the server's own words: nothing in them may steer the terminal.
    m_err << what << QLatin1Char('\n')
          << ServerInput::forTerminal(error.details(), ServerInput::LineBreaks::Keep) << Qt::endl;
    finish(error.kind == ApiError::Kind::Configuration ? ExitUsageError : ExitApiError);
}

void CliCommand::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_out.flush();
    m_err.flush();
    Q_EMIT finished(exitCode);
}

std::shared_ptr<DeletionStore> CliCommand::openRecord(const QString &dataDir)
{
    QString error;
    std::shared_ptr<DeletionStore> store = DeletionStore::open(dataDir, &error);
    if (!store) {
        m_err << error << ' ' << tr("Nothing was sent.") << Qt::endl;
        finish(ExitUsageError);
        return store;
    }
    for (const QString &notice : store->notices())
        m_err << notice << Qt::endl;
    return store;
}

void CliCommand::reportRetry(int nextAttempt, int delayMs, const ApiError &error)
{
    m_err << tr("%1 Retrying (attempt %2) in %3 s…")
                 .arg(ServerInput::forTerminal(error.summary()))
                 .arg(nextAttempt)
                 .arg(delayMs / 1000.0, 0, 'f', 1)
          << Qt::endl;
}
