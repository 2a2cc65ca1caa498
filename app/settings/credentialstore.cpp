#include "credentialstore.h"

#include <qt6keychain/keychain.h>

#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcCredentials, "workspace.credentials")

// One read, write or remove: a short list of keychain steps run one after another, ending in
// exactly one signal.
struct CredentialStore::Operation
{
    enum class Kind { Read, Write, Remove };
    enum class Action { Read, Write, Delete };
    struct Step
    {
        QString part;
        Action action;
        QString value; // for Write
    };

    Kind kind;
    QString profileName;
    Credentials credentials; // read results, or the secrets to write
    QList<Step> steps;
    qsizetype next = 0;
    bool persisted = true;
    QString error;
};

CredentialStore::CredentialStore(QObject *parent)
    : CredentialStore(QStringLiteral("workspace-admin"), parent)
{
}

CredentialStore::CredentialStore(const QString &serviceName, QObject *parent)
    : QObject(parent)
    , m_serviceName(serviceName)
{
}

CredentialStore::~CredentialStore()
{
    qDeleteAll(m_pending);
    for (QString &secret : m_memory)
        secret.fill(QLatin1Char('\0'));
}

QString CredentialStore::keyFor(const QString &profileName, const QString &part) const
{
    return m_serviceName + QLatin1Char(':') + profileName + QLatin1Char(':') + part;
}

void CredentialStore::setKeychainEnabled(bool enabled)
{
    m_keychainAvailable = enabled;
    m_unavailableReason =
        enabled ? QString() : tr("The system keychain is not used; secrets are kept for this run only.");
}

void CredentialStore::read(const QString &profileName, const QString &accessKeyId)
{
    auto *operation = new Operation{Operation::Kind::Read, profileName, {}, {}, 0, true, {}};
    m_pending.insert(operation);
    operation->credentials.accessKey = accessKeyId;
    operation->steps = {{secretKeyPart(), Operation::Action::Read, {}},
                        {securityTokenPart(), Operation::Action::Read, {}}};
    runNext(operation);
}

void CredentialStore::write(const QString &profileName, const Credentials &credentials)
{
    auto *operation = new Operation{Operation::Kind::Write, profileName, {}, {}, 0, true, {}};
    m_pending.insert(operation);
    operation->steps = {{secretKeyPart(), Operation::Action::Write, credentials.secretKey}};
    if (credentials.securityToken.isEmpty())
        operation->steps.append({securityTokenPart(), Operation::Action::Delete, {}});
    else
        operation->steps.append(
            {securityTokenPart(), Operation::Action::Write, credentials.securityToken});
    runNext(operation);
}

void CredentialStore::remove(const QString &profileName)
{
    auto *operation = new Operation{Operation::Kind::Remove, profileName, {}, {}, 0, true, {}};
    m_pending.insert(operation);
    operation->steps = {{secretKeyPart(), Operation::Action::Delete, {}},
                        {securityTokenPart(), Operation::Action::Delete, {}}};
    runNext(operation);
}

void CredentialStore::runNext(Operation *operation)
{
    while (operation->next < operation->steps.size()) {
        Operation::Step &step = operation->steps[operation->next];
        const QString key = keyFor(operation->profileName, step.part);
        if (m_keychainAvailable) {
            QKeychain::Job *job = nullptr;
            switch (step.action) {
            case Operation::Action::Read:
                job = new QKeychain::ReadPasswordJob(m_serviceName, this);
                break;
            case Operation::Action::Write: {
                auto *writeJob = new QKeychain::WritePasswordJob(m_serviceName, this);
                writeJob->setTextData(step.value);
                job = writeJob;
                break;
            }
            case Operation::Action::Delete:
                job = new QKeychain::DeletePasswordJob(m_serviceName, this);
                break;
            }
            // Never fall back to a plain-text file: that is exactly what the keychain avoids.
            job->setInsecureFallback(false);
            job->setAutoDelete(true);
            job->setKey(key);
            connect(job, &QKeychain::Job::finished, this,
                    [this, operation](QKeychain::Job *finishedJob) {
                        onJobFinished(operation, finishedJob);
                    });
            job->start();
            return;
        }
        // This run only: the keychain is missing.
        operation->persisted = false;
        switch (step.action) {
        case Operation::Action::Read: {
            const QString value = m_memory.value(key);
            if (step.part == secretKeyPart())
                operation->credentials.secretKey = value;
            else
                operation->credentials.securityToken = value;
            break;
        }
        case Operation::Action::Write:
            m_memory.insert(key, step.value);
            break;
        case Operation::Action::Delete:
            m_memory.remove(key);
            break;
        }
        ++operation->next;
    }
    // Answer from the event loop, never from inside the caller's read()/write()/remove().
    QTimer::singleShot(0, this, [this, operation] { finishOperation(operation); });
}

void CredentialStore::onJobFinished(Operation *operation, QKeychain::Job *job)
{
    Operation::Step &step = operation->steps[operation->next];
    switch (job->error()) {
    case QKeychain::NoError:
        if (step.action == Operation::Action::Read) {
            const QString value = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
            if (step.part == secretKeyPart())
                operation->credentials.secretKey = value;
            else
                operation->credentials.securityToken = value;
        }
        ++operation->next;
        break;
    case QKeychain::EntryNotFound:
        // Nothing stored (read) or nothing to delete: both are fine.
        ++operation->next;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        // Retry this step in memory; the detail never contains the secret itself.
        markUnavailable(job->errorString());
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        operation->error = tr("The system keychain refused access to the secrets of “%1”.")
                               .arg(operation->profileName);
        operation->steps.resize(operation->next); // stop here
        break;
    case QKeychain::CouldNotDeleteEntry:
        operation->error = tr("The system keychain could not delete the secrets of “%1”: %2")
                               .arg(operation->profileName, job->errorString());
        ++operation->next;
        break;
    }
    runNext(operation);
}

void CredentialStore::markUnavailable(const QString &detail)
{
    if (!m_keychainAvailable)
        return;
    m_keychainAvailable = false;
    m_unavailableReason = tr("No system keychain is available (%1). Secrets are kept in memory for "
                             "this run only and must be entered again next time.")
                              .arg(detail.isEmpty() ? tr("no secret service") : detail);
    qCWarning(lcCredentials) << "keychain unavailable:" << detail;
    Q_EMIT keychainUnavailable(m_unavailableReason);
}

void CredentialStore::finishOperation(Operation *operation)
{
    switch (operation->kind) {
    case Operation::Kind::Read:
        Q_EMIT readFinished(operation->profileName, operation->credentials, operation->error);
        break;
    case Operation::Kind::Write:
        Q_EMIT writeFinished(operation->profileName, operation->persisted && operation->error.isEmpty(),
                             operation->error);
        break;
    case Operation::Kind::Remove:
        Q_EMIT removeFinished(operation->profileName, operation->error);
        break;
    }
    operation->credentials.clear();
    for (Operation::Step &step : operation->steps)
        step.value.fill(QLatin1Char('\0'));
    m_pending.remove(operation);
    delete operation;
}
