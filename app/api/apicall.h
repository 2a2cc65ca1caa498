#pragma once

#include "apiclient.h"
#include "apierror.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class ApiClient;
class QNetworkReply;

// One Workspace API request. Connect to finished(), then start(); finished() is emitted exactly
// once, after which either succeeded() holds and the subclass's result is set, or error() says
// what went wrong. GETs are retried on throttling, 502/503/504 and connection resets; other
// methods are sent once, whatever happens.
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
    // Reads a 2xx body into the result; false with *error when it does not fit.
    virtual bool parseSuccess(const QByteArray &body, QString *error) = 0;
    // Calls with large answers read them off the GUI thread: they start that work here, return
    // true, and report with backgroundParseDone() on the call's thread. The work must own all it
    // touches, since the call may be deleted before it ends. By default parseSuccess() runs here.
    virtual bool startBackgroundParse(const QByteArray &body)
    {
        Q_UNUSED(body)
        return false;
    }
    void backgroundParseDone(bool parsed, const QString &parseError);

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
    int m_attempts = 0;
    bool m_started = false;
    bool m_finished = false;
    bool m_timedOut = false;
    bool m_pastDeadline = false;
    bool m_tooLarge = false;
    // The answer being read, for the error should it not fit.
    int m_parsedStatus = 0;
    QByteArray m_parsedExcerpt;
};
