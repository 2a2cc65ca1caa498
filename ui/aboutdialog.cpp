#include "aboutdialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtGlobal>

namespace {
QString link(const QUrl &url, const QString &text)
{
    return QStringLiteral("<a href=\"%1\">%2</a>")
        .arg(url.toString(QUrl::FullyEncoded).toHtmlEscaped(), text.toHtmlEscaped());
}
} // namespace

AboutDialog::AboutDialog(const QString &dataDirectory, QWidget *parent)
    : QDialog(parent)
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Workspace Admin"));

    const QString dataPath = QDir::toNativeSeparators(dataDirectory);
    const QUrl guide = userGuideUrl();
    QString html = tr("<h3>Workspace Admin %1</h3>").arg(QStringLiteral(WORKSPACE_ADMIN_VERSION))
        + QStringLiteral("<p>") + tr("Review and delete Huawei Cloud Workspace desktops in batches.")
        + QStringLiteral("</p><p>") + tr("Built with Qt %1, running on Qt %2.")
                                          .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()))
        + QStringLiteral("<br>") + tr("Licensed under the MIT licence.") + QStringLiteral("</p><p>")
        + tr("Data directory (audit log and deletion journal):") + QStringLiteral("<br>")
        + link(QUrl::fromLocalFile(dataDirectory), dataPath) + QStringLiteral("</p>");
    if (guide.isValid())
        html += QStringLiteral("<p>") + link(guide, tr("User guide (README)")) + QStringLiteral("</p>");
    m_text->setText(html);
    m_text->setObjectName(QStringLiteral("aboutText"));
    m_text->setTextFormat(Qt::RichText);
    m_text->setWordWrap(true);
    // Links open in the desktop's file manager or viewer, and Tab reaches them from the keyboard.
    m_text->setOpenExternalLinks(true);
    m_text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_text->setAccessibleName(tr("About Workspace Admin"));

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/workspace-admin.svg")).pixmap(64));
    icon->setAlignment(Qt::AlignTop);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addWidget(m_text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMinimumWidth(480);
    buttons->button(QDialogButtonBox::Close)->setFocus();
}

QString AboutDialog::text() const
{
    return m_text->text();
}

QStringList AboutDialog::userGuideCandidates()
{
    return {QStringLiteral(WORKSPACE_INSTALLED_README), QStringLiteral(WORKSPACE_SOURCE_README)};
}

QUrl AboutDialog::userGuideUrl(const QStringList &candidates)
{
    for (const QString &path : candidates) {
        if (QFileInfo(path).isFile())
            return QUrl::fromLocalFile(path);
    }
    return {};
}
