#include "allregionslistcommand.h"

#include "api/serverinput.h"

namespace {
// The region as a table or CSV shows it: a sub-project by its own name.
QString regionLabel(const WorkspaceProject &project)
{
    return project.isSubProject() ? project.name : project.region;
}
} // namespace

AllRegionsListCommand::AllRegionsListCommand(AccountAccess access, DesktopQuery query, DesktopFormatter::Format format,
                                             QTextStream &out, QTextStream &err, QObject *parent)
    : CliCommand(nullptr, out, err, parent)
    , m_listing(std::move(access), std::move(query))
    , m_format(format)
{
}

void AllRegionsListCommand::setTimeoutMs(int timeoutMs)
{
    m_listing.setPerProjectTimeoutMs(timeoutMs);
}

void AllRegionsListCommand::start()
{
    connect(&m_listing, &AllRegionsListing::projectFinished, this, [this](int index) {
        const AllRegionsListing::ProjectListing &listing = m_listing.projects().at(index);
        err() << tr("%1 (project %2): %Ln desktop(s).", nullptr, int(listing.desktops.size()))
                     .arg(regionLabel(listing.project), listing.project.id)
              << Qt::endl;
    });
    connect(&m_listing, &AllRegionsListing::finished, this, &AllRegionsListCommand::onFinished);
    err() << tr("Listing the desktops of every Workspace project of the account…") << Qt::endl;
    m_listing.start();
}

void AllRegionsListCommand::onFinished()
{
    if (!m_listing.succeeded()) {
        failWithApiError(tr("IAM could not list the account's projects."), m_listing.iamError());
        return;
    }
    out() << format(m_listing.projects(), m_format);
    int desktops = 0;
    for (const AllRegionsListing::ProjectListing &listing : m_listing.projects()) {
        desktops += int(listing.desktops.size());
        const QString where = tr("%1 (project %2)").arg(regionLabel(listing.project), listing.project.id);
        if (listing.error.isError())
            err() << tr("%1: the listing failed: %2").arg(where, ServerInput::forTerminal(listing.error.summary()))
                  << Qt::endl;
        else if (!listing.warning.isEmpty())
            err() << tr("Warning: %1: %2").arg(where, listing.warning) << Qt::endl;
    }
    err() << tr("%Ln desktop(s)", nullptr, desktops) << QLatin1Char(' ')
          << tr("in %Ln Workspace project(s).", nullptr, int(m_listing.projects().size())) << Qt::endl;
    if (m_listing.failedCount() > 0) {
        err() << tr("%Ln project(s) could not be listed; the others are shown.", nullptr, m_listing.failedCount())
              << Qt::endl;
        finish(ExitApiError);
    } else if (m_listing.incompleteCount() > 0) {
        finish(ExitIncompleteListing);
    } else {
        finish(ExitSuccess);
    }
}

QString AllRegionsListCommand::format(const QList<AllRegionsListing::ProjectListing> &projects,
                                      DesktopFormatter::Format format)
{
    switch (format) {
    case DesktopFormatter::Format::Json: {
        QJsonArray array;
        for (const AllRegionsListing::ProjectListing &listing : projects) {
            for (const Desktop &desktop : listing.desktops) {
                QJsonObject object = DesktopFormatter::jsonObject(desktop);
                object.insert(QStringLiteral("region"), listing.project.region);
                object.insert(QStringLiteral("project_id"), listing.project.id);
                if (listing.project.isSubProject())
                    object.insert(QStringLiteral("project_name"), listing.project.name);
                array.append(object);
            }
        }
        return DesktopFormatter::jsonText(array);
    }
    case DesktopFormatter::Format::Csv: {
        QString csv = DesktopFormatter::csvLine(
            QStringList{QStringLiteral("region"), QStringLiteral("project_name"), QStringLiteral("project_id")}
            + DesktopFormatter::columns());
        for (const AllRegionsListing::ProjectListing &listing : projects) {
            for (const Desktop &desktop : listing.desktops)
                csv += DesktopFormatter::csvLine(
                    QStringList{listing.project.region, listing.project.name, listing.project.id}
                    + DesktopFormatter::cells(desktop));
        }
        return csv;
    }
    case DesktopFormatter::Format::Table:
        break;
    }
    // The desktops' own table, each line led by its region and project.
    QList<Desktop> all;
    QStringList regions{tr("REGION")};
    QStringList ids{tr("PROJECT ID")};
    for (const AllRegionsListing::ProjectListing &listing : projects) {
        all.append(listing.desktops);
        for (qsizetype i = 0; i < listing.desktops.size(); ++i) {
            regions.append(ServerInput::forTerminal(regionLabel(listing.project)));
            ids.append(listing.project.id);
        }
    }
    qsizetype regionWidth = 0;
    qsizetype idWidth = 0;
    for (qsizetype i = 0; i < regions.size(); ++i) {
        regionWidth = std::max(regionWidth, regions.at(i).size());
        idWidth = std::max(idWidth, ids.at(i).size());
    }
    const QStringList lines = DesktopFormatter::table(all).split(QLatin1Char('\n'));
    QString table;
    for (qsizetype i = 0; i < regions.size() && i < lines.size(); ++i)
        table += regions.at(i).leftJustified(regionWidth) + QLatin1String("  ") + ids.at(i).leftJustified(idWidth)
            + QLatin1String("  ") + lines.at(i) + QLatin1Char('\n');
    return table;
}
