#pragma once

#include "connectionprofile.h"

#include <QSettings>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

// Saved connection profiles in QSettings (group "profiles"), plus the name of the profile used
// last. Secrets are never written here: save() stores exactly the fields of ConnectionProfile.
class ProfileStore
{
public:
    // Works on the caller's settings object, which must outlive the store.
    explicit ProfileStore(QSettings &settings);
    // Owns an INI file at filePath (tests use a temporary file).
    explicit ProfileStore(const QString &filePath);
    ~ProfileStore();

    // The file the GUI and the CLI share: <GenericConfigLocation>/workspace-admin/profiles.ini,
    // independent of the application name so that both programs see the same profiles.
    static QString defaultFilePath();

    ProfileStore(const ProfileStore &) = delete;
    ProfileStore &operator=(const ProfileStore &) = delete;

    QStringList profileNames() const; // sorted, case-insensitively
    bool contains(const QString &name) const;
    std::optional<ConnectionProfile> load(const QString &name) const;
    // Adds or replaces the profile with the same name. False with a translated *error when the
    // profile has no name or the settings cannot be written.
    bool save(const ConnectionProfile &profile, QString *error = nullptr);
    // Also forgets it as last used. Returns false when there was no such profile.
    bool remove(const QString &name);

    QString lastUsed() const; // empty when none, or when that profile no longer exists
    void setLastUsed(const QString &name);

    // Writes pending changes to disk; false with a translated *error on failure.
    bool sync(QString *error = nullptr);

private:
    static QString groupFor(const QString &name);

    std::unique_ptr<QSettings> m_ownedSettings;
    QSettings &m_settings;
};
