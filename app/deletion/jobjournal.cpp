#include "jobjournal.h"

#include "api/workspacejson.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>

namespace {
constexpr int kJournalVersion = 1;
}

QJsonObject JournalEntry::toJson() const
{
    QJsonArray desktops;
    for (const QString &id : desktopIds) {
        desktops.append(QJsonObject{{QLatin1String("desktop_id"), id},
                                    {QLatin1String("desktop_name"), desktopNames.value(id)}});
    }
    return QJsonObject{
        {QLatin1String("job_id"), jobId},
        {QLatin1String("run_id"), runId},
        {QLatin1String("profile"), profileName},
        {QLatin1String("project_id"), projectId},
        {QLatin1String("endpoint_host"), endpointHost},
        {QLatin1String("region"), region},
        {QLatin1String("desktops"), desktops},
        {QLatin1String("options"),
         QJsonObject{{QLatin1String("delete_users"), options.deleteUsers},
                     {QLatin1String("email_notification"), options.emailNotification},
                     {QLatin1String("is_force_delete"), options.forceDelete}}},
        {QLatin1String("submitted_at"), submittedAt.toUTC().toString(Qt::ISODateWithMs)},
    };
}

JournalEntry JournalEntry::fromJson(const QJsonObject &object)
{
    JournalEntry entry;
    entry.jobId = object.value(QLatin1String("job_id")).toString();
    entry.runId = object.value(QLatin1String("run_id")).toString();
    entry.profileName = object.value(QLatin1String("profile")).toString();
    entry.projectId = object.value(QLatin1String("project_id")).toString();
    entry.endpointHost = object.value(QLatin1String("endpoint_host")).toString();
    entry.region = object.value(QLatin1String("region")).toString();
    const QJsonArray desktops = object.value(QLatin1String("desktops")).toArray();
    for (const QJsonValue &value : desktops) {
        const QJsonObject desktop = value.toObject();
        const QString id = desktop.value(QLatin1String("desktop_id")).toString();
        if (id.isEmpty())
            continue;
        entry.desktopIds.append(id);
        const QString name = desktop.value(QLatin1String("desktop_name")).toString();
        if (!name.isEmpty())
            entry.desktopNames.insert(id, name);
    }
    const QJsonObject options = object.value(QLatin1String("options")).toObject();
    entry.options.deleteUsers = options.value(QLatin1String("delete_users")).toBool(false);
    entry.options.emailNotification =
        options.value(QLatin1String("email_notification")).toBool(true);
    entry.options.forceDelete = options.value(QLatin1String("is_force_delete")).toBool(false);
    entry.submittedAt =
        WorkspaceJson::parseTimestamp(object.value(QLatin1String("submitted_at")).toString());
    return entry;
}

JobJournal::JobJournal(QString filePath)
    : m_filePath(std::move(filePath))
{
}

JobJournal::~JobJournal()
{
    flush();
}

QString JobJournal::defaultFilePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("jobs.json"));
}

bool JobJournal::load()
{
    m_entries.clear();
    m_serialized.clear();
    m_lastError.clear();
    QFile file(m_filePath);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        m_lastError = tr("Cannot read the job journal %1: %2").arg(m_filePath, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    file.close();
    if (!document.isObject()) {
        // Keep the evidence instead of overwriting it with the next save.
        const QString aside = m_filePath + QStringLiteral(".corrupt");
        QFile::remove(aside);
        QFile::rename(m_filePath, aside);
        m_lastError = tr("The job journal %1 could not be read (%2); it was kept as %3.")
                          .arg(m_filePath, parseError.errorString(), aside);
        return false;
    }
    const QJsonArray jobs = document.object().value(QLatin1String("jobs")).toArray();
    for (const QJsonValue &value : jobs) {
        JournalEntry entry = JournalEntry::fromJson(value.toObject());
        if (!entry.jobId.isEmpty())
            m_entries.append(std::move(entry));
    }
    return true;
}

bool JobJournal::contains(const QString &jobId) const
{
    return std::any_of(m_entries.cbegin(), m_entries.cend(),
                       [&jobId](const JournalEntry &entry) { return entry.jobId == jobId; });
}

JournalEntry JobJournal::entry(const QString &jobId) const
{
    for (const JournalEntry &entry : m_entries) {
        if (entry.jobId == jobId)
            return entry;
    }
    return {};
}

QList<JournalEntry> JobJournal::entriesForProject(const QString &projectId) const
{
    QList<JournalEntry> matching;
    for (const JournalEntry &entry : m_entries) {
        if (entry.projectId == projectId)
            matching.append(entry);
    }
    return matching;
}

QHash<QString, QString> JobJournal::pendingDesktopJobs(const QString &projectId) const
{
    QHash<QString, QString> pending;
    for (const JournalEntry &entry : m_entries) {
        if (entry.projectId != projectId)
            continue;
        for (const QString &id : entry.desktopIds)
            pending.insert(id, entry.jobId);
    }
    return pending;
}

bool JobJournal::add(const JournalEntry &entry)
{
    auto it = std::find_if(m_entries.begin(), m_entries.end(),
                           [&entry](const JournalEntry &e) { return e.jobId == entry.jobId; });
    if (it != m_entries.end())
        *it = entry;
    else
        m_entries.append(entry);
    m_serialized.remove(entry.jobId);
    return save();
}

bool JobJournal::remove(const QString &jobId)
{
    const qsizetype removed = m_entries.removeIf(
        [&jobId](const JournalEntry &entry) { return entry.jobId == jobId; });
    m_serialized.remove(jobId);
    if (removed == 0)
        return true;
    if (m_removalDelayMs <= 0)
        return save();
    m_dirty = true;
    if (!m_flushTimer) {
        m_flushTimer = std::make_unique<QTimer>();
        m_flushTimer->setSingleShot(true);
        QObject::connect(m_flushTimer.get(), &QTimer::timeout, m_flushTimer.get(), [this] { flush(); });
    }
    if (!m_flushTimer->isActive())
        m_flushTimer->start(m_removalDelayMs);
    return true;
}

bool JobJournal::flush()
{
    if (m_flushTimer)
        m_flushTimer->stop();
    return !m_dirty || save();
}

bool JobJournal::save()
{
    ++m_writeCount;
    const QFileInfo info(m_filePath);
    if (!QDir().mkpath(info.absolutePath())) {
        m_lastError = tr("Cannot create the folder %1.").arg(info.absolutePath());
        return false;
    }
    // {"version":N,"jobs":[…]} from each entry's text, serialised once: a journal of 100 jobs of
    // 100 desktops is rewritten after every POST, and re-serialising it all each time held the
    // GUI thread.
    QByteArray text = "{\"version\":" + QByteArray::number(kJournalVersion) + ",\"jobs\":[";
    bool first = true;
    for (const JournalEntry &entry : m_entries) {
        auto cached = m_serialized.find(entry.jobId);
        if (cached == m_serialized.end())
            cached = m_serialized.insert(entry.jobId,
                                         QJsonDocument(entry.toJson()).toJson(QJsonDocument::Compact));
        if (!first)
            text += ',';
        text += *cached;
        first = false;
    }
    text += "]}\n";

    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly)) {
        m_lastError = tr("Cannot write the job journal %1: %2").arg(m_filePath, file.errorString());
        return false;
    }
    file.write(text);
    if (!file.commit()) {
        m_lastError = tr("Cannot write the job journal %1: %2").arg(m_filePath, file.errorString());
        return false;
    }
    m_lastError.clear();
    m_dirty = false;
    return true;
}
