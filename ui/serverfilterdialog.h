#pragma once

#include "api/apicalls.h"
#include "api/apiclient.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QPushButton;

// Filters the server applies while listing (status, maintenance mode, name, user, tag), for
// projects too large to load whole.
class ServerFilterDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ServerFilterDialog(const DesktopQuery &query, QWidget *parent = nullptr);
    DesktopQuery query() const;
    QPushButton *clearButton() const { return m_clearButton; }

    // The filters of query that narrow the listing, e.g. "status Shut off, name dev"; empty
    // when it lists every desktop.
    static QString describe(const DesktopQuery &query);
    // Removes the filters this dialog edits (and the other narrowing ones), keeping the order.
    static void clearFilters(DesktopQuery *query);

private:
    DesktopQuery m_base;
    QComboBox *m_status;
    QComboBox *m_maintenance;
    QLineEdit *m_name;
    QLineEdit *m_user;
    QLineEdit *m_tag;
    QPushButton *m_clearButton;
};
