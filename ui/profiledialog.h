#pragma once

#include "api/credentials.h"
#include "settings/connectionprofile.h"

#include <QDialog>
#include <QPointer>

class ListDesktopsPageCall;
class QComboBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;

// Creates or edits a connection profile with its credentials. "Test connection" lists one
// desktop with the typed values and reports success or the typed error.
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
    void testConnection();
    QString testResultText() const;
    // Empty when the fields are complete enough to save, else a translated reason.
    QString validationError() const;

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *regionCombo() const { return m_region; }
    QLineEdit *projectIdEdit() const { return m_projectId; }
    QLineEdit *endpointEdit() const { return m_endpoint; }
    QLineEdit *accessKeyEdit() const { return m_accessKey; }
    QLineEdit *secretKeyEdit() const { return m_secretKey; }
    QPushButton *testButton() const { return m_testButton; }

    void accept() override;

Q_SIGNALS:
    void testFinished(bool succeeded);

private:
    void onTestFinished();

    QLineEdit *m_name;
    QComboBox *m_region;
    QLineEdit *m_projectId;
    QLineEdit *m_endpoint;
    QLineEdit *m_caFile;
    QLineEdit *m_protectedTags;
    QLineEdit *m_accessKey;
    QLineEdit *m_secretKey;
    QLineEdit *m_securityToken;
    QPushButton *m_testButton;
    QLabel *m_testResult;
    QLabel *m_validation;
    QPointer<QNetworkAccessManager> m_network;
    QNetworkAccessManager *m_ownNetwork = nullptr;
    QPointer<ListDesktopsPageCall> m_testCall;
};
