#include "deletion/deletionstore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// The data directory both front ends open: settled at opening, its journal's removals gathered.
class TestDeletionStore : public QObject
{
    Q_OBJECT
private:
    static JournalEntry entry(const QString &jobId)
    {
        JournalEntry entry;
        entry.jobId = jobId;
        entry.projectId = QStringLiteral("p");
        entry.desktopIds = {jobId + QStringLiteral("-desktop")};
        return entry;
    }

private Q_SLOTS:
    void opensAndGathersTheJournalsRemovals()
    {
        QTemporaryDir home;
        const QString dataDir = home.filePath(QStringLiteral("data/workspace-admin"));
        QString error;
        const DeletionStorePtr store = DeletionStore::open(dataDir, &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY(store->notices().isEmpty());
        QVERIFY(store->journal().add(entry(QStringLiteral("job-1"))));
        QVERIFY(store->journal().add(entry(QStringLiteral("job-2"))));
        const int written = store->journal().writeCount();
        QCOMPARE(written, 2); // a new job is on disk before the next request
        QVERIFY(store->journal().remove(QStringLiteral("job-1")));
        QVERIFY(store->journal().remove(QStringLiteral("job-2")));
        QCOMPARE(store->journal().writeCount(), written); // the ended jobs wait to be written together
        QVERIFY(store->journal().flush());
        QCOMPARE(store->journal().writeCount(), written + 1);
        QVERIFY(QFile::exists(JobJournal::defaultFilePath(dataDir)));
    }

    void aDirectoryThatCannotBeMadeIsNamed()
    {
        QTemporaryDir home;
        const QString blocker = home.filePath(QStringLiteral("file"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const QString dataDir = blocker + QStringLiteral("/workspace-admin");
        QString error;
        QVERIFY(!DeletionStore::open(dataDir, &error));
        QVERIFY2(error.contains(QStringLiteral("Cannot create the data directory")), qPrintable(error));
        // The window keeps running with a store whose writes fail, and says why.
        const DeletionStorePtr store = DeletionStore::openAnyway(dataDir);
        QVERIFY(store);
        QCOMPARE(store->loadWarning, error);
        QVERIFY(store->notices().contains(error));
        QVERIFY(!store->journal().add(entry(QStringLiteral("job-1"))));
    }
};

QTEST_GUILESS_MAIN(TestDeletionStore)
#include "tst_deletionstore.moc"
