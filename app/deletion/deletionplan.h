#pragma once

#include "api/workspacetypes.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// What one deletion will send, decided before anything is sent: the selected desktops
// (duplicates dropped, first order kept) split into batch-delete requests of at most 100 ids.
// Pure and copyable, so the confirmation dialog can preview exactly the bodies the run will POST.
class DeletionPlan
{
public:
    static constexpr int kMaxChunkSize = 100; // the API's limit per batch-delete call

    DeletionPlan() = default;
    // desktopNames maps desktop id → computer name, for the audit log, the journal and the CSV;
    // ids without a name are fine. chunkSize is clamped to 1–100.
    DeletionPlan(const QStringList &desktopIds, BatchDeleteOptions options,
                 QHash<QString, QString> desktopNames = {}, int chunkSize = kMaxChunkSize);

    bool isEmpty() const { return m_desktopIds.isEmpty(); }
    const QStringList &desktopIds() const { return m_desktopIds; }
    const BatchDeleteOptions &options() const { return m_options; }
    QString desktopName(const QString &desktopId) const { return m_desktopNames.value(desktopId); }
    const QHash<QString, QString> &desktopNames() const { return m_desktopNames; }

    int chunkSize() const { return m_chunkSize; }
    int chunkCount() const { return int(m_chunks.size()); }
    const QStringList &chunk(int index) const { return m_chunks.at(index); }
    const QList<QStringList> &chunks() const { return m_chunks; }
    // The exact JSON body the run will POST for chunk `index`.
    QByteArray requestBody(int index) const;

    // The same plan without the given desktops (e.g. those another run already submitted).
    DeletionPlan without(const QStringList &desktopIds) const;

private:
    QStringList m_desktopIds;
    BatchDeleteOptions m_options;
    QHash<QString, QString> m_desktopNames;
    int m_chunkSize = kMaxChunkSize;
    QList<QStringList> m_chunks;
};
