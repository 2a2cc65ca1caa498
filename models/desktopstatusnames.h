#pragma once

#include <QString>

// The translated names of the API's desktop statuses, task statuses and login statuses, looked up
// once per raw value and kept until the application's language changes: sorting 100k rows by
// status asks for ~2 million of them. GUI thread only, like the model.
namespace DesktopStatusNames {

// "ACTIVE", "deleting" (any case) in the user's language; an unknown value as it is.
const QString &statusName(const QString &raw);
const QString &loginStatusName(const QString &raw);
// "Active" or "Active (rebooting)", like the status column.
QString statusText(const QString &status, const QString &taskStatus);

} // namespace DesktopStatusNames
