#include "tableheader.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QTableView>

void keepHeaderOutOfSelection(QTableView *view)
{
    QHeaderView *header = view->horizontalHeader();
    if (!view->model() || (header->selectionModel() && header->selectionModel() != view->selectionModel()))
        return;
    header->setHighlightSections(false);
    header->setSelectionModel(new QItemSelectionModel(view->model(), header));
}
