#pragma once

#include <QString>

// What a documented error code of the Workspace API means, in the user's language, so that a
// reason the service sends in English (fail_reason, error_msg) comes with an explanation. Codes the
// documentation does not describe get none: the server's own text is then all there is.
namespace FailureExplanation {

// The translated explanation of `errorCode` ("WKS.0202", "APIGW.0301", …), or an empty string.
QString forCode(const QString &errorCode);

// "explanation (server reason)" when the code is known, otherwise the server's reason as it is.
QString withExplanation(const QString &errorCode, const QString &serverReason);

} // namespace FailureExplanation
