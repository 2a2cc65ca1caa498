#include "benchreport.h"

#include <algorithm>

BenchReport::BenchReport()
    : m_out(stdout)
    , m_err(stderr)
{
}

double BenchReport::median(QList<double> samples)
{
    if (samples.isEmpty())
        return 0.0;
    std::sort(samples.begin(), samples.end());
    const qsizetype middle = samples.size() / 2;
    return samples.size() % 2 == 1 ? samples.at(middle)
                                    : (samples.at(middle - 1) + samples.at(middle)) / 2.0;
}

void BenchReport::add(const QString &name, QList<double> samples, const QString &unit, double target,
                      int decimals)
{
    addFigure(name, samples, unit, target > 0 ? std::optional<double>(target) : std::nullopt, decimals);
}

void BenchReport::addCount(const QString &name, int count, const QString &unit, int maximum)
{
    addFigure(name, {double(count)}, unit, double(maximum), 0);
}

void BenchReport::addFigure(const QString &name, const QList<double> &samples, const QString &unit,
                            std::optional<double> target, int decimals)
{
    const double value = median(samples);
    m_out << name << ": " << QString::number(value, 'f', decimals) << ' ' << unit << Qt::endl;
    if (!target || !m_targetsShown)
        return;
    const bool met = value <= *target;
    m_allTargetsMet = m_allTargetsMet && met;
    QStringList sampleTexts;
    for (double sample : std::as_const(samples))
        sampleTexts.append(QString::number(sample, 'f', decimals));
    m_err << "  " << name << (met ? " meets" : " MISSES") << " its target of " << *target << ' ' << unit
          << " (samples: " << sampleTexts.join(QStringLiteral(", ")) << ')' << Qt::endl;
}
