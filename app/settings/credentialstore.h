#pragma once

#include "api/credentials.h"

#include <QHash>
#include <QSet>
#include <QObject>
#include <QString>

namespace QKeychain {
class Job;
}

// The secret parts of a profile's credentials (secret key, security token) in the system keychain
// through QtKeychain, under scoped keys "workspace-admin:<profile>:secret-key" and
// "workspace-admin:<profile>:security-token". Every operation is asynchronous and answers with
// exactly one signal.
//
// When no keychain backend is available (headless machine, no secret service), the store says so
// once through keychainUnavailable() and keeps written secrets in memory for this run only; reads
// then answer from memory.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    explicit CredentialStore(QObject *parent = nullptr);
    // serviceName scopes the keys; tests use their own so they never touch the user's entries.
    explicit CredentialStore(const QString &serviceName, QObject *parent = nullptr);
    ~CredentialStore() override;

    // Reads the secret key and security token of `profileName`; answers with readFinished().
    // accessKeyId is copied into the answer (it comes from the profile, not the keychain).
    void read(const QString &profileName, const QString &accessKeyId);
    // Stores credentials.secretKey and credentials.securityToken (an empty token removes a stored
    // one); answers with writeFinished(). The access key id is not stored here.
    void write(const QString &profileName, const Credentials &credentials);
    // Forgets the profile's secrets; answers with removeFinished().
    void remove(const QString &profileName);

    // False once the keychain reported that no backend exists (or setKeychainEnabled(false)).
    bool isKeychainAvailable() const { return m_keychainAvailable; }
    // Translated reason why secrets are kept in memory only; empty while the keychain works.
    QString unavailableReason() const { return m_unavailableReason; }
    // Skips the keychain altogether (demo mode); secrets stay in memory.
    void setKeychainEnabled(bool enabled);

    QString keyFor(const QString &profileName, const QString &part) const;
    static QString secretKeyPart() { return QStringLiteral("secret-key"); }
    static QString securityTokenPart() { return QStringLiteral("security-token"); }

Q_SIGNALS:
    // credentials.isComplete() is false when no secret is stored; error is a translated reason
    // (empty when nothing went wrong, also when simply nothing was stored).
    void readFinished(const QString &profileName, const Credentials &credentials,
                      const QString &error);
    // persisted: true when in the keychain, false when kept in memory for this run only.
    void writeFinished(const QString &profileName, bool persisted, const QString &error);
    void removeFinished(const QString &profileName, const QString &error);
    // Emitted once, the first time the keychain turns out to be missing.
    void keychainUnavailable(const QString &reason);

private:
    struct Operation;
    void runNext(Operation *operation);
    void onJobFinished(Operation *operation, QKeychain::Job *job);
    void finishOperation(Operation *operation);
    void markUnavailable(const QString &detail);

    QString m_serviceName;
    bool m_keychainAvailable = true;
    QString m_unavailableReason;
    QHash<QString, QString> m_memory; // key → secret, for this run only
    QSet<Operation *> m_pending;      // owned; freed when answered or with the store
};
