#pragma once

#include <QHash>
#include <QMutex>
#include <QString>
#include <QStringList>

// The desktops some deletion run of this process has claimed, so that a second dialog, a repeated
// click or a second command can never POST the same desktops again while the first run lives.
// Keyed by project, since desktop ids are only unique within one. One per data directory, owned
// by its DeletionStore, which every run and preparation of that directory shares.
class InFlightRegistry
{
public:
    InFlightRegistry() = default;
    InFlightRegistry(const InFlightRegistry &) = delete;
    InFlightRegistry &operator=(const InFlightRegistry &) = delete;

    // Claims the free ids for `owner` and returns them; ids another owner holds are left out and
    // reported in *alreadyClaimed.
    QStringList claim(const QString &projectId, const QStringList &desktopIds, const QString &owner,
                      QStringList *alreadyClaimed);
    void release(const QString &projectId, const QStringList &desktopIds, const QString &owner);
    bool isClaimed(const QString &projectId, const QString &desktopId) const;

private:
    static QString key(const QString &projectId, const QString &desktopId);

    mutable QMutex m_mutex;
    QHash<QString, QString> m_owners; // project/desktop → owner (run id)
};
