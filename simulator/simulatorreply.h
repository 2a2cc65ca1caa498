#pragma once

#include "simulatorconfig.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

// One answer of the simulator before delivery (where faults may still change it).
struct SimulatorReply
{
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
};

SimulatorReply jsonReply(int status, const QJsonObject &object);
// The documented error body: error_code, error_msg and, when given, error_detail.
SimulatorReply errorReply(int status, const QString &code, const QString &message, const QString &detail = {});

// Error codes the simulator answers with. Documented: the gateway's (APIGW.*, APIGW.0201 being its
// generic "invalid request parameters"), WKS.0001 (the request message is empty), WKS.00010032 (the
// only published conflict code, with 409) and WKS.0202 (resource not found). Not published, so the
// simulator's own and named as assumptions in docs/SIMULATOR-ASSUMPTIONS.md: WKS.0500 (an injected
// server error) and the per-desktop failure codes of the unconfirmed cases (yearly/monthly,
// connected) and of injected faults.
namespace SimulatorErrorCode {
inline const QString kApiNotFound = QStringLiteral("APIGW.0101");
inline const QString kInvalidParameter = QStringLiteral("APIGW.0201");
inline const QString kAuthenticationFailed = QStringLiteral("APIGW.0301");
inline const QString kForbidden = QStringLiteral("APIGW.0302");
inline const QString kThrottled = QStringLiteral("APIGW.0308");
inline const QString kEmptyRequest = QStringLiteral("WKS.0001");
inline const QString kNotFound = QStringLiteral("WKS.0202");
inline const QString kConflict = QStringLiteral("WKS.00010032");
inline const QString kServerError = QStringLiteral("WKS.0500");
// ASSUMPTION: no code is published for the refusal of a yearly/monthly desktop; WKS.0243 is the
// simulator's own, and the app never relies on it (it judges by the desktop's billing mode).
inline const QString kYearlyMonthly = QStringLiteral("WKS.0243");
inline const QString kUserConnected = QStringLiteral("WKS.0244");
inline const QString kInjectedFailure = QStringLiteral("WKS.0599");
} // namespace SimulatorErrorCode

// 400 with the gateway's generic code: a parameter or body that breaks the documented rules.
SimulatorReply invalidParameterReply(const QString &message, const QString &detail = {});
// 400 WKS.0001: a changing call sent without a body.
SimulatorReply emptyRequestReply();
// A desktop, job or pool nobody knows: 404 or, as the service is known to answer, 500; both with
// WKS.0202.
SimulatorReply notFoundReply(NotFoundAnswer answer, const QString &detail);
// Whether a request body is empty (nothing but white space): WKS.0001 rather than a parse error.
bool isEmptyRequest(const QByteArray &body);
