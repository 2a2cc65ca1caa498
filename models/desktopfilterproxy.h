#pragma once

#include "api/workspacetypes.h"

#include <QPointer>
#include <optional>
#include <QSortFilterProxyModel>
#include <QStringList>

class DesktopTableModel;

// Sorting and client-side finding over a DesktopTableModel: free text (every word must occur in
// name, user, IP or id) and quick filters on status, login status and billing mode. Reads the
// source's precomputed rows directly, so a filter pass over 100k rows allocates nothing.
class DesktopFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit DesktopFilterProxy(QObject *parent = nullptr);

    void setDesktopModel(DesktopTableModel *model);
    DesktopTableModel *desktopModel() const { return m_model; }

    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }
    // Empty: any. Status compares with the desktop's status (case-insensitive).
    void setStatusFilter(const QString &status);
    void setLoginStatusFilter(const QString &loginStatus);
    void setBillingFilter(std::optional<BillingMode> mode);

    QString sourceIdAt(int proxyRow) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QPointer<DesktopTableModel> m_model;
    QString m_searchText;
    QStringList m_searchWords; // lower-case
    QString m_status;          // upper-case
    QString m_loginStatus;     // upper-case
    std::optional<BillingMode> m_billing;
};
