#include "idleoverviewchart.h"

#include <QFocusEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace {

constexpr int kBarGap = 6;
constexpr int kBarWidthMin = 44;

IdleOverviewChart::Bar barOf(int index)
{
    return IdleOverviewChart::Bar(index);
}

} // namespace

IdleOverviewChart::IdleOverviewChart(QWidget* parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Idle desktops overview"));
    updateAccessibleDescription();
}

QString IdleOverviewChart::barLabel(Bar bar)
{
    switch (bar) {
    case Bar::IdleUnder7:
        return tr("Idle 0–7 days");
    case Bar::Idle7To29:
        return tr("7–30 days");
    case Bar::Idle30To89:
        return tr("30–90 days");
    case Bar::Idle90AndMore:
        return tr("90+ days");
    case Bar::Retiring:
        return tr("Retiring");
    case Bar::Due:
        return tr("Due");
    }
    return {};
}

void IdleOverviewChart::setOverview(const DesktopTableModel::IdleOverview& overview)
{
    m_counts = { overview.idleUnder7, overview.idle7To29, overview.idle30To89,
        overview.idle90AndMore, overview.retiring, overview.due };
    updateAccessibleDescription();
    update();
}

void IdleOverviewChart::setActiveBar(std::optional<Bar> bar)
{
    if (m_active == bar)
        return;
    m_active = bar;
    if (bar)
        m_focused = *bar;
    updateAccessibleDescription();
    update();
}

QSize IdleOverviewChart::sizeHint() const
{
    const QFontMetrics metrics = fontMetrics();
    int labels = 0;
    for (int i = 0; i < kBarCount; ++i)
        labels
            += std::max(kBarWidthMin, metrics.horizontalAdvance(barLabel(barOf(i))) + 12) + kBarGap;
    return { labels, metrics.height() * 2 + 28 };
}

QSize IdleOverviewChart::minimumSizeHint() const
{
    return { kBarCount * (kBarWidthMin + kBarGap), sizeHint().height() };
}

QRect IdleOverviewChart::barRect(Bar bar) const
{
    const int index = int(bar);
    // The idle bars and the retirement bars stand in two groups, a wider gap between them.
    const int groupGap = 3 * kBarGap;
    const int width = std::max(
        kBarWidthMin, (this->width() - groupGap - (kBarCount - 1) * kBarGap) / kBarCount);
    const int x = index * (width + kBarGap) + (index >= int(Bar::Retiring) ? groupGap : 0);
    return { x, 0, width, height() };
}

std::optional<IdleOverviewChart::Bar> IdleOverviewChart::barAt(const QPoint& position) const
{
    for (int i = 0; i < kBarCount; ++i) {
        if (barRect(barOf(i)).contains(position))
            return barOf(i);
    }
    return std::nullopt;
}

void IdleOverviewChart::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics metrics = fontMetrics();
    const int textHeight = metrics.height();
    const int maxCount = std::max(1, *std::max_element(m_counts.begin(), m_counts.end()));
    const QColor idleColor = palette().color(QPalette::Highlight);
    QColor retireColor = palette().color(QPalette::Link);
    if (retireColor == idleColor)
        retireColor = idleColor.darker(130);
    for (int i = 0; i < kBarCount; ++i) {
        const Bar bar = barOf(i);
        const QRect cell = barRect(bar);
        const bool active = m_active == bar;
        if (active) {
            QColor background = palette().color(QPalette::Highlight);
            background.setAlpha(40);
            painter.fillRect(cell, background);
        }
        const QRect labelRect(cell.left(), cell.bottom() - textHeight, cell.width(), textHeight);
        const QRect countRect(cell.left(), 0, cell.width(), textHeight);
        const int barSpace = labelRect.top() - countRect.bottom() - 6;
        const int count = m_counts.at(size_t(i));
        const int barHeight = count == 0 ? 1 : std::max(3, barSpace * count / maxCount);
        const QRect barArea(cell.left() + cell.width() / 4, labelRect.top() - 3 - barHeight,
            cell.width() / 2, barHeight);
        painter.fillRect(barArea, i >= int(Bar::Retiring) ? retireColor : idleColor);
        painter.setPen(palette().color(QPalette::WindowText));
        QFont countFont = font();
        countFont.setBold(active);
        painter.setFont(countFont);
        painter.drawText(
            QRect(cell.left(), barArea.top() - textHeight - 1, cell.width(), textHeight),
            Qt::AlignHCenter | Qt::AlignBottom, QLocale().toString(count));
        painter.setFont(font());
        painter.drawText(labelRect, Qt::AlignHCenter | Qt::AlignVCenter,
            metrics.elidedText(barLabel(bar), Qt::ElideRight, cell.width()));
        if (hasFocus() && m_focused == bar) {
            painter.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DotLine));
            painter.drawRect(cell.adjusted(0, 0, -1, -1));
        }
    }
}

void IdleOverviewChart::toggle(Bar bar)
{
    m_focused = bar;
    setActiveBar(m_active == bar ? std::nullopt : std::optional<Bar>(bar));
    Q_EMIT activated(m_active);
}

void IdleOverviewChart::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    if (const std::optional<Bar> bar = barAt(event->position().toPoint()))
        toggle(*bar);
}

void IdleOverviewChart::mouseMoveEvent(QMouseEvent* event)
{
    setCursor(barAt(event->position().toPoint()) ? Qt::PointingHandCursor : Qt::ArrowCursor);
    QWidget::mouseMoveEvent(event);
}

void IdleOverviewChart::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Left:
        m_focused = barOf(std::max(0, int(m_focused) - 1));
        break;
    case Qt::Key_Right:
        m_focused = barOf(std::min(kBarCount - 1, int(m_focused) + 1));
        break;
    case Qt::Key_Space:
    case Qt::Key_Return:
    case Qt::Key_Enter:
        toggle(m_focused);
        break;
    default:
        return QWidget::keyPressEvent(event);
    }
    updateAccessibleDescription();
    update();
}

void IdleOverviewChart::focusInEvent(QFocusEvent* event)
{
    update();
    QWidget::focusInEvent(event);
}

void IdleOverviewChart::focusOutEvent(QFocusEvent* event)
{
    update();
    QWidget::focusOutEvent(event);
}

QString IdleOverviewChart::barToolTip(Bar bar) const
{
    const int count = m_counts.at(size_t(bar));
    QString text;
    switch (bar) {
    case Bar::IdleUnder7:
    case Bar::Idle7To29:
    case Bar::Idle30To89:
    case Bar::Idle90AndMore:
        text = tr("%n desktop(s) idle %1 in the usage period", nullptr, count).arg(barLabel(bar));
        break;
    case Bar::Retiring:
        text = tr(
            "%n desktop(s) retiring (switched off and waiting for their date)", nullptr, count);
        break;
    case Bar::Due:
        text = tr("%n retiring desktop(s) whose date has come", nullptr, count);
        break;
    }
    return text + QLatin1Char('\n')
        + (m_active == bar ? tr("Click to show all desktops again.")
                           : tr("Click to show only these desktops."));
}

bool IdleOverviewChart::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        if (const std::optional<Bar> bar = barAt(help->pos()))
            QToolTip::showText(help->globalPos(), barToolTip(*bar), this, barRect(*bar));
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void IdleOverviewChart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange) {
        setAccessibleName(tr("Idle desktops overview"));
        updateAccessibleDescription();
        updateGeometry();
    }
    QWidget::changeEvent(event);
}

void IdleOverviewChart::updateAccessibleDescription()
{
    QStringList parts;
    for (int i = 0; i < kBarCount; ++i)
        parts.append(
            tr("%1: %2").arg(barLabel(barOf(i)), QLocale().toString(m_counts.at(size_t(i)))));
    QString description = parts.join(QStringLiteral("; "));
    if (m_active)
        description += QLatin1String(". ") + tr("Showing only: %1").arg(barLabel(*m_active));
    setAccessibleDescription(description);
}
