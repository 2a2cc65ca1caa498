#pragma once

#include "api/apierror.h"
#include "api/workspacetypes.h"

#include <QDialog>
#include <QList>
#include <QPointer>

class DesktopLoader;
class ErrorBanner;
class QLabel;
class QPlainTextEdit;

// Every field of one desktop, as a form and as the JSON the server sent. Non-modal.
// The table keeps only the fields it shows: the dialog opens with those and, given a loader,
// asks the server for the desktop's full answer, which replaces them when it arrives. On failure
// the kept fields stay, under the error.
class DesktopDetailsDialog : public QDialog
{
    Q_OBJECT
public:
    // What the table knows of the desktop beyond the listing's fields: the name of its pool and
    // its usage in the period loaded, as the table shows them.
    struct TableFacts
    {
        QString poolName;
        QString idleDays;
        QString usedHours;
    };

    explicit DesktopDetailsDialog(const Desktop &desktop, const TableFacts &facts = {}, QWidget *parent = nullptr);

    // Fetches the full desktop through loader (DesktopLoader::fetchDesktop) and shows it.
    void fetchAllFields(DesktopLoader *loader);

    bool isFetching() const { return m_fetching; }
    QString noticeText() const;
    bool isNoticeShown() const;
    ErrorBanner *errorBanner() const { return m_error; }
    QString jsonText() const;
    // The value shown for a field, by its label ("Status:"); empty when there is no such field.
    QString fieldText(const QString &label) const;

Q_SIGNALS:
    // A fetch ended, with the full desktop shown or with the error shown above the kept fields.
    void fetchFinished(const ApiError &error);

private:
    void showDesktop(const Desktop &desktop);
    void onDesktopFetched(const QString &desktopId, const Desktop &desktop, const ApiError &error);

    QString m_desktopId;
    TableFacts m_facts;
    QPointer<DesktopLoader> m_loader;
    bool m_fetching = false;
    QLabel *m_notice;
    ErrorBanner *m_error;
    QList<QPair<QLabel *, QLabel *>> m_fields; // label, value
    QPlainTextEdit *m_json;
};
