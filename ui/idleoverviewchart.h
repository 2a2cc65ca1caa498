#pragma once

#include "desktoptablemodel.h"

#include <QWidget>

#include <array>
#include <optional>

// A compact bar chart above the table: how many desktops have been idle 0–7, 7–30, 30–90 and 90 or
// more days, and how many are retiring and due. A bar is a filter: clicking it (or Space/Enter on
// it) shows only its desktops, clicking it again shows all. Painted with the palette, so it follows
// the desktop's light or dark theme; the bars are reached with Tab and the arrow keys.
class IdleOverviewChart : public QWidget {
    Q_OBJECT
public:
    enum class Bar { IdleUnder7, Idle7To29, Idle30To89, Idle90AndMore, Retiring, Due };
    static constexpr int kBarCount = 6;

    explicit IdleOverviewChart(QWidget* parent = nullptr);

    void setOverview(const DesktopTableModel::IdleOverview& overview);
    int countOf(Bar bar) const { return m_counts.at(size_t(bar)); }
    // The bar whose filter is on; none when all desktops are shown.
    std::optional<Bar> activeBar() const { return m_active; }
    // Turns a bar's filter on (or all off), without activated().
    void setActiveBar(std::optional<Bar> bar);
    // Where a bar is drawn, for tests and for the tooltips.
    QRect barRect(Bar bar) const;
    static QString barLabel(Bar bar);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    // The user turned a bar's filter on, or (none) every filter of the chart off.
    void activated(std::optional<IdleOverviewChart::Bar> bar);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void focusInEvent(QFocusEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;
    bool event(QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    std::optional<Bar> barAt(const QPoint& position) const;
    void toggle(Bar bar);
    QString barToolTip(Bar bar) const;
    void updateAccessibleDescription();

    std::array<int, kBarCount> m_counts {};
    std::optional<Bar> m_active;
    Bar m_focused = Bar::IdleUnder7;
};
