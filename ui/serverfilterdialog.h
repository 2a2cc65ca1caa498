#pragma once

#include "api/apicalls.h"
#include "api/apiclient.h"

#include <QDialog>

class QComboBox;
class QLineEdit;

// Filters the server applies while listing (status, name, user, tag), for projects too large to
// load whole.
class ServerFilterDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ServerFilterDialog(const DesktopQuery &query, QWidget *parent = nullptr);
    DesktopQuery query() const;

private:
    DesktopQuery m_base;
    QComboBox *m_status;
    QLineEdit *m_name;
    QLineEdit *m_user;
    QLineEdit *m_tag;
};
