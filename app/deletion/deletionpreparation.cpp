#include "deletionpreparation.h"

#include "api/apicalls.h"
#include "api/apiclient.h"
#include "deletion/inflightregistry.h"
#include "deletion/laterturn.h"
#include "deletion/recordsettlement.h"
#include "deletion/jobjournal.h"

#include <QCoreApplication>

DeletionPreparation::DeletionPreparation(ApiClient *client, Request request, const JobJournal *journal,
                                         QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_request(std::move(request))
    , m_journal(journal)
{
    QSet<QString> seen;
    for (const QString &id : std::as_const(m_request.desktopIds)) {
        if (!seen.contains(id)) {
            seen.insert(id);
            m_uniqueIds.append(id);
        }
    }
}

DeletionPreparation::~DeletionPreparation()
{
    if (m_call) {
        m_call->disconnect(this);
        m_call->cancel();
    }
}

void DeletionPreparation::start()
{
    if (m_started)
        return;
    m_started = true;
    // Queued, so that a caller connecting after start() still hears about an empty request.
    QMetaObject::invokeMethod(this, &DeletionPreparation::lookUpNextBatch, Qt::QueuedConnection);
}

void DeletionPreparation::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    m_error = ApiError::cancelled();
    if (m_call) {
        m_call->disconnect(this);
        m_call->cancel();
        m_call->deleteLater();
    }
    QMetaObject::invokeMethod(this, &DeletionPreparation::finish, Qt::QueuedConnection);
}

void DeletionPreparation::lookUpNextBatch()
{
    if (m_cancelled || m_finished)
        return;
    if (m_offset >= m_uniqueIds.size()) {
        classify();
        // The caller's work on the result (a dialog of 10,000 desktops) gets a turn of its own.
        runInLaterTurn(this, [this] { finish(); });
        return;
    }
    if (!m_client) {
        m_error = ApiError::configuration(
            QCoreApplication::translate("DeletionPreparation", "The connection was closed."));
        finish();
        return;
    }
    DesktopQuery query;
    query.desktopIds = m_uniqueIds.mid(m_offset, kLookUpBatch);
    m_offset += query.desktopIds.size();
    m_batch = QSet<QString>(query.desktopIds.cbegin(), query.desktopIds.cend());
    m_call = new ListAllDesktopsCall(m_client, query, this);
    connect(m_call, &ListAllDesktopsCall::retrying, this, &DeletionPreparation::retrying);
    connect(m_call, &ListAllDesktopsCall::pageLoaded, this, [this](const QList<Desktop> &desktops) {
        // The filter is the server's to apply: a desktop that was not asked for is not taken.
        for (const Desktop &desktop : desktops) {
            if (m_batch.contains(desktop.id))
                m_found.insert(desktop.id, desktop);
        }
    });
    whenFinished(m_call.data(), this, [this](ListAllDesktopsCall *finished) { onBatchFinished(finished); });
    m_call->start();
}

void DeletionPreparation::onBatchFinished(ListAllDesktopsCall *call)
{
    m_call.clear();
    if (!call->succeeded()) {
        m_error = call->error();
        finish();
        return;
    }
    if (!call->isComplete()) {
        // A desktop that did not arrive is not "not found": without the whole answer nothing is
        // classified, so nothing is sent.
        m_error.kind = ApiError::Kind::InvalidResponse;
        m_error.httpStatus = 200;
        m_error.transportMessage = call->incompletenessText();
        finish();
        return;
    }
    Q_EMIT progress(int(m_offset), int(m_uniqueIds.size()));
    lookUpNextBatch();
}

void DeletionPreparation::classify()
{
    DeletionClassificationInput input;
    input.requestedIds = m_request.desktopIds;
    input.found = m_found;
    input.protectedTags = m_request.protectedTags;
    input.outcomeUnknown = m_request.audit
        ? RecordSettlement::resolveByListing(*m_request.audit, m_request.projectId, m_uniqueIds, m_found)
        : m_request.outcomeUnknown;
    if (m_journal)
        input.journalJobs = m_journal->pendingDesktopJobs(m_request.projectId);
    for (const QString &id : std::as_const(m_uniqueIds)) {
        if (m_request.inFlight && m_request.inFlight->isClaimed(m_request.projectId, id))
            input.inFlight.insert(id);
    }
    m_classification = DeletionClassifier::classify(input);
}

void DeletionPreparation::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished();
}

DeletionPlan DeletionPreparation::plan() const
{
    return DeletionPlan(m_classification.deletableIds(), m_request.options,
                        m_classification.deletableNames());
}
