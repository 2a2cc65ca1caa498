// The translation catalogues: complete, in step with the sources, and actually used at run time.

#include "applanguage.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct TsMessage
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type; // the <translation type="…"> attribute: unfinished, vanished, obsolete or empty
    QString translation;
    QStringList numerusForms;
    bool hasLocation = false;

    QString key() const { return context + QLatin1String(" | ") + source + QLatin1String(" | ") + comment; }
};

struct TsFile
{
    QString language;
    QList<TsMessage> messages;
    QString error;
};

TsFile readTs(const QString &path)
{
    TsFile file;
    QFile device(path);
    if (!device.open(QIODevice::ReadOnly)) {
        file.error = device.errorString();
        return file;
    }
    QXmlStreamReader xml(&device);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            file.language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("context")) {
            context.clear();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            if (!message.source.isEmpty())
                file.messages.append(message);
            message = TsMessage();
            message.context = context;
            message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("location")) {
            message.hasLocation = true;
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            message.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (!message.numerus)
                message.translation = xml.readElementText();
        } else if (name == QLatin1String("numerusform")) {
            message.numerusForms << xml.readElementText();
        }
    }
    if (!message.source.isEmpty())
        file.messages.append(message);
    if (xml.hasError())
        file.error = xml.errorString();
    return file;
}

QString catalogue(const QString &language)
{
    return QStringLiteral(WORKSPACE_SOURCE_DIR "/translations/workspace-admin_%1.ts").arg(language);
}

// %1…%99, %n and %Ln (the count in the locale's digits), as a sorted list, so that a
// translation can be checked for a lost argument.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(\\d{1,2}|L?n)"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found << it.next().captured(0);
    found.sort();
    found.removeDuplicates();
    return found;
}

QString resolvedForm(const QString &form, int n)
{
    // n stays below 1000 here, so %Ln has no group separator.
    QString text = form;
    return text.replace(QLatin1String("%Ln"), QString::number(n)).replace(QLatin1String("%n"), QString::number(n));
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void catalogueIsComplete_data();
    void catalogueIsComplete();
    void catalogueMatchesSources_data();
    void catalogueMatchesSources();
    void translationsKeepPlaceholders();
    void widgetsGetNoUntranslatedText();
    void cataloguesAreEmbedded();
    void languageOption_data();
    void languageOption();
    void chineseInstallsEveryTranslationAndQtBase();
    void englishHasPluralForms();
    void unsupportedLanguageFallsBackToEnglish();
    void translatorsLeaveWithTheirOwner();
};

void TestTranslations::catalogueIsComplete_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("pluralForms");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << 1;
    QTest::newRow("en") << QStringLiteral("en") << 2;
}

void TestTranslations::catalogueIsComplete()
{
    QFETCH(QString, language);
    QFETCH(int, pluralForms);
    const TsFile file = readTs(catalogue(language));
    QVERIFY2(file.error.isEmpty(), qPrintable(file.error));
    QCOMPARE(file.language, language);
    QVERIFY(!file.messages.isEmpty());

    QStringList problems;
    for (const TsMessage &message : file.messages) {
        if (!message.type.isEmpty())
            problems << QStringLiteral("%1: %2").arg(message.type, message.key());
        else if (message.hasLocation)
            problems << QStringLiteral("has a line location (use -locations none): %1").arg(message.key());
        else if (message.numerus && (message.numerusForms.size() != pluralForms
                                     || message.numerusForms.contains(QString())))
            problems << QStringLiteral("needs %1 plural form(s): %2").arg(pluralForms).arg(message.key());
        else if (!message.numerus && message.translation.isEmpty())
            problems << QStringLiteral("empty translation: %1").arg(message.key());
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("%1 entries of %2 need work (refresh with the "
                                       "workspace_update_translations target, then translate):\n  %3")
                            .arg(problems.size())
                            .arg(catalogue(language), problems.join(QLatin1String("\n  ")))));
}

void TestTranslations::catalogueMatchesSources_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<bool>("pluralOnly");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << false;
    QTest::newRow("en") << QStringLiteral("en") << true;
}

// lupdate is run over the sources into a copy; any text added or removed since the catalogue was
// refreshed shows up as a difference, and lupdate's complaints show texts it cannot attribute.
void TestTranslations::catalogueMatchesSources()
{
    QFETCH(QString, language);
    QFETCH(bool, pluralOnly);
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString copy = directory.filePath(QStringLiteral("workspace-admin_%1.ts").arg(language));
    QVERIFY(QFile::copy(catalogue(language), copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

    QStringList arguments = QStringLiteral(WORKSPACE_LUPDATE_OPTIONS).split(QLatin1Char(','));
    if (pluralOnly)
        arguments << QStringLiteral("-pluralonly");
    arguments << QStringLiteral(WORKSPACE_TRANSLATED_DIRS).split(QLatin1Char(','));
    arguments << QStringLiteral("-ts") << copy;
    QProcess lupdate;
    lupdate.setWorkingDirectory(QStringLiteral(WORKSPACE_SOURCE_DIR));
    QSignalSpy finished(&lupdate, &QProcess::finished);
    lupdate.start(QStringLiteral(WORKSPACE_LUPDATE), arguments);
    QVERIFY2(finished.wait(120000), "lupdate did not finish");
    const QString output = QString::fromLocal8Bit(lupdate.readAllStandardError() + lupdate.readAllStandardOutput());
    QCOMPARE(lupdate.exitStatus(), QProcess::NormalExit);
    QVERIFY2(lupdate.exitCode() == 0, qPrintable(output));

    // "lacks Q_OBJECT macro" is harmless where the guessed context is the one used at run time
    // (ApiError, WorkspaceJson); anything else means a text lupdate cannot see or place.
    QStringList complaints;
    const QStringList lines = output.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.contains(QLatin1String(": ")) && line.startsWith(QLatin1Char('/'))
            && !line.contains(QLatin1String("lacks Q_OBJECT macro")))
            complaints << line;
    }
    QVERIFY2(complaints.isEmpty(), qPrintable(QStringLiteral("lupdate cannot extract these texts:\n  ")
                                                  + complaints.join(QLatin1String("\n  "))));

    const TsFile committed = readTs(catalogue(language));
    const TsFile refreshed = readTs(copy);
    QVERIFY2(refreshed.error.isEmpty(), qPrintable(refreshed.error));
    QSet<QString> before, after;
    for (const TsMessage &message : committed.messages)
        before.insert(message.key());
    for (const TsMessage &message : refreshed.messages)
        after.insert(message.key());
    QStringList added = QSet<QString>(after).subtract(before).values();
    QStringList removed = QSet<QString>(before).subtract(after).values();
    added.sort();
    removed.sort();
    QStringList report;
    if (!added.isEmpty())
        report << QStringLiteral("new texts in the sources (context | source | comment):\n  ")
                      + added.join(QLatin1String("\n  "));
    if (!removed.isEmpty())
        report << QStringLiteral("texts no longer in the sources:\n  ") + removed.join(QLatin1String("\n  "));
    QVERIFY2(report.isEmpty(),
             qPrintable(QStringLiteral("%1 is out of date; run the workspace_update_translations target and "
                                       "translate.\n")
                            .arg(catalogue(language))
                        + report.join(QLatin1Char('\n'))));
}

void TestTranslations::translationsKeepPlaceholders()
{
    const QStringList languages{QStringLiteral("zh_CN"), QStringLiteral("en")};
    QStringList problems;
    for (const QString &language : languages) {
        const TsFile file = readTs(catalogue(language));
        for (const TsMessage &message : file.messages) {
            const QStringList expected = placeholders(message.source);
            const QStringList texts = message.numerus ? message.numerusForms : QStringList{message.translation};
            for (const QString &text : texts) {
                if (placeholders(text) != expected)
                    problems << QStringLiteral("%1: %2 -> %3").arg(language, message.key(), text);
            }
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("placeholders lost or added:\n  ")
                                                + problems.join(QLatin1String("\n  "))));
}

// lupdate cannot see a text that never went through tr(); this catches the common slip of handing
// a plain literal sentence to a widget ("setText(QStringLiteral(\"Loading…\"))").
void TestTranslations::widgetsGetNoUntranslatedText()
{
    static const QRegularExpression plainText(QStringLiteral(
        "\\b(setText|setWindowTitle|setToolTip|setStatusTip|setPlaceholderText|setWhatsThis|setLabelText|"
        "addItem|addTab|showMessage|setTitle|addAction|addMenu|addToolBar|setHeaderLabels|setInformativeText|"
        "setDetailedText|setButtonText)\\(\\s*(QStringLiteral|QLatin1String|QString::fromUtf8|u)\\(?\"([^\"]*)\""));
    static const QRegularExpression words(QStringLiteral("[A-Za-z]{2,}\\s+[A-Za-z]{2,}"));
    QStringList findings;
    const QStringList folders = QStringLiteral(WORKSPACE_TRANSLATED_DIRS).split(QLatin1Char(','));
    for (const QString &folder : folders) {
        QDirIterator files(QStringLiteral(WORKSPACE_SOURCE_DIR "/") + folder, {QStringLiteral("*.cpp")}, QDir::Files,
                           QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
            int lineNumber = 0;
            while (!file.atEnd()) {
                const QString line = QString::fromUtf8(file.readLine());
                ++lineNumber;
                const QRegularExpressionMatch match = plainText.match(line);
                if (match.hasMatch() && words.match(match.captured(3)).hasMatch())
                    findings << QStringLiteral("%1:%2: %3").arg(file.fileName()).arg(lineNumber).arg(line.trimmed());
            }
        }
    }
    QVERIFY2(findings.isEmpty(), qPrintable(QStringLiteral("user-visible text without tr():\n  ")
                                                + findings.join(QLatin1String("\n  "))));
}

void TestTranslations::cataloguesAreEmbedded()
{
    QCOMPARE(AppLanguage::available(), (QStringList{QStringLiteral("en"), QStringLiteral("zh_CN")}));
}

void TestTranslations::languageOption_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("remaining");
    const QString program = QStringLiteral("workspace-admin");
    QTest::newRow("none") << QStringList{program, QStringLiteral("list")} << QString()
                          << QStringList{program, QStringLiteral("list")};
    QTest::newRow("separate value")
        << QStringList{program, QStringLiteral("list"), QStringLiteral("--lang"), QStringLiteral("zh_CN"),
                       QStringLiteral("--demo")}
        << QStringLiteral("zh_CN") << QStringList{program, QStringLiteral("list"), QStringLiteral("--demo")};
    QTest::newRow("assigned value") << QStringList{program, QStringLiteral("--lang=en"), QStringLiteral("job")}
                                    << QStringLiteral("en") << QStringList{program, QStringLiteral("job")};
    QTest::newRow("single dash") << QStringList{program, QStringLiteral("-lang"), QStringLiteral("en")}
                                 << QStringLiteral("en") << QStringList{program};
    QTest::newRow("last one wins")
        << QStringList{program, QStringLiteral("--lang=en"), QStringLiteral("--lang"), QStringLiteral("zh_CN")}
        << QStringLiteral("zh_CN") << QStringList{program};
    QTest::newRow("missing value is left to the parser")
        << QStringList{program, QStringLiteral("--lang")} << QString()
        << QStringList{program, QStringLiteral("--lang")};
    QTest::newRow("after -- it is an argument")
        << QStringList{program, QStringLiteral("--"), QStringLiteral("--lang=en")} << QString()
        << QStringList{program, QStringLiteral("--"), QStringLiteral("--lang=en")};
    QTest::newRow("the program name is not an option")
        << QStringList{QStringLiteral("--lang=en")} << QString() << QStringList{QStringLiteral("--lang=en")};
}

void TestTranslations::languageOption()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, language);
    QFETCH(QStringList, remaining);
    QCOMPARE(AppLanguage::requested(arguments), language);
    QStringList taken = arguments;
    QCOMPARE(AppLanguage::takeRequested(&taken), language);
    QCOMPARE(taken, remaining);

    const QLocale system(QLocale::French, QLocale::France);
    QCOMPARE(AppLanguage::chooseLocale(language, system).name(),
             language.isEmpty() ? system.name() : QLocale(language).name());
}

// Every translation of the committed catalogue is what the embedded one gives at run time, so a
// stale or missing .qm cannot go unnoticed; Qt's own texts are translated too.
void TestTranslations::chineseInstallsEveryTranslationAndQtBase()
{
    AppLanguage language;
    QVERIFY(language.install(QLocale(QStringLiteral("zh_CN"))));
    QCOMPARE(QLocale().name(), QStringLiteral("zh_CN"));

    const TsFile file = readTs(catalogue(QStringLiteral("zh_CN")));
    QStringList mismatches;
    for (const TsMessage &message : file.messages) {
        const QByteArray context = message.context.toUtf8();
        const QByteArray source = message.source.toUtf8();
        const QByteArray comment = message.comment.toUtf8();
        const QString expected = message.numerus ? resolvedForm(message.numerusForms.value(0), 3)
                                                 : message.translation;
        const QString actual = QCoreApplication::translate(context.constData(), source.constData(),
                                                           comment.isEmpty() ? nullptr : comment.constData(),
                                                           message.numerus ? 3 : -1);
        if (actual != expected)
            mismatches << message.key();
    }
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));

    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("取消"));
}

void TestTranslations::englishHasPluralForms()
{
    AppLanguage language;
    QVERIFY(language.install(QLocale(QStringLiteral("en"))));
    const TsFile file = readTs(catalogue(QStringLiteral("en")));
    QVERIFY(!file.messages.isEmpty());
    for (const TsMessage &message : file.messages) {
        const QByteArray context = message.context.toUtf8();
        const QByteArray source = message.source.toUtf8();
        QCOMPARE(QCoreApplication::translate(context.constData(), source.constData(), nullptr, 1),
                 resolvedForm(message.numerusForms.value(0), 1));
        QCOMPARE(QCoreApplication::translate(context.constData(), source.constData(), nullptr, 2),
                 resolvedForm(message.numerusForms.value(1), 2));
        QVERIFY2(!message.numerusForms.value(0).contains(QLatin1String("(s)")), qPrintable(message.key()));
        // The "(s)" rule alone would give "1 desktop are in use".
        static const QRegularExpression pluralVerb(QStringLiteral("%L?n (\\w+ ){1,2}(are|have|were)\\b"));
        QVERIFY2(!pluralVerb.match(message.numerusForms.value(0)).hasMatch(),
                 qPrintable(message.numerusForms.value(0)));
    }
}

void TestTranslations::unsupportedLanguageFallsBackToEnglish()
{
    AppLanguage language;
    QVERIFY(!language.install(QLocale(QLocale::French, QLocale::France)));
    const TsMessage plural = readTs(catalogue(QStringLiteral("en"))).messages.value(0);
    QVERIFY(!plural.source.isEmpty());
    const QByteArray context = plural.context.toUtf8();
    const QByteArray source = plural.source.toUtf8();
    QCOMPARE(QCoreApplication::translate(context.constData(), source.constData(), nullptr, 2),
             resolvedForm(plural.numerusForms.value(1), 2));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
}

void TestTranslations::translatorsLeaveWithTheirOwner()
{
    {
        AppLanguage language;
        QVERIFY(language.install(QLocale(QStringLiteral("zh_CN"))));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("取消"));
        // A second install replaces the first rather than stacking on it.
        QVERIFY(language.install(QLocale(QStringLiteral("en"))));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
        QVERIFY(language.install(QLocale(QStringLiteral("zh_CN"))));
    }
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
