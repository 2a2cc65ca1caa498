#include "simulatorreply.h"

#include <QJsonDocument>

SimulatorReply jsonReply(int status, const QJsonObject &object)
{
    return {status, QJsonDocument(object).toJson(QJsonDocument::Compact), {}};
}

SimulatorReply errorReply(int status, const QString &code, const QString &message, const QString &detail)
{
    QJsonObject body{{QStringLiteral("error_code"), code}, {QStringLiteral("error_msg"), message}};
    if (!detail.isEmpty())
        body.insert(QStringLiteral("error_detail"), detail);
    return jsonReply(status, body);
}
