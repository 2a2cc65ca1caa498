#pragma once

#include "apiclient.h"
#include "apierror.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class ApiClient;
class QNetworkReply;

// One Workspace API request. Connect to finished() (see whenFinished()), then start(); finished()
// is emitted exactly once, after which either succeeded() holds and the subclass's result is set,
// or error() says what went wrong. GETs are retried on throttling, 502/503/504 and connection
// resets; other methods are sent once, whatever happens, and never repeated by the transport
// either (ApiClient::send): a connection lost after sending leaves their outcome unknown. Calls derive from ApiCallOf<Result>,
// which reads the answer with a pure function.
class ApiCall : public QObject
{
    Q_OBJECT
public:
    ~ApiCall() override;

    void start();
    // Aborts the request; finished() follows with a Cancelled error (unless already finished).
    void cancel();

    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_finished && !m_error.isError(); }
    const ApiError &error() const { return m_error; }
    int attempts() const { return m_attempts; }
    QString requestId() const { return m_requestId; }
    // The size of the last answer's body as read (0 before one arrived): what a listing holds is
    // bounded by what its pages brought.
    qint64 responseBytes() const { return m_responseBytes; }
    // X-IAM-Trace-Id of the last answer (IAM's reference for support), whether it succeeded or not.
    QString iamTraceId() const { return m_iamTraceId; }

Q_SIGNALS:
    void finished();
    // A retry is scheduled after `error`; the next attempt starts in delayMs.
    void retrying(int nextAttempt, int delayMs, const ApiError &error);

protected:
    ApiCall(ApiClient *client, QByteArray method, QObject *parent);

    ApiClient *client() const { return m_client; }
    // The client's configuration as it was when the call started: the client (and with it its
    // configuration) may be deleted while an answer is still being read.
    const ClientConfig &config() const { return m_config; }
    virtual QUrl url() const = 0;
    virtual QByteArray body() const { return {}; }
    // Checks the request before anything is sent; an error here finishes the call at once.
    virtual ApiError validate() const { return {}; }
    // Reads a 2xx body into the result; false with *error when it does not fit. ApiCallOf
    // implements it; a call deriving from ApiCall directly reads its answer here, on its thread.
    virtual bool parseSuccess(const QByteArray &body, QString *error) = 0;
    // Reads the body off the call's thread instead: starts that work, returns true, and reports
    // with backgroundParseDone(). ApiCallOf implements it; by default parseSuccess() runs here.
    virtual bool startBackgroundParse(const QByteArray &body)
    {
        Q_UNUSED(body)
        return false;
    }
    void backgroundParseDone(bool parsed, const QString &parseError);
    // Runs `work` on the thread pool, then `done` on this call's thread, unless the call has
    // finished (was cancelled) meanwhile. `work` must own all it touches: the call may be deleted
    // before it ends.
    void runOffThread(std::function<void()> work, std::function<void()> done);

private:
    void sendAttempt();
    void onTimeout();
    void onDeadline();
    int transferTimeoutMs() const;
    int requestDeadlineMs() const;
    void onReplyFinished();
    void onDownloadProgress(qint64 received, qint64 total);
    ApiError errorFromReply(QNetworkReply *reply, const QByteArray &body) const;
    bool shouldRetry(const ApiError &error) const;
    int retryDelayMs(const ApiError &error) const;
    void concludeParse(bool parsed, const QString &parseError);
    void retryOrFinish(const ApiError &error);
    void finish(const ApiError &error);

    QPointer<ApiClient> m_client;
    ClientConfig m_config;
    QByteArray m_method;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timeoutTimer;
    QTimer m_deadlineTimer;
    QTimer m_retryTimer;
    ApiError m_error;
    QString m_requestId;
    QString m_iamTraceId;
    int m_attempts = 0;
    qint64 m_responseBytes = 0;
    bool m_started = false;
    bool m_finished = false;
    bool m_timedOut = false;
    bool m_pastDeadline = false;
    bool m_tooLarge = false;
    // The answer being read, for the error should it not fit.
    int m_parsedStatus = 0;
    QByteArray m_parsedExcerpt;
};

// What a call without an answer body (a 2xx with nothing to read) yields.
struct NoResult
{
};

// A call whose answer is a Result, read from the 2xx body by a pure function: the same function
// whether it runs on the call's thread or, for calls with large answers, on the thread pool.
template <typename Result>
class ApiCallOf : public ApiCall
{
public:
    const Result &result() const { return m_result; }
    Result takeResult() { return std::move(m_result); }

protected:
    using ApiCall::ApiCall;
    using Parser = std::function<std::optional<Result>(const QByteArray &body, QString *error)>;

    // Reads a 2xx body: the Result, or nothing with *error when the body does not fit. It holds
    // copies of what it needs, never the call, since it may run after the call is gone.
    virtual Parser parser() const = 0;
    // Whether parser() runs on the thread pool: for answers too large to read on the GUI thread.
    virtual bool parsesOffThread() const { return false; }

private:
    bool parseSuccess(const QByteArray &body, QString *error) final
    {
        std::optional<Result> parsed = parser()(body, error);
        if (parsed)
            m_result = std::move(*parsed);
        return parsed.has_value();
    }

    bool startBackgroundParse(const QByteArray &body) final
    {
        if (!parsesOffThread())
            return false;
        struct Parsed
        {
            std::optional<Result> result;
            QString error;
        };
        auto parsed = std::make_shared<Parsed>();
        runOffThread([parsed, body, parse = parser()] { parsed->result = parse(body, &parsed->error); },
                     [this, parsed] {
                         const bool ok = parsed->result.has_value();
                         if (ok)
                             m_result = std::move(*parsed->result);
                         backgroundParseDone(ok, parsed->error);
                     });
        return true;
    }

    Result m_result{};
};

// The one way to learn that a call ended, for an ApiCall and a paged listing alike: `handler`
// runs once with the finished call on `context`'s thread (not at all once `context` is gone), and
// the call is deleted after it. Connect before start(); keep a QPointer to the call only to
// cancel it.
template <typename Call, typename Handler>
void whenFinished(Call *call, const QObject *context, Handler handler)
{
    QObject::connect(
        call, &Call::finished, context,
        [call, handler = std::move(handler)]() mutable {
            call->deleteLater();
            handler(call);
        },
        Qt::SingleShotConnection);
}
