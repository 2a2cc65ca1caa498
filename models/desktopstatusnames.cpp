#include "desktopstatusnames.h"

#include "desktoptablemodel.h"

#include "api/workspacetypes.h"

#include <QCoreApplication>
#include <QEvent>
#include <QHash>
#include <QPointer>

namespace {

// The statuses and task statuses of shared/spec/workspace-api.md, compared in upper case (the API
// varies the case of task statuses).
QString translatedStatus(const QString &raw)
{
    const QString key = raw.toUpper();
    // Statuses of the desktop.
    if (key == QLatin1String("ACTIVE"))
        return DesktopTableModel::tr("Active", "desktop status ACTIVE");
    if (key == QLatin1String("SHUTOFF"))
        return DesktopTableModel::tr("Shut off", "desktop status SHUTOFF");
    if (key == QLatin1String("HIBERNATED"))
        return DesktopTableModel::tr("Hibernated", "desktop status HIBERNATED");
    if (key == QLatin1String("ERROR"))
        return DesktopTableModel::tr("Error", "desktop status ERROR");
    if (key == QLatin1String("STARTING"))
        return DesktopTableModel::tr("Starting", "desktop status STARTING");
    if (key == QLatin1String("STOPPING"))
        return DesktopTableModel::tr("Stopping", "desktop status STOPPING");
    if (key == QLatin1String("RESTARTING"))
        return DesktopTableModel::tr("Restarting", "desktop status RESTARTING");
    if (key == QLatin1String("HIBERNATING"))
        return DesktopTableModel::tr("Hibernating", "desktop status HIBERNATING");
    if (key == QLatin1String("AWAKENING"))
        return DesktopTableModel::tr("Waking up", "desktop status AWAKENING");
    if (key == QLatin1String("DELETED"))
        return DesktopTableModel::tr("Deleted", "desktop status DELETED");
    // Task statuses: the operation the service is carrying out on the desktop.
    if (key == QLatin1String("DELETING"))
        return DesktopTableModel::tr("deleting", "desktop task status deleting");
    if (key == QLatin1String("DELETEFAILED"))
        return DesktopTableModel::tr("delete failed", "desktop task status deleteFailed");
    if (key == QLatin1String("CREATING"))
        return DesktopTableModel::tr("creating", "desktop task status creating");
    if (key == QLatin1String("POWERING-OFF"))
        return DesktopTableModel::tr("powering off", "desktop task status powering-off");
    if (key == QLatin1String("POWERING-ON"))
        return DesktopTableModel::tr("powering on", "desktop task status powering-on");
    if (key == QLatin1String("REBOOTING"))
        return DesktopTableModel::tr("rebooting", "desktop task status rebooting");
    if (key == QLatin1String("SCHEDULING"))
        return DesktopTableModel::tr("scheduling", "desktop task status scheduling");
    if (key == QLatin1String("MIGRATING"))
        return DesktopTableModel::tr("migrating", "desktop task status migrating");
    return raw;
}

// Sorting 100k rows by status asks for ~2 million status texts: the display names (and the
// pattern that joins status and task status) are looked up once per raw value and kept until the
// application's language changes. GUI thread only, like the model.
class StatusNames : public QObject
{
public:
    static StatusNames &instance()
    {
        static StatusNames names;
        names.watchApplication();
        return names;
    }

    const QString &displayName(const QString &raw)
    {
        auto found = m_names.constFind(raw);
        if (found == m_names.cend())
            found = m_names.insert(raw, translatedStatus(raw));
        return found.value();
    }

    const QString &loginName(const QString &raw)
    {
        auto found = m_loginNames.constFind(raw);
        if (found == m_loginNames.cend())
            found = m_loginNames.insert(raw, loginStatusDisplayName(raw));
        return found.value();
    }

    const QString &joinPattern()
    {
        if (m_joinPattern.isEmpty())
            m_joinPattern = DesktopTableModel::tr("%1 (%2)", "desktop status (task status)");
        return m_joinPattern;
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::LanguageChange && watched == QCoreApplication::instance()) {
            m_names.clear();
            m_loginNames.clear();
            m_joinPattern.clear();
        }
        return false;
    }

private:
    void watchApplication()
    {
        QCoreApplication *application = QCoreApplication::instance();
        if (application == m_watched)
            return;
        m_names.clear();
        m_loginNames.clear();
        m_joinPattern.clear();
        m_watched = application;
        if (application)
            application->installEventFilter(this);
    }

    QHash<QString, QString> m_names;
    QHash<QString, QString> m_loginNames;
    QString m_joinPattern;
    QPointer<QObject> m_watched;
};

} // namespace

namespace DesktopStatusNames {

const QString &statusName(const QString &raw)
{
    return StatusNames::instance().displayName(raw);
}

const QString &loginStatusName(const QString &raw)
{
    return StatusNames::instance().loginName(raw);
}

QString statusText(const QString &status, const QString &taskStatus)
{
    StatusNames &names = StatusNames::instance();
    const QString &statusName = names.displayName(status);
    const QString &taskStatusName = names.displayName(taskStatus);
    if (taskStatusName.isEmpty())
        return statusName;
    if (statusName.isEmpty())
        return taskStatusName;
    return names.joinPattern().arg(statusName, taskStatusName);
}

} // namespace DesktopStatusNames
