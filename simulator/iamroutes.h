#pragma once

#include "simulatorreply.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrlQuery>

// One IAM project of the simulated account.
struct IamProjectRecord
{
    QString id;
    QString name;     // a region id, {region}_{suffix} for a sub-project, or a built-in such as MOS
    QString parentId; // the account (domain) id for a region's own project, the region project's for a sub-project
    QString description;
    bool enabled = true;
};

// The simulator's IAM: KeystoneListProjects (GET /v3/projects) and KeystoneListAuthProjects
// (GET /v3/auth/projects) in their documented shapes, over the simulated account's projects.
// Signatures are checked by the simulator as for Workspace calls. Every answer carries
// X-IAM-Trace-Id. For tests, the account's projects can be edited (none or several of a name) and
// /v3/projects refused with 403, as for an IAM user without the listProjects permission.
class IamRoutes
{
public:
    explicit IamRoutes(QString domainId = defaultDomainId());

    static QString defaultDomainId();
    static bool matches(const QByteArray &method, const QString &path);
    // Every answer of IAM carries X-IAM-Trace-Id, its refusals of a signature included.
    static void addTraceId(SimulatorReply &reply);
    // selfBase: scheme and host the links are made of, e.g. http://127.0.0.1:8080.
    SimulatorReply handle(const QByteArray &method, const QString &path, const QUrlQuery &query,
                          const QString &selfBase) const;

    const QString &domainId() const { return m_domainId; }
    // A region's own project (parent: the account) or a sub-project (parent: its region's project).
    void addProject(const QString &id, const QString &name, const QString &description = {});
    QList<IamProjectRecord> &projects() { return m_projects; }
    const QList<IamProjectRecord> &projects() const { return m_projects; }
    void setListProjectsForbidden(bool forbidden) { m_listProjectsForbidden = forbidden; }
    bool listProjectsForbidden() const { return m_listProjectsForbidden; }

private:
    SimulatorReply listProjects(const QUrlQuery &query, const QString &selfBase) const;
    SimulatorReply listAuthProjects(const QString &selfBase) const;

    QString m_domainId;
    QList<IamProjectRecord> m_projects;
    bool m_listProjectsForbidden = false;
};
