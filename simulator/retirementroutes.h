#pragma once

#include "simulateddesktop.h"
#include "simulatorreply.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

#include <functional>

// The simulator's answers to the calls a retirement needs: desktop tags added and removed in
// batches and read per desktop (BatchAddDesktopsTags, BatchDeleteDesktopsTags, ShowTagByDesktopId),
// power actions (BatchRunDesktops) and the log-in records (ListLoginRecordsNew). Their open
// points are named in docs/SIMULATOR-ASSUMPTIONS.md (TAG-LIMIT, TAG-DELETE-VALUE, POWER-AT-ONCE,
// LOGIN-RECORDS).
class RetirementRoutes
{
public:
    struct Answer
    {
        int status = 200;
        QByteArray body;
    };
    // When the desktop was last used (invalid: never), as the usage statistics say.
    using LastUse = std::function<QDateTime(const QString &desktopId)>;

    RetirementRoutes(QList<SimulatedDesktop> &desktops, const QHash<QString, qsizetype> &indexById, LastUse lastUse);

    void setNotFoundAnswer(NotFoundAnswer answer) { m_notFoundAnswer = answer; }
    // Whether method and path are one of these calls; *projectId is the path's project.
    static bool matches(const QByteArray &method, const QString &path, QString *projectId);
    Answer handle(const QByteArray &method, const QString &path, const QUrlQuery &query,
                  const QByteArray &contentType, const QByteArray &body, const QDateTime &now);
    // The desktops the last handle() changed, for the state store.
    const QStringList &changedDesktopIds() const { return m_changed; }

    // For the demo: three desktops already retired 35 days before `today` by this app's tags,
    // stopped and in maintenance: one due and unused, one due but logged in to since, one waiting.
    // Returns their ids in that order (fewer when there are not enough suitable desktops).
    static QStringList addRetiringExamples(QList<SimulatedDesktop> &desktops, const QDate &today);
    // The last use that makes each example what it is, from its (possibly restored) retired-on tag.
    static QDateTime exampleLastUse(const SimulatedDesktop &desktop, int exampleIndex);

private:
    Answer changeTags(bool add, const QJsonObject &body);
    Answer showTags(const QString &desktopId) const;
    Answer runPowerAction(const QJsonObject &body);
    Answer listLoginRecords(const QUrlQuery &query, const QDateTime &now) const;
    SimulatedDesktop *present(const QString &id);

    QList<SimulatedDesktop> &m_desktops;
    const QHash<QString, qsizetype> &m_indexById;
    LastUse m_lastUse;
    NotFoundAnswer m_notFoundAnswer = NotFoundAnswer::Status404;
    QStringList m_changed;
};
