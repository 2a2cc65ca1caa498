#pragma once

class QTableView;

// QHeaderView asks QItemSelectionModel::isColumnSelected() for each section it paints after every
// selection change, and that walks every row asking for its flags: about 50 ms per change with
// 100k desktops. The header shows nothing of the selection (highlightSections is off), so it gets
// an empty selection model of its own; the view keeps selecting rows, and a click on a section
// still sorts. Call again after QTableView::setModel() or setSelectionModel(), which hand the
// view's selection model back to the header.
void keepHeaderOutOfSelection(QTableView *view);
