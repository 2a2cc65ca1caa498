#include "clicommandspec.h"

#include "clioptions.h"
#include "deleterequest.h"

#include <QFile>

#include <cstdio>

using namespace CliOptions;

CliCommandLine::CliCommandLine(const QCommandLineParser& parser, QStringList arguments)
    : m_parser(parser)
    , m_arguments(std::move(arguments))
{
}

bool CliCommandLine::hasOneIdSource(const QString& command, QString* error) const
{
    if (isSet(Name::ids) == isSet(Name::idsFile)) {
        *error = CliText::tr("%1 needs exactly one of --ids or --ids-file.").arg(command);
        return false;
    }
    return true;
}

std::optional<CliCommandLine::Ids> CliCommandLine::readIds(QString* error) const
{
    QString text;
    QByteArray bytes;
    if (isSet(Name::ids)) {
        text = m_parser.values(Name::ids).join(QLatin1Char(','));
    } else {
        const QString path = value(Name::idsFile);
        QFile file;
        const bool opened = path == QLatin1String("-")
            ? file.open(stdin, QIODevice::ReadOnly)
            : (file.setFileName(path), file.open(QIODevice::ReadOnly));
        if (!opened)
            return refuse(
                error, CliText::tr("Cannot read the id file %1: %2").arg(path, file.errorString()));
        bytes = file.readAll();
    }
    Ids ids;
    const std::optional<QStringList> parsed = isSet(Name::ids)
        ? DeleteRequest::parseIds(text, error, &ids.requestedIds)
        : DeleteRequest::parseIdsFile(bytes, error, &ids.requestedIds);
    if (!parsed)
        return std::nullopt;
    ids.desktopIds = *parsed;
    return ids;
}
