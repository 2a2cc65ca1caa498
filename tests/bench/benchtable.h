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

    // Parses each page as the list call does and upserts it, like DesktopLoader. Returns false
    // with the parser's reason in *error when a page does not parse.
    bool loadPages(const QList<QByteArray> &pages, QString *error);
    // The ids of the selected rows, as the deletion reads them.
    QSet<QString> selectedIds() const;

private:
    DesktopTableModel m_model;
    DesktopFilterProxy m_proxy;
    QTableView m_view;
};
