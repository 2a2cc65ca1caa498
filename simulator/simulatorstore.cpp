#include "simulatorstore.h"

#include "simulateddesktop.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSet>
#include <QUuid>

Q_LOGGING_CATEGORY(lcSimulatorStore, "workspace.simulator.state", QtInfoMsg)

namespace {

// The tables' layout; a database of another layout is not read (and not changed).
constexpr int kSchemaVersion = 1;

const char *const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS desktops (id TEXT PRIMARY KEY, status TEXT NOT NULL, task_status TEXT NOT NULL,"
    " login_status TEXT NOT NULL, removed INTEGER NOT NULL, in_maintenance_mode INTEGER NOT NULL,"
    " created TEXT NOT NULL, tags TEXT)",
    "CREATE TABLE IF NOT EXISTS pools (id TEXT PRIMARY KEY, autoscale INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS task_status_before_deletion (desktop_id TEXT PRIMARY KEY, task_status TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS deleted_users (user_name TEXT PRIMARY KEY)",
    "CREATE TABLE IF NOT EXISTS jobs (id TEXT PRIMARY KEY, duration_ms INTEGER NOT NULL, created TEXT NOT NULL,"
    " delete_users INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS job_targets (job_id TEXT NOT NULL, position INTEGER NOT NULL,"
    " desktop_id TEXT NOT NULL, desktop_name TEXT NOT NULL, user_name TEXT NOT NULL, ip_address TEXT NOT NULL,"
    " product_id TEXT NOT NULL, error_code TEXT NOT NULL, fail_reason TEXT NOT NULL, sub_job_id TEXT NOT NULL,"
    " settled INTEGER NOT NULL, PRIMARY KEY (job_id, position))",
    "CREATE UNIQUE INDEX IF NOT EXISTS job_targets_by_desktop ON job_targets (job_id, desktop_id)",
};

// Tags as a JSON array of [key, value] pairs; NULL while the generated tags hold.
QVariant tagsText(const std::optional<QList<QPair<QString, QString>>> &tags)
{
    if (!tags)
        return QVariant(QMetaType::fromType<QString>());
    QJsonArray pairs;
    for (const auto &[key, value] : *tags)
        pairs.append(QJsonArray{key, value});
    return QString::fromUtf8(QJsonDocument(pairs).toJson(QJsonDocument::Compact));
}

std::optional<QList<QPair<QString, QString>>> tagsFrom(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    QList<QPair<QString, QString>> tags;
    const QJsonArray pairs = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    for (const QJsonValue &pair : pairs)
        tags.append({pair.toArray().at(0).toString(), pair.toArray().at(1).toString()});
    return tags;
}

// Columns are NOT NULL: a null QString would bind as NULL.
QString text(const QString &value)
{
    return value.isNull() ? QString(QLatin1String("")) : value;
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString(QLatin1String(""));
}

QDateTime timeFrom(const QVariant &value)
{
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

QSqlQuery prepared(const QSqlDatabase &database, const char *statement)
{
    QSqlQuery query(database);
    query.prepare(QString::fromLatin1(statement));
    return query;
}

} // namespace

// The prepared writes, made once per opened database.
class SimulatorStoreQueries
{
public:
    explicit SimulatorStoreQueries(const QSqlDatabase &database)
        : meta(prepared(database, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"))
        , desktop(prepared(database, "INSERT OR REPLACE INTO desktops (id, status, task_status, login_status,"
                                     " removed, in_maintenance_mode, created, tags) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"))
        , pool(prepared(database, "INSERT OR REPLACE INTO pools (id, autoscale) VALUES (?, ?)"))
        , job(prepared(database, "INSERT OR REPLACE INTO jobs (id, duration_ms, created, delete_users)"
                                 " VALUES (?, ?, ?, ?)"))
        , target(prepared(database, "INSERT OR REPLACE INTO job_targets (job_id, position, desktop_id,"
                                    " desktop_name, user_name, ip_address, product_id, error_code, fail_reason,"
                                    " sub_job_id, settled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
        , settled(prepared(database, "UPDATE job_targets SET settled = 1 WHERE job_id = ? AND desktop_id = ?"))
        , before(prepared(database, "INSERT OR REPLACE INTO task_status_before_deletion (desktop_id, task_status)"
                                    " VALUES (?, ?)"))
        , forgetBefore(prepared(database, "DELETE FROM task_status_before_deletion WHERE desktop_id = ?"))
        , deletedUser(prepared(database, "INSERT OR IGNORE INTO deleted_users (user_name) VALUES (?)"))
    {
    }

    QSqlQuery meta;
    QSqlQuery desktop;
    QSqlQuery pool;
    QSqlQuery job;
    QSqlQuery target;
    QSqlQuery settled;
    QSqlQuery before;
    QSqlQuery forgetBefore;
    QSqlQuery deletedUser;
};

SimulatorStore::SimulatorStore(QString filePath, QObject *parent)
    : QObject(parent)
    , m_filePath(std::move(filePath))
    , m_connectionName(QStringLiteral("simulator-state-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    // The writes of one turn of the event loop (a batch of sub-jobs ending together) share a commit.
    m_commitTimer.setSingleShot(true);
    m_commitTimer.setInterval(0);
    connect(&m_commitTimer, &QTimer::timeout, this, &SimulatorStore::commit);
}

SimulatorStore::~SimulatorStore()
{
    commit();
    close();
}

void SimulatorStore::close()
{
    m_queries.reset();
    if (QSqlDatabase::contains(m_connectionName)) {
        QSqlDatabase::database(m_connectionName, false).close();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool SimulatorStore::open(QString *error)
{
    const auto fail = [this, error](const QString &reason) {
        if (error)
            *error = reason;
        close();
        return false;
    };
    close();
    QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!database.isValid())
        return fail(QStringLiteral("Qt's SQLite driver is missing (Debian: libqt6sql6-sqlite)"));
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    database.setDatabaseName(m_filePath);
    // Another demo process (the CLI's beside the window's) may be writing at the same moment.
    database.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!database.open())
        return fail(database.lastError().text());
    QSqlQuery query(database);
    // WAL: a commit appends to the log instead of rewriting pages in place, and survives a crash
    // of the process (NORMAL syncs at checkpoints, which is enough for a demo).
    if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !query.exec(QStringLiteral("PRAGMA synchronous=NORMAL")))
        return fail(query.lastError().text());
    for (const char *statement : kSchema) {
        if (!query.exec(QString::fromLatin1(statement)))
            return fail(query.lastError().text());
    }
    if (!query.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'schema'")))
        return fail(query.lastError().text());
    if (query.next() && query.value(0).toInt() != kSchemaVersion)
        return fail(QStringLiteral("a state of another layout (%1)").arg(query.value(0).toString()));
    query.finish();
    m_queries = std::make_unique<SimulatorStoreQueries>(database);
    return true;
}

std::optional<SimulatorState> SimulatorStore::load(QString *error)
{
    const auto fail = [error](const QSqlQuery &query) {
        if (error)
            *error = query.lastError().text();
        return std::nullopt;
    };
    if (!m_queries)
        return std::nullopt;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT key, value FROM meta")))
        return fail(query);
    SimulatorState state;
    bool any = false;
    while (query.next()) {
        const QString key = query.value(0).toString();
        if (key == QLatin1String("project_id")) {
            state.projectId = query.value(1).toString();
            any = true;
        } else if (key == QLatin1String("desktop_count")) {
            state.desktopCount = query.value(1).toInt();
        } else if (key == QLatin1String("seed")) {
            state.seed = query.value(1).toUInt();
        }
    }
    if (!any)
        return std::nullopt;

    if (!query.exec(QStringLiteral("SELECT id, status, task_status, login_status, removed, in_maintenance_mode,"
                                   " created, tags FROM desktops")))
        return fail(query);
    while (query.next()) {
        state.desktops.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toString(),
                               query.value(3).toString(), query.value(4).toBool(), query.value(5).toBool(),
                               timeFrom(query.value(6)), tagsFrom(query.value(7))});
    }
    if (!query.exec(QStringLiteral("SELECT id, autoscale FROM pools")))
        return fail(query);
    while (query.next())
        state.poolAutoscale.insert(query.value(0).toString(), query.value(1).toBool());
    if (!query.exec(QStringLiteral("SELECT desktop_id, task_status FROM task_status_before_deletion")))
        return fail(query);
    while (query.next())
        state.taskStatusBeforeDeletion.insert(query.value(0).toString(), query.value(1).toString());
    if (!query.exec(QStringLiteral("SELECT user_name FROM deleted_users ORDER BY user_name")))
        return fail(query);
    while (query.next())
        state.deletedUsers.append(query.value(0).toString());

    if (!query.exec(QStringLiteral("SELECT id, duration_ms, created, delete_users FROM jobs ORDER BY created, id")))
        return fail(query);
    QHash<QString, qsizetype> jobIndex;
    while (query.next()) {
        SimulatorState::Job job;
        job.id = query.value(0).toString();
        job.durationMs = query.value(1).toInt();
        job.createdUtc = timeFrom(query.value(2));
        job.deleteUsers = query.value(3).toBool();
        jobIndex.insert(job.id, state.jobs.size());
        state.jobs.append(std::move(job));
    }
    if (!query.exec(QStringLiteral("SELECT job_id, desktop_id, desktop_name, user_name, ip_address, product_id,"
                                   " error_code, fail_reason, sub_job_id, settled FROM job_targets"
                                   " ORDER BY job_id, position")))
        return fail(query);
    while (query.next()) {
        const auto index = jobIndex.constFind(query.value(0).toString());
        if (index == jobIndex.cend())
            continue; // a target without its job: ignored, as a job without targets is refused below
        SimulatorState::Job &job = state.jobs[*index];
        const QString desktopId = query.value(1).toString();
        job.targets.append({desktopId, query.value(2).toString(), query.value(3).toString(),
                            query.value(4).toString(), query.value(5).toString(), query.value(6).toString(),
                            query.value(7).toString()});
        job.subJobIds.append(query.value(8).toString());
        if (query.value(9).toBool())
            job.settledDesktopIds.append(desktopId);
    }
    for (const SimulatorState::Job &job : std::as_const(state.jobs)) {
        if (job.id.isEmpty() || job.targets.isEmpty() || !job.createdUtc.isValid()) {
            if (error)
                *error = QStringLiteral("a job without id, desktops or start time");
            return std::nullopt;
        }
    }
    return state;
}

bool SimulatorStore::beginIfNeeded()
{
    if (!m_queries)
        return false;
    if (!m_inTransaction) {
        m_inTransaction = QSqlDatabase::database(m_connectionName, false).transaction();
        m_commitTimer.start();
    }
    return true;
}

void SimulatorStore::write(QSqlQuery &query)
{
    if (query.exec()) {
        m_rowsWritten += qMax(0, query.numRowsAffected());
        return;
    }
    if (!m_warned) {
        m_warned = true;
        qCWarning(lcSimulatorStore) << "Cannot write the simulator state to" << m_filePath << ":"
                                    << query.lastError().text();
    }
}

bool SimulatorStore::commit()
{
    m_commitTimer.stop();
    if (!m_inTransaction)
        return true;
    m_inTransaction = false;
    QSqlDatabase database = QSqlDatabase::database(m_connectionName, false);
    if (database.commit())
        return true;
    qCWarning(lcSimulatorStore) << "Cannot save the simulator state to" << m_filePath << ":"
                                << database.lastError().text();
    database.rollback();
    return false;
}

SimulatorState::DesktopFields SimulatorStore::fieldsOf(const SimulatedDesktop &desktop)
{
    return {desktop.id,      desktop.status,           desktop.taskStatus, desktop.loginStatus,
            desktop.removed, desktop.inMaintenanceMode, desktop.created, desktop.tags};
}

void SimulatorStore::saveAll(const SimulatorState &state)
{
    if (!beginIfNeeded())
        return;
    QSqlQuery clear(QSqlDatabase::database(m_connectionName, false));
    for (const char *table : {"meta", "desktops", "pools", "task_status_before_deletion", "deleted_users", "jobs",
                              "job_targets"}) {
        if (clear.exec(QStringLiteral("DELETE FROM ") + QLatin1String(table)))
            m_rowsWritten += qMax(0, clear.numRowsAffected());
    }
    const QList<std::pair<const char *, QString>> meta = {{"schema", QString::number(kSchemaVersion)},
                                                          {"project_id", state.projectId},
                                                          {"desktop_count", QString::number(state.desktopCount)},
                                                          {"seed", QString::number(state.seed)}};
    for (const auto &[key, value] : meta) {
        m_queries->meta.addBindValue(QLatin1String(key));
        m_queries->meta.addBindValue(text(value));
        write(m_queries->meta);
    }
    for (const SimulatorState::DesktopFields &fields : state.desktops)
        writeDesktop(fields);
    for (auto it = state.poolAutoscale.cbegin(); it != state.poolAutoscale.cend(); ++it)
        savePoolAutoscale(it.key(), it.value());
    for (auto it = state.taskStatusBeforeDeletion.cbegin(); it != state.taskStatusBeforeDeletion.cend(); ++it)
        saveTaskStatusBeforeDeletion(it.key(), it.value());
    for (const QString &user : state.deletedUsers)
        saveDeletedUser(user);
    for (const SimulatorState::Job &job : state.jobs)
        saveJobRows(job, job.settledDesktopIds);
    commit();
}

void SimulatorStore::saveDesktop(const SimulatedDesktop &desktop)
{
    if (beginIfNeeded())
        writeDesktop(fieldsOf(desktop));
}

void SimulatorStore::writeDesktop(const SimulatorState::DesktopFields &fields)
{
    QSqlQuery &query = m_queries->desktop;
    for (const QVariant &value :
         {QVariant(fields.id), QVariant(text(fields.status)), QVariant(text(fields.taskStatus)),
          QVariant(text(fields.loginStatus)), QVariant(fields.removed), QVariant(fields.inMaintenanceMode),
          QVariant(timeText(fields.created)), tagsText(fields.tags)})
        query.addBindValue(value);
    write(query);
}

void SimulatorStore::savePoolAutoscale(const QString &poolId, bool autoscale)
{
    if (!beginIfNeeded())
        return;
    m_queries->pool.addBindValue(poolId);
    m_queries->pool.addBindValue(autoscale);
    write(m_queries->pool);
}

void SimulatorStore::saveJob(const SimulatorState::Job &job)
{
    if (beginIfNeeded())
        saveJobRows(job, {});
}

void SimulatorStore::saveJobRows(const SimulatorState::Job &job, const QStringList &settledDesktopIds)
{
    const QSet<QString> settled(settledDesktopIds.cbegin(), settledDesktopIds.cend());
    QSqlQuery &jobQuery = m_queries->job;
    jobQuery.addBindValue(job.id);
    jobQuery.addBindValue(job.durationMs);
    jobQuery.addBindValue(timeText(job.createdUtc));
    jobQuery.addBindValue(job.deleteUsers);
    write(jobQuery);
    QSqlQuery &target = m_queries->target;
    for (qsizetype i = 0; i < job.targets.size(); ++i) {
        const DeletionTarget &saved = job.targets.at(i);
        for (const QVariant &value :
             {QVariant(job.id), QVariant(qint64(i)), QVariant(saved.desktopId), QVariant(text(saved.desktopName)),
              QVariant(text(saved.userName)), QVariant(text(saved.ipAddress)), QVariant(text(saved.productId)),
              QVariant(text(saved.errorCode)), QVariant(text(saved.failReason)),
              QVariant(text(job.subJobIds.value(i))), QVariant(settled.contains(saved.desktopId))})
            target.addBindValue(value);
        write(target);
    }
}

void SimulatorStore::saveSettled(const QString &jobId, const QString &desktopId)
{
    if (!beginIfNeeded())
        return;
    m_queries->settled.addBindValue(jobId);
    m_queries->settled.addBindValue(desktopId);
    write(m_queries->settled);
}

void SimulatorStore::saveTaskStatusBeforeDeletion(const QString &desktopId, const QString &taskStatus)
{
    if (!beginIfNeeded())
        return;
    m_queries->before.addBindValue(desktopId);
    m_queries->before.addBindValue(text(taskStatus));
    write(m_queries->before);
}

void SimulatorStore::forgetTaskStatusBeforeDeletion(const QString &desktopId)
{
    if (!beginIfNeeded())
        return;
    m_queries->forgetBefore.addBindValue(desktopId);
    write(m_queries->forgetBefore);
}

void SimulatorStore::saveDeletedUser(const QString &userName)
{
    if (!beginIfNeeded())
        return;
    m_queries->deletedUser.addBindValue(userName);
    write(m_queries->deletedUser);
}
