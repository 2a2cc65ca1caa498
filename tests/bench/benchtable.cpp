#include "benchtable.h"

#include "desktoploader.h"
#include "fakenetworkaccessmanager.h"
#include "tableheader.h"

#include "api/apiclient.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QUrlQuery>

BenchTable::BenchTable()
{
    m_proxy.setDesktopModel(&m_model);
    m_view.setModel(&m_proxy);
    m_view.setSortingEnabled(true);
    m_view.sortByColumn(DesktopTableModel::NameColumn, Qt::AscendingOrder);
    m_view.setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view.setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view.setWordWrap(false);
    m_view.verticalHeader()->hide();
    m_view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view.horizontalHeader()->setStretchLastSection(true);
    keepHeaderOutOfSelection(&m_view);
    m_view.resize(1200, 700);
    m_view.show();
}

bool BenchTable::loadPages(const QList<QByteArray> &pages, int pageSize, QString *error)
{
    // The service, minus the network: each request is answered from the event loop with the page
    // its offset names.
    FakeNetworkAccessManager network;
    network.setHandler([&pages, pageSize](const RecordedRequest &request, int) {
        const int index = QUrlQuery(request.url).queryItemValue(QStringLiteral("offset")).toInt() / pageSize;
        if (index >= pages.size())
            return FakeResponse::json(200, QByteArrayLiteral(R"({"total_count":0,"desktops":[]})"));
        return FakeResponse::json(200, pages.at(index));
    });
    ClientConfig config;
    config.endpoint = QUrl(QStringLiteral("https://workspace.bench.example"));
    config.projectId = QStringLiteral("bench-project");
    Credentials credentials;
    credentials.accessKey = QStringLiteral("BENCHACCESSKEY");
    credentials.secretKey = QStringLiteral("bench-secret-key-not-a-real-one");
    ApiClient client(&network, config, credentials);

    DesktopLoader loader(&m_model);
    loader.setClient(&client);
    loader.setPageSize(pageSize);
    QSignalSpy finished(&loader, &DesktopLoader::loadingFinished);
    loader.load();
    if (!finished.wait(120000)) {
        *error = QStringLiteral("the listing did not finish");
        return false;
    }
    const ApiError result = finished.at(0).at(0).value<ApiError>();
    if (result.isError()) {
        *error = result.summary();
        return false;
    }
    return true;
}

QSet<QString> BenchTable::selectedIds() const
{
    const QModelIndexList rows = m_view.selectionModel()->selectedRows();
    QSet<QString> ids;
    ids.reserve(rows.size());
    for (const QModelIndex &index : rows)
        ids.insert(m_model.idAt(m_proxy.mapToSource(index).row()));
    return ids;
}
