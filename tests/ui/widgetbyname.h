#pragma once

#include <QObject>
#include <QString>
#include <QVariant>

#include <cstdio>
#include <cstdlib>
#include <memory>

// A window's widget or action by its objectName, as an accessibility tool or a script finds it:
// the window exposes no getters for its widgets. A missing name ends the test at once, naming it.
template<typename T>
T *byName(const QObject &parent, const char *name)
{
    T *found = parent.findChild<T *>(QLatin1String(name));
    if (!found) {
        std::fprintf(stderr, "no %s named \"%s\"\n", T::staticMetaObject.className(), name);
        std::abort();
    }
    return found;
}

template<typename T>
T *byName(const QObject *parent, const char *name)
{
    return byName<T>(*parent, name);
}

template<typename T, typename Owner>
T *byName(const std::unique_ptr<Owner> &parent, const char *name)
{
    return byName<T>(*parent, name);
}

// What a list shows in a cell, as a screen reader reads it.
template<typename View>
QString cellText(const View *view, int row, int column, int role = Qt::DisplayRole)
{
    return view->model()->index(row, column).data(role).toString();
}
