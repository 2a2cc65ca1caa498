#include "signingvectors.h"

#include <QFile>
#include <QJsonDocument>
#include <QString>

QJsonObject loadSigningVectors()
{
    QString path = qEnvironmentVariable("WORKSPACE_SIGNING_VECTORS");
    if (path.isEmpty())
        path = QStringLiteral(WORKSPACE_SHARED_DIR "/testdata/signing-vectors.json");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open the signing vectors at %s", qPrintable(path));
    return QJsonDocument::fromJson(file.readAll()).object();
}
