#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>
#include <QTranslator>

// The user-interface language of the GUI and the CLI: the system locale unless --lang names one.
// Installs two translators for as long as it lives: the application's own (embedded under
// :/i18n) and Qt's qtbase catalogue from the Qt installation, so that standard dialogs and
// QCommandLineParser texts speak the same language. Also makes the chosen locale the default
// QLocale, so numbers and dates are formatted to match.
class AppLanguage
{
public:
    AppLanguage() = default;
    ~AppLanguage();
    AppLanguage(const AppLanguage &) = delete;
    AppLanguage &operator=(const AppLanguage &) = delete;

    static QString optionName() { return QStringLiteral("lang"); }

    // The value of --lang (as "--lang X", "--lang=X" or "-lang X"); empty when not given. Read
    // before any QCommandLineParser runs, because option descriptions are translated when added.
    static QString requested(const QStringList &arguments);
    // Same, and removes the option from arguments, for parsers that do not accept it.
    static QString takeRequested(QStringList *arguments);

    // The requested language when given, otherwise the system locale.
    static QLocale chooseLocale(const QString &requested, const QLocale &system = QLocale::system());

    // Languages with an embedded translation, e.g. "en", "zh_CN".
    static QStringList available();

    // Replaces any translators installed earlier by this object. Returns false when the locale has
    // no translation of its own; English (the source language, with its plural forms) is used then.
    bool install(const QLocale &locale);

private:
    void uninstall();

    QTranslator m_appTranslator;
    QTranslator m_qtTranslator;
    bool m_appInstalled = false;
    bool m_qtInstalled = false;
};
