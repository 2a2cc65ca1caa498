#pragma once

#include "apicall.h"
#include "apierror.h"

#include <QDeadlineTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QTimer>

#include <functional>

class ApiClient;

// Every page of an offset/limit listing, finishing exactly once like an ApiCall. The answers are
// not trusted to add up:
// - an entry whose id came before is dropped and counted (duplicateCount());
// - paging ends at the announced total, at an empty page, at a page that brings nothing new and,
//   without a usable total, at a short page; and after a number of pages derived from the first
//   page's total (kExtraPages more, for entries created while listing; never more than maxPages),
//   or once the pages read hold maxBytes (what a listing keeps is bounded by what it read);
// - a total that the answer's own page contradicts (a count of 0 beside a full page, a first page
//   longer than its total) is not trusted from then on: paging goes on as without a total, and
//   countContradicted() says so;
// - a server that pages by fewer than asked for is followed by its own page size;
// - when fewer entries arrived than announced, or paging had to stop while more may exist, the
//   listing succeeds but is not complete: isComplete() is false and incompletenessText() says
//   why. What it has is never to be taken for the whole.
// The first page is asked for alone (its total says how many more there are); then up to
// pagesInFlight pages at once, each taken in the order of its offset as soon as it and those
// before it are read. Without a usable total only one page at a time: only an answer tells
// whether there is another.
class PagedListingCall : public QObject
{
    Q_OBJECT
public:
    // A million desktops in pages of 500 is 2,000 pages; no real project comes near it, an
    // endless listing stops here.
    static constexpr int kMaxPages = 2000;
    // Pages beyond those the first total needs, for entries created while listing.
    static constexpr int kExtraPages = 2;
    // What a listing may read: 100,000 desktops are 118 MB of JSON, so 512 MiB is several times
    // the largest real project, and still a bound a desktop computer can hold.
    static constexpr qint64 kDefaultMaxBytes = 512LL * 1024 * 1024;

    enum class Completeness {
        Complete,
        FewerThanAnnounced, // the total said more than arrived
        PageLimitReached,   // stopped at the page cap while the service had more
        PagingStalled,      // a page brought nothing new while more was expected
        SizeLimitReached,   // stopped before the pages read would hold more than maxBytes
    };

    // Hands a page's sending to whoever rations requests (e.g. a request budget shared with other
    // calls): the gate calls `send` when the page may go out, or never (cancel() or a deleted
    // listing end the wait). Without a gate pages go out at once.
    using PageGate = std::function<void(std::function<void()> send)>;

    void setPageSize(int pageSize) { m_pageSize = pageSize; }
    // For tests and for listings with a documented bound: a lower cap than kMaxPages.
    void setMaxPages(int maxPages) { m_maxPages = maxPages; }
    // The most bytes of answers a listing takes in (kDefaultMaxBytes unless set): a page that would
    // go beyond is not taken, and the listing ends as SizeLimitReached.
    void setMaxBytes(qint64 maxBytes) { m_maxBytes = maxBytes; }
    void setPageGate(PageGate gate) { m_pageGate = std::move(gate); }
    // The whole listing ends with a Timeout error once the deadline has passed (none by default).
    void setDeadline(QDeadlineTimer deadline) { m_deadline = deadline; }
    void start();
    // finished() follows at once with a Cancelled error (unless already finished).
    void cancel();

    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_finished && !m_error.isError(); }
    bool isComplete() const { return succeeded() && m_completeness == Completeness::Complete; }
    Completeness completeness() const { return m_completeness; }
    const ApiError &error() const { return m_error; }
    // Distinct entries taken so far.
    int loadedCount() const { return m_loaded; }
    // While listing, what is expected (-1 when unknown); once finished, the entries taken.
    int totalCount() const { return m_total; }
    // The latest usable total, -1 when the service never sent one.
    int announcedTotal() const { return m_announcedTotal; }
    int duplicateCount() const { return m_duplicates; }
    // Every entry the pages brought, repeated ones included.
    int receivedCount() const { return m_received; }
    int pagesRequested() const { return m_pagesRequested; }
    qint64 bytesRead() const { return m_bytesRead; }
    // A page came with a total its own entries contradicted (0 beside a full page, say): totals
    // were ignored from then on.
    bool countContradicted() const { return m_contradictedTotal >= 0; }
    int contradictedTotal() const { return m_contradictedTotal; }
    // One translated sentence when the service's count contradicted its pages, empty otherwise.
    virtual QString countContradictionText() const;
    // One translated sentence for a listing that is not complete, empty when it is.
    virtual QString incompletenessText() const;

Q_SIGNALS:
    // After each page, in order; total as totalCount().
    void progress(int loaded, int total);
    void duplicatesSkipped(int duplicateCount);
    void retrying(int nextAttempt, int delayMs, const ApiError &error);
    void finished();

protected:
    struct PageOutcome
    {
        int received = 0;         // entries on the page
        int admitted = 0;         // of those, new ones (see admit())
        bool totalKnown = false;  // the page announced a usable total
        int total = 0;
        int offset = 0;           // where the page starts (set by the listing)
    };

    PagedListingCall(ApiClient *client, int pageSize, int pagesInFlight, QObject *parent);
    ApiClient *client() const { return m_client; }
    // A page call, not started; the listing takes it over.
    virtual ApiCall *createPage(int offset, int limit) = 0;
    // Takes the succeeded page's entries, keeping those admit() lets in.
    virtual PageOutcome takePage(ApiCall *page) = 0;
    // After a page was taken and counted, before progress(): for listings that hand pages on.
    virtual void pageTaken() {}
    // The Timeout error's text when the deadline passes.
    virtual QString deadlineText() const;
    // bytesRead() for a sentence: "12.5 MB".
    QString bytesReadText() const;
    // Whether an entry with this id is new; records it.
    bool admit(const QString &id);
    // The usual takePage(): appends the page's new entries (by idOf) to *kept.
    template <typename Entry, typename IdOf>
    PageOutcome keepNew(QList<Entry> &&entries, bool totalKnown, int total, QList<Entry> *kept, IdOf idOf)
    {
        PageOutcome outcome{int(entries.size()), 0, totalKnown, total};
        for (Entry &entry : entries) {
            if (admit(idOf(entry))) {
                kept->append(std::move(entry));
                ++outcome.admitted;
            }
        }
        return outcome;
    }

private:
    void requestPage();
    void sendPage(int offset);
    // Pages asked for and not yet taken: in flight or waiting for the gate.
    qsizetype pagesOutstanding() const { return m_inFlight.size() + m_pagesAtGate; }
    void takeFinishedPages();
    // Whether the page ends the paging.
    bool count(const PageOutcome &page);
    void requestMorePages();
    // Whether the page fits in what is left of maxBytes; if not, the listing is exhausted.
    bool fitsByteBound(const ApiCall *page);
    void onDeadline();
    void dropPagesInFlight();
    void finish(const ApiError &error);

    QPointer<ApiClient> m_client;
    int m_pageSize;
    int m_pagesInFlight;
    QDeadlineTimer m_deadline = QDeadlineTimer::Forever;
    QTimer m_deadlineTimer;
    int m_maxPages = kMaxPages;
    qint64 m_maxBytes = kDefaultMaxBytes;
    qint64 m_bytesRead = 0;
    int m_contradictedTotal = -1; // the first total a page contradicted; -1: none
    int m_received = 0;
    PageGate m_pageGate;
    int m_pagesAtGate = 0;
    int m_gateRound = 0;        // a page let through by the gate after its round was dropped is not sent
    int m_pageCap = 0;          // pages allowed; 0 until the first page has told the total
    int m_pagesRequested = 0;
    QList<ApiCall *> m_inFlight; // children, in the order of their offsets
    int m_nextOffset = 0;
    int m_step = 0;             // offset between pages: the page size, or the server's if it is smaller
    QList<int> m_inFlightOffsets; // the offsets of m_inFlight's pages
    int m_announcedTotal = -1;
    bool m_exhausted = false;   // a page ended the paging: nothing beyond it is asked for
    bool m_lastPageFull = false;
    QSet<QString> m_seen;
    int m_loaded = 0;
    int m_duplicates = 0;
    int m_total = -1;
    Completeness m_completeness = Completeness::Complete;
    bool m_started = false;
    bool m_finished = false;
    ApiError m_error;
};
