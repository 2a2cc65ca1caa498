#include "desktoploader.h"

#include "desktoptablemodel.h"

#include <algorithm>

DesktopLoader::DesktopLoader(DesktopTableModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
}

DesktopLoader::~DesktopLoader()
{
    if (m_call) {
        m_call->disconnect(this);
        m_call->cancel();
    }
}

void DesktopLoader::setClient(ApiClient *client)
{
    cancel();
    m_client = client;
}

void DesktopLoader::load()
{
    if (m_call) {
        m_call->disconnect(this);
        m_call->cancel();
        m_call->deleteLater();
        m_call = nullptr;
    }
    m_seenIds.clear();
    m_lastError = {};
    auto *call = new ListAllDesktopsCall(m_client, m_query, this);
    call->setPageSize(m_pageSize);
    m_call = call;
    connect(call, &ListAllDesktopsCall::pageLoaded, this, &DesktopLoader::onPageLoaded);
    connect(call, &ListAllDesktopsCall::finished, this, &DesktopLoader::onFinished);
    Q_EMIT loadingStarted();
    Q_EMIT progress(0, -1);
    call->start();
}

void DesktopLoader::cancel()
{
    if (m_call)
        m_call->cancel(); // finished() follows with a Cancelled error
}

void DesktopLoader::onPageLoaded(const QList<Desktop> &desktops, int loaded, int total)
{
    for (const Desktop &desktop : desktops) {
        if (!desktop.id.isEmpty() && !desktop.isGone())
            m_seenIds.insert(desktop.id);
    }
    if (m_model)
        m_model->upsertDesktops(desktops);
    Q_EMIT progress(loaded, total);
}

void DesktopLoader::onFinished()
{
    ListAllDesktopsCall *call = m_call;
    m_call = nullptr;
    if (!call)
        return;
    call->deleteLater();
    m_lastError = call->error();
    if (!m_lastError.isError() && m_model)
        m_model->retainOnly(m_seenIds);
    m_seenIds.clear();
    Q_EMIT loadingFinished(m_lastError);
}

void DesktopLoader::fetchDesktop(const QString &desktopId)
{
    DesktopQuery query;
    query.desktopIds = {desktopId};
    auto *call = new ListDesktopsPageCall(m_client, query, 0, 1, this);
    call->setRawJson(WorkspaceJson::RawJson::Keep);
    connect(call, &ListDesktopsPageCall::finished, this, [this, call, desktopId] {
        call->deleteLater();
        ApiError error = call->error();
        Desktop desktop;
        if (!error.isError()) {
            const QList<Desktop> &found = call->result().desktops;
            const auto match = std::find_if(found.cbegin(), found.cend(),
                                            [&desktopId](const Desktop &d) { return d.id == desktopId; });
            if (match != found.cend()) {
                desktop = *match;
            } else {
                error.kind = ApiError::Kind::Http;
                error.httpStatus = 404;
                error.errorMessage = tr("The service no longer lists this desktop.");
            }
        }
        Q_EMIT desktopFetched(desktopId, desktop, error);
    });
    call->start();
}
