#pragma once

#include <QCoreApplication>

// The texts of the main window's parts (DesktopsPage, DecommissionActions) keep the translation
// context they were written and translated in.
class MainWindowText {
    Q_DECLARE_TR_FUNCTIONS(MainWindow)
};
