#include "userguidedialog.h"

#include "aboutdialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QRegularExpression>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace {
// Built into the app from the README of the source tree (see ui/CMakeLists.txt).
const char *const kBuiltInGuide = ":/guide/README.md";

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}
} // namespace

QString UserGuideDialog::guideMarkdown(const QStringList &files)
{
    QString markdown;
    for (const QString &path : files) {
        markdown = readText(path);
        if (!markdown.isEmpty())
            break;
    }
    if (markdown.isEmpty())
        markdown = readText(QLatin1String(kBuiltInGuide));
    // From the guide's own heading: the introduction above it is mostly pictures of the window.
    const qsizetype guide = markdown.indexOf(QLatin1String("\n## User guide"));
    if (guide >= 0)
        markdown = markdown.mid(guide + 1);
    // Lines of pictures: the screenshots are not built in, and a broken image helps nobody.
    static const QRegularExpression pictureLine(QStringLiteral("^.*!\\[[^\\]]*\\]\\([^)]*\\).*$\\n?"),
                                                QRegularExpression::MultilineOption);
    markdown.remove(pictureLine);
    return markdown;
}

UserGuideDialog::UserGuideDialog(QWidget *parent)
    : QDialog(parent)
    , m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("userGuideDialog"));
    setWindowTitle(tr("Workspace Admin User Guide"));
    m_browser->setObjectName(QStringLiteral("userGuideBrowser"));
    m_browser->setAccessibleName(tr("User guide"));
    m_browser->setOpenExternalLinks(true);
    const QString markdown = guideMarkdown(AboutDialog::userGuideCandidates());
    if (markdown.isEmpty())
        m_browser->setPlainText(tr("The user guide is not part of this installation."));
    else
        m_browser->setMarkdown(markdown);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser);
    layout->addWidget(buttons);
    resize(820, 680);
}
