#pragma once

#include <QHash>
#include <QMutex>
#include <QString>
#include <QStringList>

// Process-wide record of the desktops some deletion run has claimed, so that a second dialog, a
// repeated click or a second window can never POST the same desktops again while the first run
// lives. Keyed by project, since desktop ids are only unique within one.
class InFlightRegistry
{
public:
    static InFlightRegistry &instance();

    // Claims the free ids for `owner` and returns them; ids another owner holds are left out and
    // reported in *alreadyClaimed.
    QStringList claim(const QString &projectId, const QStringList &desktopIds, const QString &owner,
                      QStringList *alreadyClaimed);
    void release(const QString &projectId, const QStringList &desktopIds, const QString &owner);
    bool isClaimed(const QString &projectId, const QString &desktopId) const;

private:
    InFlightRegistry() = default;
    static QString key(const QString &projectId, const QString &desktopId);

    mutable QMutex m_mutex;
    QHash<QString, QString> m_owners; // project/desktop → owner (run id)
};
