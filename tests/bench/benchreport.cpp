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
    const double value = median(samples);
    m_out << name << ": " << QString::number(value, 'f', decimals) << ' ' << unit << Qt::endl;
    if (target <= 0 || !m_targetsShown)
        return;
    const bool met = value <= target;
    m_allTargetsMet = m_allTargetsMet && met;
    QStringList sampleTexts;
    for (double sample : std::as_const(samples))
        sampleTexts.append(QString::number(sample, 'f', decimals));
    m_err << "  " << name << (met ? " meets" : " MISSES") << " its target of " << target << ' ' << unit
          << " (samples: " << sampleTexts.join(QStringLiteral(", ")) << ')' << Qt::endl;
}
