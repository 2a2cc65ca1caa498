#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTcpServer>
#include <QUrl>

#include <functional>
#include <optional>

class QTcpSocket;

// A Workspace API that answers the way a broken or hostile server might: counts that are missing
// or wrong, pages with gaps, overlaps or repeats, endless pages, bodies trickling in, huge or
// poisoned strings, unusable job ids. Written on a bare QTcpServer so that every byte and its
// timing is the test's to choose; it is deliberately not the simulator, which stays faithful to
// the real service. Listens on loopback; one request per connection (Connection: close).
class MisbehavingServer : public QObject
{
    Q_OBJECT
public:
    // How desktops/detail cuts the desktops into pages.
    enum class Paging {
        ByOffset,      // honest: offset and limit as asked
        ShortPage,     // the page at ruleOffset() lacks its last half
        EmptyPage,     // the page at ruleOffset() is empty
        Overlapping,   // every page after the first starts overlap() desktops early
        IgnoresOffset, // every answer is the first page
        Endless,       // every page is full of desktops never sent before
    };

    struct Answer
    {
        int status = 200;
        QByteArray body;
    };
    // A test's own answers for the paths ending in a given text (statistics, a users' look-up…):
    // the route answers, or with nothing leaves the request unanswered (the connection held open).
    using Route = std::function<std::optional<Answer>(const QByteArray &method, const QUrl &url)>;
    // How desktop-pools lists the pools.
    enum class PoolListing {
        Honest,
        Endless,           // every page is full of pools never sent before, with a total never reached
        ListedTwice,       // every pool comes twice: autoscale off, then on
        NeverAnswers,      // the request is read and never answered
    };

    explicit MisbehavingServer(QObject *parent = nullptr);
    // Routes are asked before the built-in answers, in the order they were first set; setting a
    // path's route again replaces it.
    void setRoute(const QString &pathEnd, Route route);

    bool listen();
    QUrl endpoint() const;

    // The desktops there are: d-00000, d-00001, …
    void setDesktopCount(int count) { m_desktopCount = count; }
    // total_count as raw JSON text ("null", "\"abc\"", "3000000000"); empty leaves the key out.
    // By default it is the number of desktops.
    void setTotalCountJson(const QByteArray &json) { m_totalJson = json; m_totalSet = true; }
    void setPaging(Paging paging) { m_paging = paging; }
    void setRuleOffset(int offset) { m_ruleOffset = offset; }
    void setOverlap(int overlap) { m_overlap = overlap; }
    // The computer_name of every desktop (a 5 MB string, escape sequences…).
    void setDesktopName(const QString &name) { m_desktopName = name; }
    // pool_id carried by every desktop (no definition has it; empty: none), as a string.
    void setDesktopPoolId(const QString &poolId) { m_desktopPoolId = poolId; }
    // The id of the desktop at this index, as raw JSON.
    void setDesktopIdJson(int index, const QByteArray &json) { m_idIndex = index; m_idJson = json; }
    // The job id batch-delete answers (raw JSON value) with 202.
    void setJobIdJson(const QByteArray &json) { m_jobIdJson = json; }
    // fail_reason and error_msg of jobs, sub-jobs and error answers.
    void setFailReason(const QString &reason) { m_failReason = reason; }
    // Sub-job pages without end (new sub-jobs on every page, a total never reached); otherwise
    // a job has one failed sub-job.
    void setEndlessSubJobs(bool endless) { m_endlessSubJobs = endless; }
    // Every answer to desktops/detail is an error with this status (0: none).
    void setErrorStatus(int status) { m_errorStatus = status; }
    // Bodies go out `bytes` at a time, one chunk every intervalMs (0: all at once).
    void setTrickle(int bytes, int intervalMs) { m_trickleBytes = bytes; m_trickleIntervalMs = intervalMs; }

    // Pools p-0 … p-(count-1), autoscale on; pool p-k holds the desktops whose index modulo count
    // is k, and those desktops say desktop_type POOLED (never which pool).
    void setPoolCount(int count) { m_poolCount = count; }
    void setPoolListing(PoolListing listing) { m_poolListing = listing; }
    // The name of every pool (a 5 MB string…).
    void setPoolName(const QString &name) { m_poolName = name; }
    // PUT desktop-pools/{id} is answered 200; unless set, the pool then reads autoscale off.
    void setPoolStaysOnAfterUpdate(bool staysOn) { m_poolStaysOn = staysOn; }

    // Paths with queries of every request received, in order, and their bodies.
    const QList<QUrl> &requests() const { return m_requests; }
    const QList<QByteArray> &requestBodies() const { return m_bodies; }
    int requestCount(const QString &pathEnd) const;

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    Answer answer(const QByteArray &method, const QUrl &url) const;
    Answer desktopPage(const QUrl &url) const;
    Answer subJobPage(const QUrl &url) const;
    Answer job(const QString &jobId) const;
    Answer poolPage(const QUrl &url) const;
    Answer poolDesktopPage(const QString &poolId, const QUrl &url) const;
    QByteArray poolJson(const QString &id, bool autoscale) const;
    QByteArray desktopJson(int index) const;
    void send(QTcpSocket *socket, const Answer &answer);

    QTcpServer m_server;
    int m_desktopCount = 0;
    QByteArray m_totalJson;
    bool m_totalSet = false;
    Paging m_paging = Paging::ByOffset;
    int m_ruleOffset = 0;
    int m_overlap = 0;
    QString m_desktopName = QStringLiteral("pc");
    int m_idIndex = -1;
    QByteArray m_idJson;
    QByteArray m_jobIdJson = "\"job-1\"";
    QString m_failReason = QStringLiteral("failed");
    int m_errorStatus = 0;
    bool m_endlessSubJobs = false;
    int m_trickleBytes = 0;
    int m_trickleIntervalMs = 0;
    QString m_desktopPoolId;
    int m_poolCount = 0;
    PoolListing m_poolListing = PoolListing::Honest;
    QString m_poolName = QStringLiteral("pool");
    bool m_poolStaysOn = false;
    QSet<QString> m_poolsTurnedOff;
    QList<QUrl> m_requests;
    QList<QByteArray> m_bodies;
    QList<QPair<QString, Route>> m_routes;
    mutable int m_endlessServed = 0;
    mutable int m_subJobsServed = 0;
};
