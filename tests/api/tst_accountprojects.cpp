#include "api/accountprojects.h"
#include "api/endpoint.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

// The account's Workspace projects among IAM's answer, where each is reached, and the queue that
// works on at most four projects at once.
class TestAccountProjects : public QObject
{
    Q_OBJECT

private:
    static IamProjectList authProjects()
    {
        QFile file(QStringLiteral(WORKSPACE_TEST_DATA_DIR "/iam-auth-projects.json"));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return IamJson::parseProjectList(file.readAll(), nullptr).value_or(IamProjectList());
    }

private Q_SLOTS:
    void keepsWorkspaceRegionsAndTheirSubProjects()
    {
        const QList<WorkspaceProject> projects = AccountProjects::workspaceProjects(
            authProjects(), Endpoint::knownRegions(), {}, QProcessEnvironment());
        QStringList names;
        for (const WorkspaceProject &project : projects)
            names.append(project.name);
        // cn-east-2 has no Workspace, MOS is a built-in, la-south-2's id was unusable.
        QCOMPARE(names, (QStringList{QStringLiteral("cn-north-4"), QStringLiteral("cn-north-4_dev"),
                                     QStringLiteral("ap-southeast-3"), QStringLiteral("af-south-1")}));
        QCOMPARE(projects.at(1).region, QStringLiteral("cn-north-4"));
        QVERIFY(projects.at(1).isSubProject());
        QVERIFY(!projects.at(0).isSubProject());
        QCOMPARE(projects.at(0).endpoint, QUrl(QStringLiteral("https://workspace.cn-north-4.myhuaweicloud.com")));
        QCOMPARE(projects.at(2).endpoint, QUrl(QStringLiteral("https://workspace.ap-southeast-3.myhuaweicloud.com")));
    }

    void explicitEndpointServesEveryProject()
    {
        const QUrl proxy(QStringLiteral("https://workspace.proxy.example.com"));
        const QList<WorkspaceProject> projects =
            AccountProjects::workspaceProjects(authProjects(), Endpoint::knownRegions(), proxy, QProcessEnvironment());
        QVERIFY(!projects.isEmpty());
        for (const WorkspaceProject &project : projects)
            QCOMPARE(project.endpoint, proxy);
    }

    void regionOverrideIsHonoured()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("HUAWEICLOUD_SDK_REGION_WORKSPACE_AP_SOUTHEAST_3"),
                           QStringLiteral("https://ws.example.com"));
        const QList<WorkspaceProject> projects =
            AccountProjects::workspaceProjects(authProjects(), Endpoint::knownRegions(), {}, environment);
        QCOMPARE(projects.at(2).endpoint, QUrl(QStringLiteral("https://ws.example.com")));
    }

    void queueRunsAtMostFourAtOnce()
    {
        QList<std::function<void()>> pending;
        QList<int> started;
        ProjectQueue queue(9, [&](int index, std::function<void()> done) {
            started.append(index);
            pending.append(std::move(done));
        });
        QSignalSpy finished(&queue, &ProjectQueue::finished);
        queue.start();
        QCOMPARE(started.size(), ProjectQueue::kMaxProjectsAtOnce);
        // Ending work lets the next start, never more than four at a time.
        int completed = 0;
        while (!pending.isEmpty()) {
            std::function<void()> done = pending.takeFirst();
            done();
            done(); // a second report changes nothing
            ++completed;
            QTRY_COMPARE(queue.running(), std::min(ProjectQueue::kMaxProjectsAtOnce, 9 - completed));
        }
        QCOMPARE(finished.count(), 1);
        QCOMPARE(started, (QList<int>{0, 1, 2, 3, 4, 5, 6, 7, 8}));
        QCOMPARE(queue.mostRunningAtOnce(), ProjectQueue::kMaxProjectsAtOnce);
    }

    void emptyQueueFinishesFromTheEventLoop()
    {
        ProjectQueue queue(0, [](int, std::function<void()>) { QFAIL("no work"); });
        QSignalSpy finished(&queue, &ProjectQueue::finished);
        queue.start();
        QCOMPARE(finished.count(), 0);
        QVERIFY(finished.wait());
    }
};

QTEST_GUILESS_MAIN(TestAccountProjects)
#include "tst_accountprojects.moc"
