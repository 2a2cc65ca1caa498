#pragma once

#include <QList>
#include <QString>
#include <QTextStream>

#include <optional>

// Prints one line per figure, `name: value unit`, the value being the median of the samples, so
// that scripts and docs/PERFORMANCE.md can read the figures the same way every time. Targets are
// reported on stderr only: they are goals to compare with, never a reason to fail.
class BenchReport
{
public:
    BenchReport();

    void setTargetsShown(bool shown) { m_targetsShown = shown; }
    // target <= 0: none.
    void add(const QString &name, QList<double> samples, const QString &unit, double target,
             int decimals = 1);
    // A count whose target is a maximum, 0 included (e.g. requests never sent).
    void addCount(const QString &name, int count, const QString &unit, int maximum);
    bool allTargetsMet() const { return m_allTargetsMet; }

    static double median(QList<double> samples);

private:
    void addFigure(const QString &name, const QList<double> &samples, const QString &unit,
                   std::optional<double> target, int decimals);

    QTextStream m_out;
    QTextStream m_err;
    bool m_targetsShown = true;
    bool m_allTargetsMet = true;
};
