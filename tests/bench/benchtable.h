#pragma once

#include "desktopfilterproxy.h"
#include "desktoptablemodel.h"

#include <QSet>
#include <QString>
#include <QTableView>

// The table of the main window without the rest of it: the model, the sorting and filtering
// proxy and a shown (offscreen) view set up as MainWindow sets them up, so that the benchmarks
// include what the view does on every change.
class BenchTable
{
public:
    BenchTable();

    DesktopTableModel &model() { return m_model; }
    DesktopFilterProxy &proxy() { return m_proxy; }
    QTableView &view() { return m_view; }

    // Loads the pages (answers of pageSize desktops, in offset order) as the app does: DesktopLoader
    // with a signing ApiClient, over an access manager that answers from memory. Returns false
    // with the reason in *error when the listing fails.
    bool loadPages(const QList<QByteArray> &pages, int pageSize, QString *error);
    // The ids of the selected rows, as the deletion reads them.
    QSet<QString> selectedIds() const;

private:
    DesktopTableModel m_model;
    DesktopFilterProxy m_proxy;
    QTableView m_view;
};
