#pragma once

#include "api/apicall.h"
#include "api/apiclient.h"
#include "exitcode.h"

#include <QObject>
#include <QPointer>
#include <QTextStream>

#include <memory>

class ApiClient;
class DeletionStore;
struct ApiError;

// One CLI sub-command run against a ready ApiClient. Results go to `out`, progress and errors to
// `err`; finished() is emitted exactly once with the process exit code.
class CliCommand : public QObject
{
    Q_OBJECT
public:
    CliCommand(ApiClient *client, QTextStream &out, QTextStream &err, QObject *parent = nullptr);

    virtual void start() = 0;

Q_SIGNALS:
    void finished(int exitCode);

protected:
    ApiClient *client() const { return m_client; }
    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    // Prints the error with everything support needs (request id, codes) and finishes.
    void failWithApiError(const QString &what, const ApiError &error);
    // A command may raise the code its steps finish with (finished() is emitted once all the same).
    virtual void finish(int exitCode);
    // The data directory's record (audit log, journal), its notices printed; nothing, finished
    // with a usage error, when the directory cannot be opened (nothing was sent).
    std::shared_ptr<DeletionStore> openRecord(const QString &dataDir);
    void reportRetry(int nextAttempt, int delayMs, const ApiError &error);
    // Starts a call (or a paged listing), its retries reported, and runs onFinished with it
    // once it has ended (see whenFinished()).
    template <typename Call, typename Handler>
    void startCall(Call *call, Handler onFinished)
    {
        connect(call, &Call::retrying, this, &CliCommand::reportRetry);
        whenFinished(call, this, std::move(onFinished));
        call->start();
    }

private:
    QPointer<ApiClient> m_client;
    QTextStream &m_out;
    QTextStream &m_err;
    bool m_finished = false;
};
