#include "pastedselection.h"

#include "desktoptablemodel.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace {

class Resolver {
public:
    explicit Resolver(const DesktopTableModel& model)
        : m_model(model)
    {
    }

    // Whether the item matched an id or a name; an ambiguous id counts as matched (it is
    // reported as ambiguous, not as a miss).
    bool resolve(const QString& item)
    {
        const QList<int> rowsOfId = m_model.rowsOfId(item);
        if (rowsOfId.size() == 1) {
            take(rowsOfId.constFirst());
            return true;
        }
        if (rowsOfId.size() > 1) {
            noteAmbiguous(item, rowsOfId);
            return true;
        }
        if (m_rowsByName.isEmpty()) {
            // Built only when a name is pasted: ids are the common case.
            for (int row = 0; row < m_model.rowCount(); ++row)
                m_rowsByName[m_model.computerNameAt(row).toLower()].append(row);
        }
        const auto it = m_rowsByName.constFind(item.toLower());
        if (it == m_rowsByName.constEnd())
            return false;
        for (const int row : *it)
            take(row);
        return true;
    }

    PastedSelection result;

private:
    void take(int row)
    {
        if (!m_takenRows.contains(row)) {
            m_takenRows.insert(row);
            result.rows.append(row);
        }
    }

    void noteAmbiguous(const QString& desktopId, const QList<int>& rows)
    {
        if (m_ambiguousIds.contains(desktopId))
            return;
        m_ambiguousIds.insert(desktopId);
        PastedSelection::AmbiguousId ambiguous { desktopId, {} };
        for (const int row : rows)
            ambiguous.projects.append(DesktopTableModel::projectLabel(m_model.projectAt(row)));
        result.ambiguous.append(ambiguous);
    }

    const DesktopTableModel& m_model;
    QHash<QString, QList<int>> m_rowsByName;
    QSet<int> m_takenRows;
    QSet<QString> m_ambiguousIds;
};

} // namespace

PastedSelection PastedSelection::resolve(const DesktopTableModel& model, const QStringList& lines)
{
    Resolver resolver(model);
    // Ids and computer names hold none of these separators.
    static const QRegularExpression itemSeparators(QStringLiteral("[,;\\s]"));
    for (const QString& rawLine : lines) {
        const QString line = rawLine.trimmed();
        if (line.isEmpty())
            continue;
        if (line.contains(QLatin1Char('\t'))) {
            bool matched = false;
            for (const QString& cell : line.split(QLatin1Char('\t'), Qt::SkipEmptyParts)) {
                const QString item = cell.trimmed();
                if (!item.isEmpty() && resolver.resolve(item))
                    matched = true;
            }
            if (!matched)
                resolver.result.notFound.append(line);
            continue;
        }
        for (const QString& item : line.split(itemSeparators, Qt::SkipEmptyParts)) {
            if (!resolver.resolve(item))
                resolver.result.notFound.append(item);
        }
    }
    return resolver.result;
}

QStringList PastedSelection::desktopIds(const DesktopTableModel& model) const
{
    QStringList ids;
    QSet<QString> seen;
    for (const int row : rows) {
        const QString id = model.idAt(row);
        if (!seen.contains(id)) {
            seen.insert(id);
            ids.append(id);
        }
    }
    return ids;
}

QStringList PastedSelection::ambiguousTexts() const
{
    QStringList texts;
    for (const AmbiguousId& id : ambiguous)
        texts.append(DesktopTableModel::tr("%1 (%2)", "a desktop id, then the regions that list it")
                         .arg(id.desktopId, id.projects.join(QLatin1String(", "))));
    return texts;
}
