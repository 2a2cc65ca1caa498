// Help › About and Help › User Guide: what the dialog says, and where the README is looked for.

#include "aboutdialog.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>

class TestAboutDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsVersionLicenceAndDataDirectory();
    void userGuideIsTheFirstExistingCandidate();
    void userGuideIsEmptyWhenNoneExists();
};

void TestAboutDialog::showsVersionLicenceAndDataDirectory()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    AboutDialog dialog(dir.path());
    const QString text = dialog.text();
    QVERIFY(text.contains(QStringLiteral(WORKSPACE_ADMIN_VERSION)));
    QVERIFY(text.contains(QString::fromLatin1(qVersion())));
    QVERIFY(text.contains(QStringLiteral("MIT")));
    QVERIFY(text.contains(QDir::toNativeSeparators(dir.path()).toHtmlEscaped()));
    QVERIFY(text.contains(QUrl::fromLocalFile(dir.path()).toString(QUrl::FullyEncoded)));
    // The links open from the keyboard as well.
    auto *label = dialog.findChild<QLabel *>(QStringLiteral("aboutText"));
    QVERIFY(label);
    QVERIFY(label->openExternalLinks());
    QVERIFY(label->textInteractionFlags() & Qt::LinksAccessibleByKeyboard);
}

void TestAboutDialog::userGuideIsTheFirstExistingCandidate()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString missing = dir.filePath(QStringLiteral("installed/README.md"));
    const QString present = dir.filePath(QStringLiteral("README.md"));
    QFile file(present);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# Workspace Admin\n");
    file.close();
    QCOMPARE(AboutDialog::userGuideUrl({missing, present}), QUrl::fromLocalFile(present));
    // The installed copy wins over the source tree's when both exist.
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("installed")));
    QVERIFY(QFile::copy(present, missing));
    QCOMPARE(AboutDialog::userGuideUrl({missing, present}), QUrl::fromLocalFile(missing));
}

void TestAboutDialog::userGuideIsEmptyWhenNoneExists()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(AboutDialog::userGuideUrl({dir.filePath(QStringLiteral("nothing.md"))}).isEmpty());
    // A directory is not a guide.
    QVERIFY(AboutDialog::userGuideUrl({dir.path()}).isEmpty());
    // From a build tree the source README is found.
    QVERIFY(AboutDialog::userGuideUrl().isValid());
}

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
