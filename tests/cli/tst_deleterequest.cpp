#include "deleterequest.h"

#include <QTest>

class TestDeleteRequest : public QObject
{
    Q_OBJECT

    static QStringList names(std::initializer_list<const char *> list)
    {
        QStringList result;
        for (const char *name : list)
            result.append(QString::fromLatin1(name));
        return result;
    }

private Q_SLOTS:
    void parseIds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("comma list") << "a,b,c" << names({"a", "b", "c"});
        QTest::newRow("spaces and blanks") << " a , b,,c " << names({"a", "b", "c"});
        QTest::newRow("file with comments")
            << "# ids to remove\nd-1\n\nd-2  # old lab\r\nd-3\n" << names({"d-1", "d-2", "d-3"});
        QTest::newRow("duplicates keep first order") << "b,a,b,a,c" << names({"b", "a", "c"});
        QTest::newRow("uuid")
            << "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
            << names({"0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"});
    }

    void parseIds()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        QString error;
        const std::optional<QStringList> ids = DeleteRequest::parseIds(text, &error);
        QVERIFY2(ids.has_value(), qPrintable(error));
        QCOMPARE(*ids, expected);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("only comments") << "# nothing\n\n";
        QTest::newRow("quote") << "a,\"b\"";
        QTest::newRow("path") << "../etc/passwd";
        QTest::newRow("semicolon") << "a;b";
    }

    void rejects()
    {
        QFETCH(QString, text);
        QString error;
        QVERIFY(!DeleteRequest::parseIds(text, &error).has_value());
        QVERIFY(!error.isEmpty());
    }

    void chunks()
    {
        QStringList ids;
        for (int i = 0; i < 250; ++i)
            ids.append(QString::number(i));
        const QList<QStringList> chunks = DeleteRequest::chunks(ids, 100);
        QCOMPARE(chunks.size(), 3);
        QCOMPARE(chunks.at(0).size(), 100);
        QCOMPARE(chunks.at(2).size(), 50);
        QCOMPARE(chunks.at(1).first(), QStringLiteral("100"));
        QCOMPARE(chunks.at(2).last(), QStringLiteral("249"));
        QCOMPARE(DeleteRequest::chunks(ids.mid(0, 100), 100).size(), 1);
        QVERIFY(DeleteRequest::chunks({}, 100).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDeleteRequest)
#include "tst_deleterequest.moc"
