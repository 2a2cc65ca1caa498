#include "clisimulatorfixture.h"
#include "requestbodyids.h"

#include <QDateTime>

// `retire` and `restore` for real, against the Workspace simulator in this process: the dry run
// prints the review and exactly the requests; --yes writes this app's two tags (value: the date)
// and no other, in requests of at most 100 desktops, puts the desktops in maintenance and stops
// them; `restore` brings them back; usage errors send nothing.
namespace {
const QString kRetiredOn = QStringLiteral("workspace-admin-retired-on");
const QString kRetireAfter = QStringLiteral("workspace-admin-retire-after");

// The requests a dry run printed: method and URL on one line, the body on the next.
QList<QPair<QString, QJsonObject>> printedRequests(const QString& out)
{
    QList<QPair<QString, QJsonObject>> requests;
    const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (int i = 0; i + 1 < lines.size(); i += 2)
        requests.append(
            { lines.at(i), QJsonDocument::fromJson(lines.at(i + 1).toUtf8()).object() });
    return requests;
}
} // namespace

class TestCliRetire : public QObject, protected CliSimulatorFixture {
    Q_OBJECT
private:
    // Desktops a retirement takes: running, not being deleted, billed by use, room for two tags.
    QList<QJsonObject> retirable(int count) const
    {
        QList<QJsonObject> chosen;
        for (const QJsonObject& desktop : listed()) {
            if (chosen.size() < count
                && desktop.value(QStringLiteral("status")).toString() == QLatin1String("ACTIVE")
                && desktop.value(QStringLiteral("task_status")).toString().isEmpty()
                && desktop.value(QStringLiteral("billing_mode")).toString()
                    == QLatin1String("pay_per_use")
                && !desktop.value(QStringLiteral("retiring")).toBool()
                && desktop.value(QStringLiteral("tags")).toObject().size() <= 18)
                chosen.append(desktop);
        }
        return chosen;
    }

    QJsonObject listedDesktop(const QString& id) const
    {
        for (const QJsonObject& desktop : listed()) {
            if (desktop.value(QStringLiteral("desktop_id")).toString() == id)
                return desktop;
        }
        return {};
    }

private Q_SLOTS:
    void init() { QVERIFY(startSimulator()); }
    void cleanup() { m_simulator.reset(); }

    void usageErrorsSendNothing()
    {
        const QString id = someIds(1).value(0);
        QVERIFY(!id.isEmpty());
        const QStringList ids { QStringLiteral("--ids"), id };
        QCOMPARE(run(QStringList { QStringLiteral("retire") } + ids).exitCode, 2); // no --yes
        QCOMPARE(run({ QStringLiteral("retire"), QStringLiteral("--yes") }).exitCode, 2); // no ids
        QCOMPARE(run(QStringList { QStringLiteral("retire"), QStringLiteral("--days"),
                         QStringLiteral("-1"), QStringLiteral("--yes") }
                     + ids)
                     .exitCode,
            2);
        QCOMPARE(run(QStringList { QStringLiteral("retire"), QStringLiteral("--days"),
                         QStringLiteral("soon"), QStringLiteral("--yes") }
                     + ids)
                     .exitCode,
            2);
        QCOMPARE(run(QStringList { QStringLiteral("retire"), QStringLiteral("--message"),
                         QString(300, QLatin1Char('x')), QStringLiteral("--yes") }
                     + ids)
                     .exitCode,
            2);
        QCOMPARE(run(QStringList { QStringLiteral("restore"), QStringLiteral("--days"),
                         QStringLiteral("3"), QStringLiteral("--yes") }
                     + ids)
                     .exitCode,
            2);
        QCOMPARE(m_simulator->requestCount("PUT", QStringLiteral("maintenance-mode")), 0);
        QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-tags")), 0);
    }

    void dryRunPrintsTheReviewAndEveryRequest()
    {
        const QList<QJsonObject> chosen = retirable(30);
        QVERIFY(chosen.size() >= 20);
        QStringList ids;
        for (const QJsonObject& desktop : chosen)
            ids.append(desktop.value(QStringLiteral("desktop_id")).toString());
        const Result dry = run({ QStringLiteral("retire"), QStringLiteral("--ids"),
            ids.join(QLatin1Char(',')) + QStringLiteral(",no-such-desktop"),
            QStringLiteral("--days"), QStringLiteral("14"), QStringLiteral("--message"),
            QStringLiteral("Retired; ask IT."), QStringLiteral("--dry-run") });
        QCOMPARE(dry.exitCode, 1); // the unknown id is left out
        QVERIFY2(
            dry.err.contains(QStringLiteral("no-such-desktop: not found")), qPrintable(dry.err));
        const QDate today = QDateTime::currentDateTimeUtc().date();
        const QString due = today.addDays(14).toString(Qt::ISODate);
        QVERIFY2(dry.err.contains(due), qPrintable(dry.err));
        // Maintenance on, log-off, tags, os-stop: one request each, at most 100 desktops.
        const QList<QPair<QString, QJsonObject>> requests = printedRequests(dry.out);
        QCOMPARE(requests.size(), 4);
        QVERIFY(requests.at(0).first.startsWith(QStringLiteral("PUT ")));
        QVERIFY(requests.at(1).first.endsWith(QStringLiteral("/desktops/logoff")));
        QVERIFY(requests.at(2).first.startsWith(QStringLiteral("POST ")));
        QVERIFY(requests.at(2).first.endsWith(QStringLiteral("/desktops/batch-tags")));
        QCOMPARE(requests.at(3).second.value(QStringLiteral("op_type")).toString(),
            QStringLiteral("os-stop"));
        for (const auto& request : requests) {
            QCOMPARE(desktopIdsOf(request.second), ids);
            QVERIFY(desktopIdsOf(request.second).size() <= 100);
        }
        // Nothing was sent.
        QCOMPARE(m_simulator->requestCount("PUT", QStringLiteral("maintenance-mode")), 0);
        QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-tags")), 0);
        QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("desktops/action")), 0);
    }

    void retireThenRestore()
    {
        const QList<QJsonObject> chosen = retirable(3);
        QCOMPARE(chosen.size(), 3);
        QStringList ids;
        for (const QJsonObject& desktop : chosen)
            ids.append(desktop.value(QStringLiteral("desktop_id")).toString());
        const Result retire = run({ QStringLiteral("retire"), QStringLiteral("--ids"),
            ids.join(QLatin1Char(',')), QStringLiteral("--days"), QStringLiteral("0"),
            QStringLiteral("--timeout"), QStringLiteral("60"), QStringLiteral("--yes") });
        QVERIFY2(retire.exitCode == 0, qPrintable(retire.err + retire.out));
        const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
        for (const QJsonObject& before : chosen) {
            const QString id = before.value(QStringLiteral("desktop_id")).toString();
            QVERIFY(retire.out.contains(before.value(QStringLiteral("computer_name")).toString()));
            const QJsonObject after = listedDesktop(id);
            QVERIFY(after.value(QStringLiteral("in_maintenance_mode")).toBool());
            QCOMPARE(after.value(QStringLiteral("status")).toString(), QStringLiteral("SHUTOFF"));
            // The tool's keys with the dates as values, every other tag as it was.
            QJsonObject tags = after.value(QStringLiteral("tags")).toObject();
            QCOMPARE(tags.value(kRetiredOn).toString(), today);
            QCOMPARE(tags.value(kRetireAfter).toString(), today); // --days 0: due at once
            tags.remove(kRetiredOn);
            tags.remove(kRetireAfter);
            QCOMPARE(tags, before.value(QStringLiteral("tags")).toObject());
            QVERIFY(after.value(QStringLiteral("retire_due")).toBool());
        }
        // No message: nobody logged off; every step in one request.
        QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("desktops/logoff")), 0);
        QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-tags")), 1);
        QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("desktops/action")), 1);
        QCOMPARE(auditEvents(QStringLiteral("retirement_finished")).size(), 1);

        // Retired again: left out, already retiring, and that needs nothing.
        const Result again = run({ QStringLiteral("retire"), QStringLiteral("--ids"), ids.first(),
            QStringLiteral("--yes") });
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.err.contains(QStringLiteral("already retiring")), qPrintable(again.err));
        QCOMPARE(m_simulator->requestCount("POST", QStringLiteral("batch-tags")), 1);

        // Restore two; the third stays retiring.
        const Result restore = run({ QStringLiteral("restore"), QStringLiteral("--ids"),
            ids.mid(0, 2).join(QLatin1Char(',')), QStringLiteral("--yes") });
        QVERIFY2(restore.exitCode == 0, qPrintable(restore.err + restore.out));
        for (int i = 0; i < 2; ++i) {
            const QJsonObject after = listedDesktop(ids.at(i));
            QVERIFY(!after.value(QStringLiteral("in_maintenance_mode")).toBool());
            QCOMPARE(after.value(QStringLiteral("status")).toString(), QStringLiteral("ACTIVE"));
            QVERIFY(!after.value(QStringLiteral("retiring")).toBool());
            QCOMPARE(after.value(QStringLiteral("tags")).toObject(),
                chosen.at(i).value(QStringLiteral("tags")).toObject());
        }
        QVERIFY(listedDesktop(ids.at(2)).value(QStringLiteral("retiring")).toBool());
        QCOMPARE(m_simulator->requestCount("DELETE", QStringLiteral("batch-tags")), 1);

        // A desktop that is not retiring is left out of a restore with that reason.
        const Result notRetiring = run({ QStringLiteral("restore"), QStringLiteral("--ids"),
            ids.first(), QStringLiteral("--dry-run") });
        QVERIFY2(
            notRetiring.err.contains(QStringLiteral("not retiring")), qPrintable(notRetiring.err));
        QVERIFY(notRetiring.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliRetire)
#include "tst_cliretire.moc"
