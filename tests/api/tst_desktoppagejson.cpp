#include "api/workspacejson.h"
#include "desktoppagereference.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

// parseDesktopPage (simdjson, one pass per desktop) against the reference reading with Qt's JSON
// classes and desktopFromJson: same acceptance, same fields, on the fixtures and on answers built
// to probe the corners (duplicate keys, numbers for strings, unordered networks, odd shapes).
class TestDesktopPageJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agreesWithTheReference_data();
    void agreesWithTheReference();
    void rawJsonIsKeptOnlyWhenAsked();
    void brokenJsonSaysWhere();
};

void TestDesktopPageJson::agreesWithTheReference_data()
{
    QTest::addColumn<QByteArray>("body");
    const QDir data(QStringLiteral(WORKSPACE_TEST_DATA_DIR));
    const QStringList fixtures = data.entryList({QStringLiteral("*.json"), QStringLiteral("*.html")}, QDir::Files);
    QVERIFY(fixtures.size() > 10);
    for (const QString &name : fixtures) {
        QFile file(data.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QTest::newRow(qPrintable(name)) << file.readAll();
    }

    const auto page = [](const char *desktops, const char *extra = "") -> QByteArray {
        return QByteArray(R"({"total_count": 1, )") + extra + R"("desktops": [)" + desktops + "]}";
    };
    QTest::newRow("numbers for strings") << page(
        R"({"desktop_id": 123, "computer_name": 0.1, "status": 1e20, "user_name": -7, "created": 5,
            "metadata": {"charging_mode": 1, "os_type": 2.50}, "flavor": {"id": 12345678901234567890}})");
    QTest::newRow("duplicate keys, last wins") << page(
        R"({"desktop_id": "a", "desktop_id": "b", "metadata": {"charging_mode": "1", "os_type": "Linux"},
            "metadata": {"image_name": "img"}, "flavor": {"id": "f1"}, "flavor": 3,
            "tags": [{"key": "k", "value": "v"}], "tags": [{"key": "k2", "value": 2, "key": "k3"}]})");
    QTest::newRow("networks in name order") << page(
        R"({"desktop_id": "a", "ip_addresses": [], "addresses": {"zeta": [{"addr": "10.0.0.9"}],
            "alpha": [{"addr": "10.0.0.1"}, {"addr": 7}, "x", {"addr": "10.0.0.2", "addr": "10.0.0.3"}],
            "mid": "not a list", "alpha": [{"addr": "10.0.0.4"}]}})");
    QTest::newRow("ip_addresses win over addresses") << page(
        R"({"desktop_id": "a", "ip_addresses": ["192.0.2.1", 5, null, "192.0.2.2"],
            "addresses": {"n": [{"addr": "10.0.0.1"}]}})");
    QTest::newRow("odd shapes") << page(
        R"({"desktop_id": "a", "status": null, "task_status": true, "login_status": {},
            "tags": [1, "k", {"value": "no key"}, {"key": ""}, {"key": "only"}], "metadata": [],
            "flavor": {"id": null}, "ip_addresses": "10.0.0.1", "created": "yesterday"})");
    QTest::newRow("non-ASCII and escapes") << page(
        R"({"desktop_id": "d-\u00e9\ud83d\ude00", "computer_name": "桌面-01", "user_name": "a\"b\\c\n",
            "tags": [{"key": "部门", "value": "研发"}], "created": "2026-11-28T08:15:00.250+08:00"})");
    QTest::newRow("timestamps") << page(
        R"({"desktop_id": "a", "created": "2026-11-28 08:15:00"}, {"desktop_id": "b", "created": "2026-11-28T08:15:00Z"},
           {"desktop_id": "c", "created": "2026-02-30T08:15:00Z"})");
    QTest::newRow("maintenance and pool in odd shapes") << page(
        R"({"desktop_id": "a", "in_maintenance_mode": "true", "pool_id": 7}, {"desktop_id": "b",
            "in_maintenance_mode": null, "pool_id": {}}, {"desktop_id": "c", "in_maintenance_mode": true,
            "in_maintenance_mode": false, "pool_id": "p", "pool_id": "q"})");
    QTest::newRow("total as text") << page(R"({"desktop_id": "a"})", R"("total_count": "42", )");
    QTest::newRow("total as fraction") << page(R"({"desktop_id": "a"})", R"("total_count": 7.5, )");
    QTest::newRow("total too large") << page(R"({"desktop_id": "a"})", R"("total_count": 1e10, )");
    QTest::newRow("total not a number") << page(R"({"desktop_id": "a"})", R"("total_count": "many", )");
    QTest::newRow("negative total") << page(R"({"desktop_id": "a"})", R"("total_count": -1, )");
    QTest::newRow("total only") << QByteArray(R"({"total_count": 0})");
    QTest::newRow("desktops null") << QByteArray(R"({"desktops": null})");
    QTest::newRow("desktops twice") << QByteArray(R"({"desktops": 5, "desktops": [{"desktop_id": "a"}]})");
    QTest::newRow("neither key") << QByteArray(R"({"error_code": "WKS.0001"})");
    QTest::newRow("entry not an object") << page(R"({"desktop_id": "a"}, [])");
    QTest::newRow("entry without id") << page(R"({"desktop_id": ""})");
    QTest::newRow("invalid UTF-8") << page("{\"desktop_id\": \"a\xff\"}");
    QTest::newRow("trailing garbage") << QByteArray(R"({"total_count": 0} x)");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("top-level array") << QByteArray("[]");
}

void TestDesktopPageJson::agreesWithTheReference()
{
    QFETCH(QByteArray, body);
    QString error;
    const std::optional<DesktopPage> fast = WorkspaceJson::parseDesktopPage(body, &error);
    const std::optional<DesktopPage> reference = DesktopPageReference::parse(body);
    QVERIFY2(bool(fast) == bool(reference),
             qPrintable(fast ? QStringLiteral("accepted what the reference refuses") : error));
    if (!fast) {
        QVERIFY(!error.isEmpty());
        return;
    }
    const QString difference = DesktopPageReference::firstDifference(*fast, *reference);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void TestDesktopPageJson::rawJsonIsKeptOnlyWhenAsked()
{
    const QByteArray body = R"({"total_count": 1, "desktops": [{"desktop_id": "a", "unknown": {"x": [1, 2]}}]})";
    QString error;
    const std::optional<DesktopPage> kept = WorkspaceJson::parseDesktopPage(body, &error, WorkspaceJson::RawJson::Keep);
    QVERIFY2(kept, qPrintable(error));
    QCOMPARE(kept->desktops.at(0).raw.value(QLatin1String("unknown")).toObject().value(QLatin1String("x")).toArray().size(), 2);
    const std::optional<DesktopPage> dropped = WorkspaceJson::parseDesktopPage(body, &error);
    QVERIFY2(dropped, qPrintable(error));
    QVERIFY(dropped->desktops.at(0).raw.isEmpty());
}

void TestDesktopPageJson::brokenJsonSaysWhere()
{
    QString error;
    QVERIFY(!WorkspaceJson::parseDesktopPage(R"({"total_count": 1, "desktops": [{"desktop_id": "a"},]})", &error));
    QVERIFY2(error.startsWith(QLatin1String("invalid JSON at byte ")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestDesktopPageJson)
#include "tst_desktoppagejson.moc"
