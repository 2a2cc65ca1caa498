#pragma once

#include <QLabel>

// A label on a tinted strip (BannerPalette) that follows the application palette, so that it
// stays readable when the desktop switches between light and dark while the app runs.
class NoticeLabel : public QLabel
{
    Q_OBJECT
public:
    explicit NoticeLabel(QWidget *parent = nullptr);

protected:
    bool event(QEvent *event) override;

private:
    void applyPalette();
};
