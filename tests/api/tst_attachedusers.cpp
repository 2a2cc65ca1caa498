// The users of a desktop from every documented field (attach_user_infos, user_list,
// user_group_list, user_name), read alike by both desktop page readers, and what a deletion with
// delete_users makes of SHARED desktops' users.
#include "api/workspacejson.h"
#include "decommission/deletionimpact.h"
#include "desktoppagereference.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

namespace {
QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(WORKSPACE_TEST_DATA_DIR "/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", name);
    return file.readAll();
}

Desktop desktopWith(const QString &id, const QString &userName, const QStringList &userList = {})
{
    Desktop desktop;
    desktop.id = id;
    desktop.userName = userName;
    desktop.userList = userList;
    return desktop;
}
} // namespace

class TestAttachedUsers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyDocumentedFieldIsRead();
    void bothReadersAgree();
    void usersAndGroupsAreToldApart();
    void fieldsSurviveTheJsonOfADesktop();
    void sharedDesktopsUsersAreRemovedOrKept();
};

void TestAttachedUsers::everyDocumentedFieldIsRead()
{
    QString error;
    const std::optional<DesktopPage> page = WorkspaceJson::parseDesktopPage(fixture("desktops-attached-users.json"), &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->desktops.size(), 3);
    const Desktop &shared = page->desktops.at(0);
    QCOMPARE(shared.attachedUsers.size(), 4);
    const AttachedUser &bob = shared.attachedUsers.at(1);
    QCOMPARE(bob.id, QStringLiteral("u-bob"));
    QCOMPARE(bob.name, QStringLiteral("bob"));
    QCOMPARE(bob.permissionGroup, QStringLiteral("administrators"));
    QCOMPARE(bob.type, AttachedUser::Type::User);
    QCOMPARE(shared.attachedUsers.at(2).type, AttachedUser::Type::Group);
    QCOMPARE(shared.attachedUsers.at(3).type, AttachedUser::Type::User); // type absent: USER, the default
    QCOMPARE(shared.userList, (QStringList{QStringLiteral("u-bob"), QStringLiteral("dee")}));
    QCOMPARE(shared.userGroupList, (QStringList{QStringLiteral("g-finance"), QStringLiteral("sales")}));
    QVERIFY(page->desktops.at(1).attachedUsers.isEmpty());
}

void TestAttachedUsers::bothReadersAgree()
{
    const QByteArray body = fixture("desktops-attached-users.json");
    QString error;
    const std::optional<DesktopPage> fast = WorkspaceJson::parseDesktopPage(body, &error);
    const std::optional<DesktopPage> reference = DesktopPageReference::parse(body);
    QVERIFY(fast && reference);
    QCOMPARE(DesktopPageReference::firstDifference(*fast, *reference), QString());
    // Entries that are not objects, or name nobody, are left out by both.
    const QByteArray odd = R"({"total_count":1,"desktops":[{"desktop_id":"d","attach_user_infos":[1,{},
        {"user_name":7,"type":"GROUP"},{"user_id":"u"}],"user_list":["a",2,null,"b"],"user_group_list":"x"}]})";
    const std::optional<DesktopPage> oddFast = WorkspaceJson::parseDesktopPage(odd, &error);
    const std::optional<DesktopPage> oddReference = DesktopPageReference::parse(odd);
    QVERIFY(oddFast && oddReference);
    QCOMPARE(DesktopPageReference::firstDifference(*oddFast, *oddReference), QString());
    QCOMPARE(oddFast->desktops.constFirst().attachedUsers.size(), 2);
    QCOMPARE(oddFast->desktops.constFirst().userList, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
}

void TestAttachedUsers::usersAndGroupsAreToldApart()
{
    QString error;
    const std::optional<DesktopPage> page = WorkspaceJson::parseDesktopPage(fixture("desktops-attached-users.json"), &error);
    QVERIFY(page);
    // user_name, the USER entries, and user_list (an id of an attached user is that user).
    QCOMPARE(page->desktops.at(0).userNames(),
             (QStringList{QStringLiteral("ann"), QStringLiteral("bob"), QStringLiteral("cid"), QStringLiteral("dee")}));
    QCOMPARE(page->desktops.at(0).groupNames(), (QStringList{QStringLiteral("finance"), QStringLiteral("sales")}));
    QCOMPARE(page->desktops.at(1).userNames(), QStringList{QStringLiteral("eve")});
    QVERIFY(page->desktops.at(1).groupNames().isEmpty());
    // No user_name at all: the users come from attach_user_infos and user_list alone.
    QCOMPARE(page->desktops.at(2).userNames(), (QStringList{QStringLiteral("fay"), QStringLiteral("gus")}));
    QCOMPARE(page->desktops.at(2).groupNames(), QStringList{QStringLiteral("ops")});
    QVERIFY(Desktop().userNames().isEmpty());
}

void TestAttachedUsers::fieldsSurviveTheJsonOfADesktop()
{
    QString error;
    const std::optional<DesktopPage> page = WorkspaceJson::parseDesktopPage(fixture("desktops-attached-users.json"), &error);
    QVERIFY(page);
    for (const Desktop &desktop : page->desktops) {
        const Desktop again = WorkspaceJson::desktopFromJson(WorkspaceJson::desktopToJson(desktop));
        QCOMPARE(DesktopPageReference::firstDifference(again, desktop), QString());
    }
}

void TestAttachedUsers::sharedDesktopsUsersAreRemovedOrKept()
{
    QString error;
    const std::optional<DesktopPage> page = WorkspaceJson::parseDesktopPage(fixture("desktops-attached-users.json"), &error);
    QVERIFY(page);
    const Desktop &shared = page->desktops.at(0);
    // bob has another desktop (named there only in user_list); dee has none; groups are no users.
    const QList<Desktop> listing{shared, desktopWith(QStringLiteral("other"), QString(), {QStringLiteral("bob")})};
    const DeletionImpact::Users users = DeletionImpact::usersOf({shared}, listing);
    QCOMPARE(users.deleted, (QStringList{QStringLiteral("ann"), QStringLiteral("cid"), QStringLiteral("dee")}));
    QCOMPARE(users.kept, QStringList{QStringLiteral("bob")});
    QCOMPARE(users.keptBy.value(QStringLiteral("bob")), QStringList{QStringLiteral("other")});
    QCOMPARE(DeletionImpact::userNamesOf(page->desktops),
             (QStringList{QStringLiteral("ann"), QStringLiteral("bob"), QStringLiteral("cid"), QStringLiteral("dee"),
                          QStringLiteral("eve"), QStringLiteral("fay"), QStringLiteral("gus")}));
    QVERIFY(!DeletionImpact::userNamesOf(page->desktops).contains(QStringLiteral("finance")));
}

QTEST_MAIN(TestAttachedUsers)
#include "tst_attachedusers.moc"
