#pragma once

#include "simulatorstate.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <optional>

struct SimulatedDesktop;
class SimulatorStoreQueries;

// The demo service's memory across restarts (SimulatorState) in a small SQLite database, so that a
// change costs what it touches: a row per desktop, pool, job, job target, remembered task status
// and deleted user, and a deleted desktop is the update of its own row and its sub-job's, never a
// rewrite of the rest. A state file of earlier versions (JSON, rewritten whole after every change)
// is read once and replaced by the database (WorkspaceSimulator does that).
//
// Writes are gathered in one transaction, committed when control returns to the event loop or at
// once by commit(): the simulator commits before an answer goes out, so that a job it accepted
// outlives a crash of the process right after. The database belongs to the thread that opened it
// (Qt SQL's rule): a simulator on a thread of its own opens its store there.
class SimulatorStore : public QObject
{
    Q_OBJECT
public:
    explicit SimulatorStore(QString filePath, QObject *parent = nullptr);
    ~SimulatorStore() override; // commits what is pending

    // Creates the database and its tables when missing. False, with a reason in *error, when it
    // cannot be opened (no SQLite driver, a file that is not a database, no permission).
    bool open(QString *error);
    const QString &filePath() const { return m_filePath; }
    // Everything it holds; nothing (and no error) while it holds no state yet.
    std::optional<SimulatorState> load(QString *error);

    // Replaces everything with `state` (a first start, a migrated state file), in one transaction.
    void saveAll(const SimulatorState &state);
    void saveDesktop(const SimulatedDesktop &desktop);
    void savePoolAutoscale(const QString &poolId, bool autoscale);
    void saveJob(const SimulatorState::Job &job); // with its targets, none settled yet
    void saveSettled(const QString &jobId, const QString &desktopId);
    void saveTaskStatusBeforeDeletion(const QString &desktopId, const QString &taskStatus);
    void forgetTaskStatusBeforeDeletion(const QString &desktopId);
    void saveDeletedUser(const QString &userName);
    // Ends the transaction of the writes so far. False when the database refused them.
    bool commit();

    // Rows inserted, updated or deleted since it was opened: what tests count to see that a change
    // costs in proportion to itself.
    qint64 rowsWritten() const { return m_rowsWritten; }

    static SimulatorState::DesktopFields fieldsOf(const SimulatedDesktop &desktop);

private:
    bool beginIfNeeded();
    // Runs a prepared write; counts its rows and warns once when the database refuses it.
    void write(class QSqlQuery &query);
    void writeDesktop(const SimulatorState::DesktopFields &fields);
    void saveJobRows(const SimulatorState::Job &job, const QStringList &settledDesktopIds);
    void close();

    QString m_filePath;
    QString m_connectionName;
    std::unique_ptr<SimulatorStoreQueries> m_queries;
    QTimer m_commitTimer;
    bool m_inTransaction = false;
    bool m_warned = false;
    qint64 m_rowsWritten = 0;
};
