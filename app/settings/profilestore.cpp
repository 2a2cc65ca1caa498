#include "profilestore.h"

#include <QCoreApplication>
#include <QStandardPaths>
#include <QUrl>

#include <algorithm>

namespace {
const QString kProfilesGroup = QStringLiteral("profiles");
const QString kLastUsedKey = QStringLiteral("lastUsedProfile");

namespace Key {
const QString name = QStringLiteral("name");
const QString region = QStringLiteral("region");
const QString projectId = QStringLiteral("projectId");
const QString endpoint = QStringLiteral("endpoint");
const QString caFile = QStringLiteral("caFile");
const QString protectedTags = QStringLiteral("protectedTags");
const QString accessKeyId = QStringLiteral("accessKeyId");
const QString allRegions = QStringLiteral("allRegions");
} // namespace Key

QString statusText(QSettings::Status status)
{
    switch (status) {
    case QSettings::NoError:
        return {};
    case QSettings::AccessError:
        return QCoreApplication::translate("ProfileStore",
                                           "The settings file cannot be written (access denied).");
    case QSettings::FormatError:
        return QCoreApplication::translate("ProfileStore", "The settings file is damaged.");
    }
    return {};
}
} // namespace

ProfileStore::ProfileStore(QSettings &settings)
    : m_settings(settings)
{
}

ProfileStore::ProfileStore(const QString &filePath)
    : m_ownedSettings(std::make_unique<QSettings>(filePath, QSettings::IniFormat))
    , m_settings(*m_ownedSettings)
{
}

ProfileStore::~ProfileStore() = default;

QString ProfileStore::defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/workspace-admin/profiles.ini");
}

// Profile names are free text; QSettings treats '/' and '\' as separators, so the group name is
// percent-encoded and the real name is kept inside the group.
QString ProfileStore::groupFor(const QString &name)
{
    return kProfilesGroup + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(name));
}

QStringList ProfileStore::profileNames() const
{
    m_settings.beginGroup(kProfilesGroup);
    const QStringList groups = m_settings.childGroups();
    QStringList names;
    names.reserve(groups.size());
    for (const QString &group : groups) {
        const QString name = m_settings.value(group + QLatin1Char('/') + Key::name).toString();
        if (!name.isEmpty())
            names.append(name);
    }
    m_settings.endGroup();
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        return QString::compare(a, b, Qt::CaseInsensitive) < 0;
    });
    return names;
}

bool ProfileStore::contains(const QString &name) const
{
    if (name.isEmpty())
        return false;
    return m_settings.value(groupFor(name) + QLatin1Char('/') + Key::name).toString() == name;
}

std::optional<ConnectionProfile> ProfileStore::load(const QString &name) const
{
    if (!contains(name))
        return std::nullopt;
    m_settings.beginGroup(groupFor(name));
    ConnectionProfile profile;
    profile.name = name;
    profile.region = m_settings.value(Key::region).toString();
    profile.projectId = m_settings.value(Key::projectId).toString();
    const QString endpoint = m_settings.value(Key::endpoint).toString();
    if (!endpoint.isEmpty())
        profile.endpoint = QUrl(endpoint, QUrl::StrictMode);
    profile.caFile = m_settings.value(Key::caFile).toString();
    profile.protectedTags = m_settings.value(Key::protectedTags).toStringList();
    profile.accessKeyId = m_settings.value(Key::accessKeyId).toString();
    profile.allRegions = m_settings.value(Key::allRegions, false).toBool();
    m_settings.endGroup();
    return profile;
}

bool ProfileStore::save(const ConnectionProfile &profile, QString *error)
{
    if (profile.name.trimmed().isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("ProfileStore", "A profile needs a name.");
        return false;
    }
    if (!m_settings.isWritable()) {
        if (error)
            *error = statusText(QSettings::AccessError);
        return false;
    }
    // Replace, so that fields cleared in the profile do not survive from an older version.
    m_settings.remove(groupFor(profile.name));
    m_settings.beginGroup(groupFor(profile.name));
    m_settings.setValue(Key::name, profile.name);
    m_settings.setValue(Key::region, profile.region);
    m_settings.setValue(Key::projectId, profile.projectId);
    if (!profile.endpoint.isEmpty())
        m_settings.setValue(Key::endpoint, profile.endpoint.toString());
    if (!profile.caFile.isEmpty())
        m_settings.setValue(Key::caFile, profile.caFile);
    if (!profile.protectedTags.isEmpty())
        m_settings.setValue(Key::protectedTags, profile.protectedTags);
    m_settings.setValue(Key::accessKeyId, profile.accessKeyId);
    if (profile.allRegions)
        m_settings.setValue(Key::allRegions, true);
    m_settings.endGroup();
    return sync(error);
}

bool ProfileStore::remove(const QString &name)
{
    if (!contains(name))
        return false;
    m_settings.remove(groupFor(name));
    if (m_settings.value(kLastUsedKey).toString() == name)
        m_settings.remove(kLastUsedKey);
    sync();
    return true;
}

QString ProfileStore::lastUsed() const
{
    const QString name = m_settings.value(kLastUsedKey).toString();
    return contains(name) ? name : QString();
}

void ProfileStore::setLastUsed(const QString &name)
{
    if (name.isEmpty())
        m_settings.remove(kLastUsedKey);
    else
        m_settings.setValue(kLastUsedKey, name);
    sync();
}

bool ProfileStore::sync(QString *error)
{
    m_settings.sync();
    const QString problem = statusText(m_settings.status());
    if (!problem.isEmpty() && error)
        *error = problem;
    return problem.isEmpty();
}
