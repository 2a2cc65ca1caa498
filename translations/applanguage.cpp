#include "applanguage.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>

namespace {
const QString kResourceDir = QStringLiteral(":/i18n");
const QString kCatalogue = QStringLiteral("workspace-admin");
const QString kSourceLanguage = QStringLiteral("en");

bool isLanguageOption(const QString &argument)
{
    return argument == QLatin1String("--lang") || argument == QLatin1String("-lang");
}

bool isLanguageAssignment(const QString &argument)
{
    return argument.startsWith(QLatin1String("--lang=")) || argument.startsWith(QLatin1String("-lang="));
}
} // namespace

AppLanguage::~AppLanguage()
{
    uninstall();
}

QString AppLanguage::requested(const QStringList &arguments)
{
    QStringList copy = arguments;
    return takeRequested(&copy);
}

QString AppLanguage::takeRequested(QStringList *arguments)
{
    QString value;
    // The program name is never an option; "--" ends the options like in QCommandLineParser.
    for (qsizetype i = 1; i < arguments->size();) {
        const QString &argument = arguments->at(i);
        if (argument == QLatin1String("--"))
            break;
        if (isLanguageAssignment(argument)) {
            value = argument.mid(argument.indexOf(QLatin1Char('=')) + 1);
            arguments->removeAt(i);
        } else if (isLanguageOption(argument) && i + 1 < arguments->size()) {
            value = arguments->at(i + 1);
            arguments->remove(i, 2);
        } else {
            ++i;
        }
    }
    return value.trimmed();
}

QLocale AppLanguage::chooseLocale(const QString &requested, const QLocale &system)
{
    if (requested.isEmpty())
        return system;
    return QLocale(requested);
}

QStringList AppLanguage::available()
{
    QStringList languages;
    const QStringList files = QDir(kResourceDir).entryList({kCatalogue + QStringLiteral("_*.qm")}, QDir::Files,
                                                           QDir::Name);
    for (const QString &file : files)
        languages << file.mid(kCatalogue.size() + 1).chopped(3);
    return languages;
}

bool AppLanguage::install(const QLocale &locale)
{
    uninstall();
    QLocale::setDefault(locale);

    // QTranslator::load(QLocale, ...) walks the locale's UI languages (zh_Hans_CN, zh_CN, zh...).
    bool ownTranslation = m_appTranslator.load(locale, kCatalogue, QStringLiteral("_"), kResourceDir);
    // Without a translation of its own the locale gets the English catalogue: it only holds the
    // plural forms ("1 desktop", "2 desktops") that the source texts write as "desktop(s)".
    const bool loaded = ownTranslation
        || m_appTranslator.load(kCatalogue + QLatin1Char('_') + kSourceLanguage, kResourceDir);
    if (loaded)
        m_appInstalled = QCoreApplication::installTranslator(&m_appTranslator);

    const QString qtLanguage = ownTranslation ? locale.name() : kSourceLanguage;
    if (m_qtTranslator.load(QLocale(qtLanguage), QStringLiteral("qtbase"), QStringLiteral("_"),
                            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        m_qtInstalled = QCoreApplication::installTranslator(&m_qtTranslator);

    return ownTranslation || locale.language() == QLocale::English;
}

void AppLanguage::uninstall()
{
    if (m_appInstalled)
        QCoreApplication::removeTranslator(&m_appTranslator);
    if (m_qtInstalled)
        QCoreApplication::removeTranslator(&m_qtTranslator);
    m_appInstalled = m_qtInstalled = false;
}
