#include "simulatorreply.h"

#include <QJsonDocument>

SimulatorReply jsonReply(int status, const QJsonObject &object)
{
    return {status, QJsonDocument(object).toJson(QJsonDocument::Compact), {}};
}

SimulatorReply errorReply(int status, const QString &code, const QString &message, const QString &detail)
{
    // Both are documented as at most 1000 characters: a long list of ids is cut short.
    constexpr qsizetype kMaxText = 1000;
    QJsonObject body{{QStringLiteral("error_code"), code}, {QStringLiteral("error_msg"), message.left(kMaxText)}};
    if (!detail.isEmpty())
        body.insert(QStringLiteral("error_detail"), detail.left(kMaxText));
    return jsonReply(status, body);
}

SimulatorReply invalidParameterReply(const QString &message, const QString &detail)
{
    return errorReply(400, SimulatorErrorCode::kInvalidParameter, message, detail);
}

SimulatorReply emptyRequestReply()
{
    return errorReply(400, SimulatorErrorCode::kEmptyRequest,
                      QStringLiteral("The request message input by the interface is empty."));
}

SimulatorReply notFoundReply(NotFoundAnswer answer, const QString &detail)
{
    return errorReply(answer == NotFoundAnswer::Status500 ? 500 : 404, SimulatorErrorCode::kNotFound,
                      QStringLiteral("The resource not found"), detail);
}

bool isEmptyRequest(const QByteArray &body)
{
    return body.trimmed().isEmpty();
}
