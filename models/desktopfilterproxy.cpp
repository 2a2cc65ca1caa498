#include "desktopfilterproxy.h"

#include "desktoptablemodel.h"

DesktopFilterProxy::DesktopFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(DesktopTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void DesktopFilterProxy::setDesktopModel(DesktopTableModel *model)
{
    m_model = model;
    setSourceModel(model);
}

void DesktopFilterProxy::setSearchText(const QString &text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    m_searchWords = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateFilter();
}

void DesktopFilterProxy::setStatusFilter(const QString &status)
{
    const QString upper = status.toUpper();
    if (upper == m_status)
        return;
    m_status = upper;
    invalidateFilter();
}

void DesktopFilterProxy::setLoginStatusFilter(const QString &loginStatus)
{
    const QString upper = loginStatus.toUpper();
    if (upper == m_loginStatus)
        return;
    m_loginStatus = upper;
    invalidateFilter();
}

void DesktopFilterProxy::setBillingFilter(std::optional<BillingMode> mode)
{
    if (mode == m_billing)
        return;
    m_billing = mode;
    invalidateFilter();
}

QString DesktopFilterProxy::sourceIdAt(int proxyRow) const
{
    const QModelIndex source = mapToSource(index(proxyRow, 0));
    return source.isValid() && m_model ? m_model->idAt(source.row()) : QString();
}

bool DesktopFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_model)
        return false;
    const DesktopTableModel::Row &row = m_model->rowAt(sourceRow);
    if (!m_status.isEmpty() && row.statusKey != m_status)
        return false;
    if (!m_loginStatus.isEmpty()
        && row.desktop.loginStatus.compare(m_loginStatus, Qt::CaseInsensitive) != 0)
        return false;
    if (m_billing && row.desktop.billingMode != *m_billing)
        return false;
    for (const QString &word : m_searchWords) {
        if (!row.searchHaystack.contains(word))
            return false;
    }
    return true;
}
