// The Qt headers most of the project's translation units include, parsed once per build into a
// precompiled header (cmake/WorkspaceAdminBuildSpeed.cmake). Only Qt Test's headers depend on the
// QT_<MODULE>_LIB macros of the target that uses them, so only the test suites need one header per
// combination of modules; every other target shares one, built with every module.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QLocale>
#include <QObject>
#include <QPointer>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimeZone>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <QVariant>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

// The test suites' headers see only the modules the suite links (its include paths); macros
// cannot choose, since a precompiled header fits only the definitions it looked at.
#if __has_include(<QNetworkAccessManager>)
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#endif

#if __has_include(<QIcon>)
#include <QAbstractItemModel>
#include <QAbstractTableModel>
#include <QIcon>
#include <QSortFilterProxyModel>
#endif

#if __has_include(<QWidget>)
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>
#include <QWidget>
#endif

#ifdef QT_TESTLIB_LIB
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#endif
