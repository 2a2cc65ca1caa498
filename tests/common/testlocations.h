#pragma once

#include <QCoreApplication>
#include <QStandardPaths>
#include <QString>

// The suite's settings and data in the test locations, under an application name of its own, so
// that no suite reads or writes a user's or another suite's.
inline void useTestLocations(const QString& suiteName)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WorkspaceAdminTest"));
    QCoreApplication::setApplicationName(suiteName);
}
