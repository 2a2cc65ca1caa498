#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// Checks answers against the operations of tests/data/workspace-api-definitions.json (the
// project's compact copy of the published definitions): the status is one the operation
// documents; a body documented as absent is empty; every field of a body is documented, has the
// documented type, enum, length, range and item count, and required fields are there.
class DefinitionChecker {
public:
    // Reads the file; isValid() is false (with the reason in error()) when it cannot.
    explicit DefinitionChecker(const QString &filePath);

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QStringList operations() const { return m_operations.keys(); }
    // The operation's documented query parameter, e.g. {"type":"integer","maximum":180}; empty
    // when not documented.
    QJsonObject queryParameter(const QString &operation, const QString &name) const;

    // What is wrong with this answer to the operation, one line per problem; empty when nothing.
    QStringList check(const QString &operation, int status, const QByteArray &body) const;

private:
    void checkValue(const QJsonValue &value, const QJsonObject &schema, const QJsonObject &definitions,
        const QString &where, QStringList *problems) const;
    void checkObject(const QJsonObject &object, const QJsonObject &schema, const QJsonObject &definitions,
        const QString &where, QStringList *problems) const;
    QJsonObject resolved(const QJsonObject &schema, const QJsonObject &definitions) const;
    // The properties of a schema and of every allOf part, each with its own schema.
    QJsonObject propertiesOf(const QJsonObject &schema, const QJsonObject &definitions) const;

    QJsonObject m_operations;
    QJsonObject m_errorBody;
    QString m_error;
};
