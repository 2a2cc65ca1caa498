#include "pagedlistingcall.h"

#include "apiclient.h"

#include <QLocale>

#include <algorithm>
#include <climits>

PagedListingCall::PagedListingCall(ApiClient *client, int pageSize, int pagesInFlight, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_pageSize(pageSize)
    , m_pagesInFlight(std::max(pagesInFlight, 1))
{
    m_deadlineTimer.setSingleShot(true);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &PagedListingCall::onDeadline);
}

void PagedListingCall::start()
{
    if (m_started || m_finished) // cancelled before it started: stays cancelled
        return;
    m_started = true;
    m_step = std::max(m_pageSize, 1);
    if (!m_deadline.isForever())
        m_deadlineTimer.start(int(std::clamp<qint64>(m_deadline.remainingTime(), 0, INT_MAX)));
    requestPage(); // alone: its total says how many more there are
}

void PagedListingCall::cancel()
{
    if (!m_finished)
        finish(ApiError::cancelled(!m_inFlight.isEmpty()));
}

bool PagedListingCall::admit(const QString &id)
{
    if (m_seen.contains(id)) {
        ++m_duplicates;
        return false;
    }
    m_seen.insert(id);
    return true;
}

QString PagedListingCall::deadlineText() const
{
    return tr("the listing did not finish in time (%Ln entries read)", nullptr, m_loaded);
}

void PagedListingCall::onDeadline()
{
    ApiError error;
    error.kind = ApiError::Kind::Timeout;
    error.transportMessage = deadlineText();
    finish(error);
}

void PagedListingCall::requestPage()
{
    const int offset = m_nextOffset;
    m_nextOffset += m_step;
    ++m_pagesRequested;
    if (!m_pageGate) {
        sendPage(offset);
        return;
    }
    ++m_pagesAtGate;
    m_pageGate([listing = QPointer<PagedListingCall>(this), round = m_gateRound, offset] {
        if (!listing || listing->m_finished || listing->m_gateRound != round)
            return;
        --listing->m_pagesAtGate;
        listing->sendPage(offset);
    });
}

void PagedListingCall::sendPage(int offset)
{
    ApiCall *page = createPage(offset, m_pageSize);
    page->setParent(this);
    m_inFlight.append(page);
    m_inFlightOffsets.append(offset);
    connect(page, &ApiCall::finished, this, &PagedListingCall::takeFinishedPages);
    connect(page, &ApiCall::retrying, this, &PagedListingCall::retrying);
    page->start();
}

bool PagedListingCall::count(const PageOutcome &page)
{
    m_received += page.received;
    // An answer whose total its own page contradicts says nothing about the listing: a total of
    // entries that ends before the page's offset although the page holds some (a count of 0 beside
    // a full page), or a first page with more entries than its total. Paging then goes on as
    // without a total. (A later page a little beyond an earlier total is entries created meanwhile.)
    const bool contradicted = page.received > 0
        && (page.total <= page.offset || (page.offset == 0 && page.total < page.received));
    if (page.totalKnown && m_contradictedTotal < 0 && contradicted) {
        m_contradictedTotal = page.total;
        m_announcedTotal = -1;
        if (m_pageCap != 0)
            m_pageCap = m_maxPages;
    }
    const bool totalKnown = page.totalKnown && m_contradictedTotal < 0;
    if (totalKnown) {
        // The total may shrink or grow while paging (entries come and go); trust the latest.
        m_announcedTotal = page.total;
    }
    if (m_pageCap == 0) { // the first page
        if (totalKnown && page.received > 0 && page.received < m_pageSize && page.received < page.total) {
            // The server pages by fewer than asked for: step by its page size, or entries would
            // be skipped.
            m_step = page.received;
            m_nextOffset = page.received;
        }
        const qint64 needed = totalKnown ? (qint64(page.total) + m_step - 1) / m_step : m_maxPages;
        m_pageCap = int(std::clamp<qint64>(needed + kExtraPages, 1, m_maxPages));
    }
    m_loaded += page.admitted;
    m_lastPageFull = page.received >= m_step;
    m_total = m_announcedTotal >= 0 ? std::max(m_announcedTotal, m_loaded) : -1;
    // An empty page, a page of entries already seen (offset ignored, pages repeated) and, without
    // a usable total, a short page: nothing more is coming.
    const bool nothingNew = page.received > 0 && page.admitted == 0;
    const bool last = page.received == 0 || nothingNew || (!totalKnown && !m_lastPageFull);
    if (last && !m_exhausted) {
        m_exhausted = true;
        const bool moreExpected = m_announcedTotal >= 0 ? m_loaded < m_announcedTotal : m_lastPageFull;
        if (nothingNew && moreExpected)
            m_completeness = Completeness::PagingStalled;
    }
    return last;
}

void PagedListingCall::takeFinishedPages()
{
    while (!m_finished && !m_inFlight.isEmpty() && m_inFlight.constFirst()->isFinished()) {
        ApiCall *page = m_inFlight.takeFirst();
        const int offset = m_inFlightOffsets.takeFirst();
        page->deleteLater();
        if (!page->succeeded()) {
            finish(page->error());
            return;
        }
        if (!fitsByteBound(page)) {
            dropPagesInFlight();
            break;
        }
        const int duplicatesBefore = m_duplicates;
        PageOutcome outcome = takePage(page);
        outcome.offset = offset;
        if (count(outcome))
            dropPagesInFlight(); // pages beyond this one would only repeat or contradict it
        if (m_duplicates != duplicatesBefore)
            Q_EMIT duplicatesSkipped(m_duplicates);
        pageTaken();
        Q_EMIT progress(m_loaded, m_total);
    }
    if (m_finished) // failed, or a slot cancelled us
        return;
    requestMorePages();
    if (pagesOutstanding() == 0) {
        if (m_completeness == Completeness::Complete && m_announcedTotal > m_loaded)
            m_completeness = Completeness::FewerThanAnnounced;
        m_total = m_loaded;
        finish({});
    }
}

bool PagedListingCall::fitsByteBound(const ApiCall *page)
{
    const qint64 bytes = page->responseBytes();
    if (m_bytesRead + bytes <= m_maxBytes) {
        m_bytesRead += bytes;
        return true;
    }
    // Not taken: what the listing holds stays within the bound, and the rest is unknown.
    m_exhausted = true;
    m_completeness = Completeness::SizeLimitReached;
    return false;
}

void PagedListingCall::requestMorePages()
{
    if (m_exhausted)
        return;
    if (m_announcedTotal < 0) {
        // Without a usable total, only the answer to a page tells whether there is another: one
        // at a time, until a page is short or empty.
        if (pagesOutstanding() == 0 && m_lastPageFull) {
            if (m_pagesRequested < m_pageCap)
                requestPage();
            else
                m_completeness = Completeness::PageLimitReached;
        }
        return;
    }
    while (pagesOutstanding() < m_pagesInFlight && m_nextOffset < m_announcedTotal) {
        if (m_pagesRequested >= m_pageCap) {
            if (pagesOutstanding() == 0 && m_loaded < m_announcedTotal)
                m_completeness = Completeness::PageLimitReached;
            return;
        }
        requestPage();
    }
}

QString PagedListingCall::incompletenessText() const
{
    switch (m_completeness) {
    case Completeness::Complete:
        return {};
    case Completeness::FewerThanAnnounced:
        if (m_duplicates > 0)
            return tr("The server announced %1 entries and sent %2, %3 of them repeating earlier ones: %4 "
                      "distinct entries.")
                .arg(m_announcedTotal)
                .arg(m_received)
                .arg(m_duplicates)
                .arg(m_loaded);
        return tr("%1 of the %2 entries the server announced were received.").arg(m_loaded).arg(m_announcedTotal);
    case Completeness::PageLimitReached:
        return tr("The listing stopped after %1 pages with %2 entries.").arg(m_pagesRequested).arg(m_loaded);
    case Completeness::PagingStalled:
        return tr("A page brought no entry that had not come before; %1 entries were received.").arg(m_loaded);
    case Completeness::SizeLimitReached:
        return tr("The listing stopped at %1 of answers with %2 entries, more than a listing may hold.")
            .arg(bytesReadText(), QLocale().toString(m_loaded));
    }
    return {};
}

QString PagedListingCall::bytesReadText() const
{
    return tr("%1 MB").arg(QLocale().toString(double(m_bytesRead) / (1024 * 1024), 'f', 1));
}

QString PagedListingCall::countContradictionText() const
{
    if (m_contradictedTotal < 0)
        return {};
    return tr("The server's count (%1) contradicted the entries it sent; paging went on to the last page "
              "instead (%2 entries).")
        .arg(QLocale().toString(m_contradictedTotal), QLocale().toString(m_loaded));
}

void PagedListingCall::dropPagesInFlight()
{
    for (ApiCall *page : std::as_const(m_inFlight)) {
        page->disconnect(this);
        page->cancel();
        page->deleteLater();
    }
    m_inFlight.clear();
    m_inFlightOffsets.clear();
    m_pagesAtGate = 0;
    ++m_gateRound;
}

void PagedListingCall::finish(const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_deadlineTimer.stop();
    dropPagesInFlight(); // of no use any more
    m_error = error;
    Q_EMIT finished();
}
