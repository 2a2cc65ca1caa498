#include "profiledialog.h"

#include "api/apicalls.h"
#include "api/apiclient.h"
#include "api/endpoint.h"
#include "api/projectdiscovery.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QVBoxLayout>

ProfileDialog::ProfileDialog(QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_region(new QComboBox(this))
    , m_projectId(new QLineEdit(this))
    , m_endpoint(new QLineEdit(this))
    , m_caFile(new QLineEdit(this))
    , m_protectedTags(new QLineEdit(this))
    , m_accessKey(new QLineEdit(this))
    , m_secretKey(new QLineEdit(this))
    , m_securityToken(new QLineEdit(this))
    , m_allRegions(new QCheckBox(tr("Show e&very region where this account has Workspace desktops"), this))
    , m_testButton(new QPushButton(tr("&Test Connection"), this))
    , m_findProjectButton(new QPushButton(tr("&Find"), this))
    , m_projectNote(new QLabel(this))
    , m_testResult(new QLabel(this))
    , m_validation(new QLabel(this))
{
    setWindowTitle(tr("Connection Profile"));
    m_region->setEditable(true);
    m_region->addItems(Endpoint::knownRegions());
    m_region->setCurrentText(QStringLiteral("cn-north-4"));
    m_projectId->setPlaceholderText(tr("Optional: found from the access key in the region"));
    m_findProjectButton->setAccessibleDescription(tr("Finds the region's project from the access key"));
    m_projectNote->setWordWrap(true);
    m_projectNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_projectNote->setAccessibleName(tr("Project found from the access key"));
    m_projectNote->hide();
    m_endpoint->setPlaceholderText(tr("Optional, e.g. https://workspace.example.com"));
    m_caFile->setPlaceholderText(tr("Optional PEM or DER file with extra CA certificates"));
    m_protectedTags->setPlaceholderText(tr("e.g. protected=true, keep"));
    m_protectedTags->setText(QStringLiteral("protected=true"));
    m_secretKey->setEchoMode(QLineEdit::Password);
    m_securityToken->setEchoMode(QLineEdit::Password);
    m_securityToken->setPlaceholderText(tr("Only for temporary credentials"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_validation->setWordWrap(true);
    m_testResult->setAccessibleName(tr("Connection test result"));
    m_validation->setAccessibleName(tr("What is missing"));
    m_testButton->setAccessibleDescription(tr("Lists the project's desktops once with these settings"));
    m_secretKey->setAccessibleDescription(tr("Kept in the system keychain, never in the settings file"));
    m_allRegions->setObjectName(QStringLiteral("allRegionsCheck"));
    m_allRegions->setToolTip(tr("Lists the account's projects through the region's IAM and shows the desktops of "
                                "every Workspace region in one table, with a Region column"));
    m_allRegions->setAccessibleDescription(m_allRegions->toolTip());

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Region:"), m_region);
    auto *projectRow = new QHBoxLayout;
    projectRow->addWidget(m_projectId, 1);
    projectRow->addWidget(m_findProjectButton);
    // With a row of two widgets the form cannot make the label the field's buddy by itself.
    auto *projectLabel = new QLabel(tr("&Project ID:"), this);
    projectLabel->setBuddy(m_projectId);
    form->addRow(projectLabel, projectRow);
    form->addRow(QString(), m_projectNote);
    form->addRow(tr("&Endpoint URL:"), m_endpoint);
    form->addRow(tr("&CA file:"), m_caFile);
    form->addRow(tr("Protected ta&gs:"), m_protectedTags);
    form->addRow(tr("&Access key (AK):"), m_accessKey);
    form->addRow(tr("&Secret key (SK):"), m_secretKey);
    form->addRow(tr("Security t&oken:"), m_securityToken);
    form->addRow(QString(), m_allRegions);

    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton);
    testRow->addWidget(m_testResult, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_testButton, &QPushButton::clicked, this, &ProfileDialog::testConnection);
    connect(m_findProjectButton, &QPushButton::clicked, this, &ProfileDialog::findProject);
    // A project found for other values is not theirs: say nothing rather than something wrong.
    const auto forgetFound = [this] {
        if (!m_foundProjectId.isEmpty() && m_foundFor != discoveryKey())
            m_projectNote->hide();
    };
    connect(m_accessKey, &QLineEdit::textChanged, this, forgetFound);
    connect(m_region, &QComboBox::currentTextChanged, this, forgetFound);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(testRow);
    layout->addWidget(m_validation);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
}

ProfileDialog::~ProfileDialog()
{
    if (m_testCall)
        m_testCall->disconnect(this);
    if (m_discovery)
        m_discovery->disconnect(this);
}

void ProfileDialog::setProfile(const ConnectionProfile &profile, const Credentials &credentials)
{
    m_name->setText(profile.name);
    m_region->setCurrentText(profile.region);
    m_projectId->setText(profile.projectId);
    m_endpoint->setText(profile.endpoint.toString());
    m_caFile->setText(profile.caFile);
    m_protectedTags->setText(profile.protectedTags.join(QStringLiteral(", ")));
    m_accessKey->setText(profile.accessKeyId.isEmpty() ? credentials.accessKey : profile.accessKeyId);
    m_secretKey->setText(credentials.secretKey);
    m_securityToken->setText(credentials.securityToken);
    m_allRegions->setChecked(profile.allRegions);
}

ConnectionProfile ProfileDialog::profile() const
{
    ConnectionProfile profile;
    profile.name = m_name->text().trimmed();
    profile.region = m_region->currentText().trimmed();
    profile.projectId = m_projectId->text().trimmed();
    const QString endpoint = m_endpoint->text().trimmed();
    if (!endpoint.isEmpty())
        profile.endpoint = QUrl::fromUserInput(endpoint);
    profile.caFile = m_caFile->text().trimmed();
    for (const QString &tag : m_protectedTags->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!tag.trimmed().isEmpty())
            profile.protectedTags.append(tag.trimmed());
    }
    profile.accessKeyId = m_accessKey->text().trimmed();
    profile.allRegions = m_allRegions->isChecked();
    return profile;
}

Credentials ProfileDialog::credentials() const
{
    return {m_accessKey->text().trimmed(), m_secretKey->text().trimmed(),
            m_securityToken->text().trimmed()};
}

QString ProfileDialog::validationError() const
{
    const ConnectionProfile current = profile();
    if (current.name.isEmpty())
        return tr("Give the profile a name.");
    if (current.region.isEmpty() && current.endpoint.isEmpty())
        return tr("Choose a region or enter an endpoint URL.");
    if (current.projectId.isEmpty() && current.region.isEmpty())
        return tr("Choose the region: without a project ID, the region's project is found from the access key.");
    if (current.allRegions && current.region.isEmpty())
        return tr("Choose the region whose IAM lists the account's projects: every region is found through it.");
    if (!credentials().isComplete())
        return tr("Enter the access key and the secret key.");
    return {};
}

void ProfileDialog::accept()
{
    const QString error = validationError();
    if (!error.isEmpty()) {
        m_validation->setText(error);
        return;
    }
    QDialog::accept();
}

QNetworkAccessManager *ProfileDialog::network()
{
    if (!m_network) {
        if (!m_ownNetwork)
            m_ownNetwork = new QNetworkAccessManager(this);
        m_network = m_ownNetwork;
    }
    return m_network;
}

QString ProfileDialog::discoveryKey() const
{
    const QString region = m_region->currentText().trimmed().toLower();
    return m_accessKey->text().trimmed() + QLatin1Char('\n') + region + QLatin1Char('\n')
        + Endpoint::iamForRegion(region, m_environment).toString();
}

QString ProfileDialog::foundProjectId() const
{
    return m_foundFor == discoveryKey() ? m_foundProjectId : QString();
}

QString ProfileDialog::projectNoteText() const
{
    return m_projectNote->isHidden() ? QString() : m_projectNote->text();
}

void ProfileDialog::findProject()
{
    if (!startProjectSearch(false))
        Q_EMIT projectSearchFinished(false);
}

bool ProfileDialog::startProjectSearch(bool thenTest)
{
    if (m_discovery)
        return false;
    const ConnectionProfile current = profile();
    QString error;
    ProjectDiscovery::Request request;
    request.region = current.region;
    request.iamEndpoint = Endpoint::iamForRegion(current.region, m_environment);
    request.credentials = credentials();
    if (!current.caFile.isEmpty())
        request.transport.extraCaCertificates = ApiClient::loadCaFile(current.caFile, &error);
    if (current.region.isEmpty() || !request.credentials.isComplete() || !error.isEmpty()) {
        m_projectNote->setText(!error.isEmpty() ? error
                                                : tr("Choose the region and enter the access key and the secret key "
                                                     "first: the project is found from them."));
        m_projectNote->show();
        return false;
    }
    auto *discovery = new ProjectDiscovery(network(), request, this);
    m_discovery = discovery;
    const QString key = discoveryKey();
    whenFinished(discovery, this, [this, key, thenTest](ProjectDiscovery *finished) {
        if (finished->succeeded()) {
            m_foundProjectId = finished->projectId();
            m_foundFor = key;
        }
        onProjectSearchFinished(finished, thenTest);
    });
    m_findProjectButton->setEnabled(false);
    m_testButton->setEnabled(false);
    m_projectNote->setText(tr("Finding the project of %1 from the access key…").arg(request.region));
    m_projectNote->show();
    discovery->start();
    return true;
}

void ProfileDialog::onProjectSearchFinished(ProjectDiscovery *discovery, bool thenTest)
{
    m_discovery = nullptr;
    m_findProjectButton->setEnabled(true);
    m_testButton->setEnabled(true);
    const bool found = discovery->succeeded();
    m_projectNote->setText(found ? tr("Found from the access key: %1").arg(discovery->projectId())
                                 : discovery->errorText());
    Q_EMIT projectSearchFinished(found);
    if (!thenTest)
        return;
    if (!found) {
        m_testResult->setText(tr("No project to test: %1").arg(discovery->errorText()));
        Q_EMIT testFinished(false);
        return;
    }
    startTestCall(discovery->projectId());
}

void ProfileDialog::testConnection()
{
    if (m_testCall || m_discovery)
        return;
    const ConnectionProfile current = profile();
    if (!current.projectId.isEmpty()) {
        startTestCall(current.projectId);
        return;
    }
    if (!foundProjectId().isEmpty()) {
        startTestCall(foundProjectId());
        return;
    }
    if (!startProjectSearch(true)) {
        m_testResult->setText(m_projectNote->text());
        Q_EMIT testFinished(false);
    }
}

void ProfileDialog::startTestCall(const QString &projectId)
{
    const ConnectionProfile current = profile();
    QString error;
    ClientConfig config;
    config.projectId = projectId;
    const std::optional<QUrl> endpoint = Endpoint::validate(current.effectiveEndpoint(), &error);
    if (endpoint && !current.caFile.isEmpty())
        config.extraCaCertificates = ApiClient::loadCaFile(current.caFile, &error);
    if (!endpoint || !error.isEmpty() || !credentials().isComplete()) {
        if (error.isEmpty())
            error = tr("Enter the access key and the secret key first.");
        m_testResult->setText(error);
        Q_EMIT testFinished(false);
        return;
    }
    config.endpoint = *endpoint;
    // The client lives as long as its one call.
    auto *client = new ApiClient(network(), config, credentials(), this);
    m_testCall = new ListDesktopsPageCall(client, {}, 0, 1, client);
    connect(m_testCall, &ApiCall::finished, this, &ProfileDialog::onTestFinished);
    m_testButton->setEnabled(false);
    m_testResult->setText(tr("Connecting…"));
    m_testCall->start();
}

void ProfileDialog::onTestFinished()
{
    ListDesktopsPageCall *call = m_testCall;
    m_testCall = nullptr;
    m_testButton->setEnabled(true);
    if (!call)
        return;
    const bool ok = call->succeeded();
    if (ok) {
        m_testResult->setText(tr("Connected: the project has %Ln desktop(s).", nullptr,
                                 call->result().totalCount));
    } else {
        m_testResult->setText(call->error().summary());
    }
    call->parent()->deleteLater(); // the client, and the call with it
    Q_EMIT testFinished(ok);
}

QString ProfileDialog::testResultText() const
{
    return m_testResult->text();
}
