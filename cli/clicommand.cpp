#include "clicommand.h"

#include "api/apiclient.h"
#include "api/apierror.h"
#include "api/serverinput.h"

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

void CliCommand::reportRetry(int nextAttempt, int delayMs, const ApiError &error)
{
    m_err << tr("%1 Retrying (attempt %2) in %3 s…")
                 .arg(ServerInput::forTerminal(error.summary()))
                 .arg(nextAttempt)
                 .arg(delayMs / 1000.0, 0, 'f', 1)
          << Qt::endl;
}
