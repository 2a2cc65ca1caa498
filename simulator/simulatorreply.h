#pragma once

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

// Error codes the simulator answers with. Documented: the gateway's (APIGW.*), WKS.00010032 (the
// only published conflict code, with 409) and WKS.0202 (resource not found, which the service is
// known to answer with HTTP 500). Not published, so the simulator's own and named as such:
// WKS.0001 (invalid parameter), WKS.0500 (server error), and the per-desktop failure codes of
// the unconfirmed cases (yearly/monthly, connected) and of injected faults.
namespace SimulatorErrorCode {
inline const QString kApiNotFound = QStringLiteral("APIGW.0101");
inline const QString kAuthenticationFailed = QStringLiteral("APIGW.0301");
inline const QString kForbidden = QStringLiteral("APIGW.0302");
inline const QString kThrottled = QStringLiteral("APIGW.0308");
inline const QString kInvalidParameter = QStringLiteral("WKS.0001");
inline const QString kNotFound = QStringLiteral("WKS.0202");
inline constexpr int kNotFoundStatus = 500;
inline const QString kConflict = QStringLiteral("WKS.00010032");
inline const QString kServerError = QStringLiteral("WKS.0500");
inline const QString kYearlyMonthly = QStringLiteral("WKS.0243");
inline const QString kUserConnected = QStringLiteral("WKS.0244");
inline const QString kInjectedFailure = QStringLiteral("WKS.0599");
} // namespace SimulatorErrorCode
