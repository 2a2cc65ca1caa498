#pragma once

#include "api/workspacetypes.h"

#include <QDialog>

// Every field of one desktop, as a form and as the JSON the server sent. Non-modal.
class DesktopDetailsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DesktopDetailsDialog(const Desktop &desktop, QWidget *parent = nullptr);
};
