#pragma once

#include "api/credentials.h"
#include "settings/connectionprofile.h"

#include <QDialog>
#include <QPointer>
#include <QProcessEnvironment>

class ListDesktopsPageCall;
class ProjectDiscovery;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;

// Creates or edits a connection profile with its credentials. "Test connection" lists one
// desktop with the typed values and reports success or the typed error. The project ID may be
// left empty: the region's project is then found from the access key through IAM ("Find", or
// first thing in a test), shown, and found again on each connection.
class ProfileDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ProfileDialog(QWidget *parent = nullptr);
    ~ProfileDialog() override;

    void setProfile(const ConnectionProfile &profile, const Credentials &credentials);
    ConnectionProfile profile() const;
    Credentials credentials() const;

    // Tests inject a fake network; by default the dialog uses its own.
    void setNetworkAccessManager(QNetworkAccessManager *network) { m_network = network; }
    // Where HUAWEICLOUD_SDK_IAM_ENDPOINT is read from; the system's by default.
    void setEnvironment(const QProcessEnvironment &environment) { m_environment = environment; }
    void testConnection();
    // Finds the project of the typed region from the typed access key.
    void findProject();
    QString testResultText() const;
    QString projectNoteText() const;
    // The project found for the values as typed now; empty when none was (or they changed since).
    QString foundProjectId() const;
    // Empty when the fields are complete enough to save, else a translated reason.
    QString validationError() const;

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *regionCombo() const { return m_region; }
    QLineEdit *projectIdEdit() const { return m_projectId; }
    QLineEdit *endpointEdit() const { return m_endpoint; }
    QLineEdit *accessKeyEdit() const { return m_accessKey; }
    QLineEdit *secretKeyEdit() const { return m_secretKey; }
    QPushButton *testButton() const { return m_testButton; }
    QPushButton *findProjectButton() const { return m_findProjectButton; }
    QCheckBox *allRegionsCheck() const { return m_allRegions; }

    void accept() override;

Q_SIGNALS:
    void testFinished(bool succeeded);
    void projectSearchFinished(bool found);

private:
    void onTestFinished();
    QNetworkAccessManager *network();
    // The access key, region and IAM endpoint a found project belongs to.
    QString discoveryKey() const;
    // Starts the search; then tests the connection when thenTest. False when nothing was started.
    bool startProjectSearch(bool thenTest);
    void onProjectSearchFinished(ProjectDiscovery *discovery, bool thenTest);
    void startTestCall(const QString &projectId);

    QLineEdit *m_name;
    QComboBox *m_region;
    QLineEdit *m_projectId;
    QLineEdit *m_endpoint;
    QLineEdit *m_caFile;
    QLineEdit *m_protectedTags;
    QLineEdit *m_accessKey;
    QLineEdit *m_secretKey;
    QLineEdit *m_securityToken;
    QCheckBox *m_allRegions;
    QPushButton *m_testButton;
    QPushButton *m_findProjectButton;
    QLabel *m_projectNote;
    QLabel *m_testResult;
    QLabel *m_validation;
    QPointer<QNetworkAccessManager> m_network;
    QNetworkAccessManager *m_ownNetwork = nullptr;
    QPointer<ListDesktopsPageCall> m_testCall;
    QPointer<ProjectDiscovery> m_discovery;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
    QString m_foundProjectId;
    QString m_foundFor; // discoveryKey() when m_foundProjectId was found
};
