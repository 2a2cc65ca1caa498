#pragma once

#include "deletion/changekind.h"
#include "deletion/changerun.h"
#include "deletion/deletioncontext.h"
#include "deletion/deletionstore.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>

class ApiClient;

// A desktop to retire or restore, as the listing showed it.
struct RetirementTarget {
    QString id;
    QString name;
    // Its tags: a restore removes this tool's tags with the values the desktop carries.
    QList<QPair<QString, QString>> tags;
};

// A retirement or a restore of desktops, in batches of at most 100, each step of a batch one
// recorded ChangeRun over the batch's desktops still going (the spec's settled order):
//   retire:  maintenance on → log-off with the message → tags → os-stop
//   restore: maintenance off → os-start → this tool's tags removed
// A desktop whose step failed goes no further. A request that is not done (refused, outcome
// unknown, not sent) stops the whole run, as one ChangeRun stops: nothing more is sent, and what
// was not is said per desktop. A desktop refused alone in an accepted answer (a power action's
// failed_operation_list) stops alone. At the end, every desktop not carried through is named with
// what was done to it ("in maintenance and tagged, not stopped").
//
// The log-off step is sent only with a message. The connection status a review saw may be stale,
// so with a message every desktop of the batch is logged off rather than those shown connected;
// without one there is nothing to tell the users (the log-off kind refuses an empty message),
// maintenance mode has already barred new log-ins, and the soft os-stop ends any session when it
// shuts the system down.
//
// An accepted os-stop or os-start is counted as done: the service carries it out through a job,
// which this run does not follow; the listing shows the end.
//
// finished() is emitted exactly once, never inside start().
class RetirementRun : public QObject {
    Q_OBJECT
public:
    enum class Mode { Retire, Restore };
    Q_ENUM(Mode)
    enum class Step { MaintenanceOn, LogOff, Tag, Stop, MaintenanceOff, Start, Untag };
    Q_ENUM(Step)
    using Clock = std::function<QDateTime()>; // UTC

    static constexpr int kMaxBatch = 100;
    static constexpr int kMaxGraceDays = 3650;

    // What became of one desktop.
    struct DesktopOutcome {
        ChangeTarget target;
        QList<Step> done; // the steps carried out, in order
        bool stopped = false; // a step was not done; it went no further
        Step stoppedAt = Step::MaintenanceOn; // that step, when stopped
        ChangeRun::Outcome outcome
            = ChangeRun::Outcome::Pending; // that step's: Failed, Unknown, NotSent
        QString reason; // translated, when stopped
    };

    RetirementRun(ApiClient* client, DeletionStorePtr store, DeletionContext context, Mode mode,
        QList<RetirementTarget> targets, QObject* parent = nullptr);
    ~RetirementRun() override;

    // Before start(). The grace period (0 to kMaxGraceDays; default Retirement::kDefaultGraceDays).
    void setGraceDays(int days) { m_graceDays = days; }
    // The log-off message; empty: no log-off step.
    void setMessage(const QString& message) { m_message = message; }
    // "Today" is this clock's UTC date (default: the system clock).
    void setClock(Clock clock) { m_clock = std::move(clock); }
    // The day the review dated the retirement: the tags say what the confirmation said, even
    // when the run starts after midnight (UTC). Invalid: the clock's day.
    void setToday(const QDate& todayUtc) { m_today = todayUtc; }
    // The whole run's deadline from start(); 0 or less: none.
    void setDeadlineMs(int deadlineMs) { m_deadlineMs = deadlineMs; }

    // The steps each desktop goes through, in order.
    QList<Step> steps() const;
    // The tags a retirement writes today.
    QList<DesktopTag> retirementTags() const;

    // One request group of a step: the kind it is sent as and the desktops it holds.
    struct StepRequest {
        Step step;
        ChangeKind kind;
        QList<ChangeTarget> targets;
    };
    // The steps of a run of this mode (with a log-off only when there is a message).
    static QList<Step> stepsFor(Mode mode, const QString& message);
    // The request groups of one step for the desktops still going, in the order sent. A restore
    // removes the tags once per distinct set of this tool's tags; a desktop without them needs
    // no removal (it is not in any group).
    static QList<StepRequest> stepRequests(Step step, const QList<RetirementTarget>& going,
        const QString& message, const QList<DesktopTag>& retirementTags);
    // Every request group a run sends when every step is done for every desktop, in order:
    // what a review plans and previews, from the same code the run sends with.
    static QList<StepRequest> plannedRequests(Mode mode, const QList<RetirementTarget>& targets,
        const QString& message, const QList<DesktopTag>& retirementTags);

    void start();
    // Sends nothing more; the request on the wire is let finish.
    void cancel();

    Mode mode() const { return m_mode; }
    bool isFinished() const { return m_finished; }
    bool isCancelled() const { return m_cancelled; }
    bool hasExpired() const { return m_expired; }
    // Every desktop, in the order given.
    QList<DesktopOutcome> outcomes() const { return m_outcomes; }
    // Desktops carried through every step.
    QStringList completedIds() const;
    // Desktops not carried through with at least one step done, or one whose outcome is unknown.
    QStringList halfWayIds() const;
    // One translated line for every desktop not carried through: its name, what was done to it,
    // the step that was not done and why.
    QStringList unfinishedLines() const;
    // What was done to a desktop ("in maintenance and tagged, not stopped"), translated.
    QString stateText(const DesktopOutcome& outcome) const { return stateTextOf(m_mode, outcome); }
    static QString stateTextOf(Mode mode, const DesktopOutcome& outcome);
    // One translated sentence on the whole run.
    QString summary() const;
    // The record's kind names of the requests this run sent, in order (for tests and logs).
    QStringList sentKinds() const { return m_sentKinds; }

    // A step's name, translated.
    static QString stepName(Step step);
    // The record's kind of a step ("maintenance_on", "tags_add", "power_stop", …).
    static QString kindName(Step step);
    // The record's name of a mode ("retire", "restore"), of the run's own lines: a
    // "retirement_started" line before its first request and a "retirement_finished" line at its
    // end, so that a run the app ended half-way is found and settled at the next start
    // (RetirementSettlement).
    static QString modeName(Mode mode);

Q_SIGNALS:
    // A step of a batch is about to be sent (one signal per request group).
    void stepStarted(int batch, RetirementRun::Step step);
    void finished();

private:
    using Part = StepRequest;
    bool isComplete(const DesktopOutcome& outcome) const;
    void next();
    void checkBeforeSending();
    QList<Part> partsFor(int batch, Step step);
    void launch(const Part& part);
    void onPartFinished(ChangeRun* run, Step step);
    void stopDesktop(int index, Step step, ChangeRun::Outcome outcome, const QString& reason);
    void halt(const QString& reason);
    void expire();
    void finish();
    void recordStart();
    void recordFinish();

    QPointer<ApiClient> m_client;
    DeletionStorePtr m_store;
    DeletionContext m_context;
    Mode m_mode;
    QString m_runId; // of the not_sent lines for desktops no step's run was given
    QList<RetirementTarget> m_targets;
    QList<DesktopOutcome> m_outcomes;
    QHash<QString, int> m_indexById;
    QList<QList<int>> m_batches; // indices into m_outcomes
    QList<Step> m_steps;
    QList<Part> m_parts; // of the current step, not yet sent
    QStringList m_sentKinds;
    int m_batch = 0;
    int m_step = -1;
    int m_graceDays = 30;
    int m_deadlineMs = 0;
    QString m_message;
    Clock m_clock;
    QDate m_today;
    bool m_started = false;
    bool m_startRecorded = false;
    bool m_halted = false;
    bool m_cancelled = false;
    bool m_expired = false;
    bool m_finished = false;
    QPointer<ChangeRun> m_current;
    QTimer m_deadline;
};
