#include "definitionchecker.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace {

bool hasType(const QJsonValue &value, const QString &type)
{
    if (type == QLatin1String("string"))
        return value.isString();
    if (type == QLatin1String("boolean"))
        return value.isBool();
    if (type == QLatin1String("number"))
        return value.isDouble();
    if (type == QLatin1String("integer"))
        return value.isDouble() && std::nearbyint(value.toDouble()) == value.toDouble();
    if (type == QLatin1String("array"))
        return value.isArray();
    if (type == QLatin1String("object"))
        return value.isObject();
    return false;
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

// A bound of the schema, when it has one.
bool bound(const QJsonObject &schema, const char *key, double *value)
{
    const QJsonValue bound = schema.value(QLatin1String(key));
    if (!bound.isDouble())
        return false;
    *value = bound.toDouble();
    return true;
}

} // namespace

DefinitionChecker::DefinitionChecker(const QString &filePath)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = file.errorString();
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        m_error = parseError.errorString();
        return;
    }
    m_operations = document.object().value(QLatin1String("operations")).toObject();
    m_errorBody = document.object().value(QLatin1String("errorBody")).toObject();
    if (m_operations.isEmpty() || m_errorBody.isEmpty())
        m_error = QStringLiteral("no operations or no error body");
}

QJsonObject DefinitionChecker::queryParameter(const QString &operation, const QString &name) const
{
    return m_operations.value(operation).toObject().value(QLatin1String("query")).toObject().value(name).toObject();
}

QStringList DefinitionChecker::check(const QString &operation, int status, const QByteArray &body) const
{
    const QJsonObject definition = m_operations.value(operation).toObject();
    if (definition.isEmpty())
        return { QStringLiteral("%1 is not a known operation").arg(operation) };
    const QJsonObject responses = definition.value(QLatin1String("responses")).toObject();
    QString key = QString::number(status);
    if (!responses.contains(key) && status >= 400 && responses.contains(QLatin1String("default")))
        key = QStringLiteral("default");
    if (!responses.contains(key))
        return { QStringLiteral("%1 answered %2, which it does not document").arg(operation).arg(status) };
    const QJsonValue schema = responses.value(key);
    if (schema.isNull()) {
        if (!body.trimmed().isEmpty())
            return { QStringLiteral("%1 %2 documents no body, got %3")
                         .arg(operation)
                         .arg(status)
                         .arg(QString::fromUtf8(body.left(200))) };
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return {
            QStringLiteral("%1 %2: the body is not JSON: %3").arg(operation).arg(status).arg(parseError.errorString())
        };
    QStringList problems;
    const QJsonValue root = document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
    checkValue(root, schema.toObject(), definition.value(QLatin1String("definitions")).toObject(),
        QStringLiteral("%1 %2").arg(operation).arg(status), &problems);
    return problems;
}

QJsonObject DefinitionChecker::resolved(const QJsonObject &schema, const QJsonObject &definitions) const
{
    const QString reference = schema.value(QLatin1String("$ref")).toString();
    if (reference.isEmpty())
        return schema;
    if (reference == QLatin1String("#/errorBody"))
        return m_errorBody;
    return resolved(definitions.value(reference.section(QLatin1Char('/'), -1)).toObject(), definitions);
}

QJsonObject DefinitionChecker::propertiesOf(const QJsonObject &schema, const QJsonObject &definitions) const
{
    QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
    for (const QJsonValue &part : schema.value(QLatin1String("allOf")).toArray()) {
        const QJsonObject more = propertiesOf(resolved(part.toObject(), definitions), definitions);
        for (auto it = more.begin(); it != more.end(); ++it)
            properties.insert(it.key(), it.value());
    }
    return properties;
}

void DefinitionChecker::checkValue(const QJsonValue &value, const QJsonObject &declared, const QJsonObject &definitions,
    const QString &where, QStringList *problems) const
{
    const QJsonObject schema = resolved(declared, definitions);
    QString type = schema.value(QLatin1String("type")).toString();
    if (type.isEmpty() && (schema.contains(QLatin1String("properties")) || schema.contains(QLatin1String("allOf"))))
        type = QStringLiteral("object");
    if (!type.isEmpty() && !hasType(value, type)) {
        problems->append(QStringLiteral("%1: %2 where %3 is documented").arg(where, typeName(value), type));
        return;
    }
    double limit = 0;
    if (value.isString()) {
        const QString text = value.toString();
        const QJsonArray allowed = schema.value(QLatin1String("enum")).toArray();
        if (!allowed.isEmpty() && !allowed.contains(text))
            problems->append(QStringLiteral("%1: \"%2\" is not a documented value").arg(where, text));
        if (bound(schema, "minLength", &limit) && text.size() < limit)
            problems->append(QStringLiteral("%1: \"%2\" is shorter than %3").arg(where, text).arg(limit));
        if (bound(schema, "maxLength", &limit) && text.size() > limit)
            problems->append(QStringLiteral("%1: %2 characters, more than %3").arg(where).arg(text.size()).arg(limit));
    } else if (value.isDouble()) {
        if (bound(schema, "minimum", &limit) && value.toDouble() < limit)
            problems->append(QStringLiteral("%1: %2 is below %3").arg(where).arg(value.toDouble()).arg(limit));
        if (bound(schema, "maximum", &limit) && value.toDouble() > limit)
            problems->append(QStringLiteral("%1: %2 is above %3").arg(where).arg(value.toDouble()).arg(limit));
    } else if (value.isArray()) {
        const QJsonArray items = value.toArray();
        if (bound(schema, "minItems", &limit) && items.size() < limit)
            problems->append(QStringLiteral("%1: %2 items, fewer than %3").arg(where).arg(items.size()).arg(limit));
        if (bound(schema, "maxItems", &limit) && items.size() > limit)
            problems->append(QStringLiteral("%1: %2 items, more than %3").arg(where).arg(items.size()).arg(limit));
        const QJsonObject itemSchema = schema.value(QLatin1String("items")).toObject();
        for (qsizetype i = 0; i < items.size(); ++i)
            checkValue(items.at(i), itemSchema, definitions, QStringLiteral("%1[%2]").arg(where).arg(i), problems);
    } else if (value.isObject()) {
        checkObject(value.toObject(), schema, definitions, where, problems);
    }
}

void DefinitionChecker::checkObject(const QJsonObject &object, const QJsonObject &schema,
    const QJsonObject &definitions, const QString &where, QStringList *problems) const
{
    // A map ("addresses", "metadata"): any key, each value as documented.
    const QJsonValue mapValues = schema.value(QLatin1String("additionalProperties"));
    if (mapValues.isObject()) {
        for (auto it = object.begin(); it != object.end(); ++it)
            checkValue(it.value(), mapValues.toObject(), definitions, where + QLatin1Char('.') + it.key(), problems);
        return;
    }
    const QJsonObject properties = propertiesOf(schema, definitions);
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString field = where + QLatin1Char('.') + it.key();
        if (!properties.contains(it.key()))
            problems->append(QStringLiteral("%1 is not documented").arg(field));
        else
            checkValue(it.value(), properties.value(it.key()).toObject(), definitions, field, problems);
    }
    QJsonArray required = schema.value(QLatin1String("required")).toArray();
    for (const QJsonValue &part : schema.value(QLatin1String("allOf")).toArray()) {
        for (const QJsonValue &name : resolved(part.toObject(), definitions).value(QLatin1String("required")).toArray())
            required.append(name);
    }
    for (const QJsonValue &name : std::as_const(required)) {
        if (!object.contains(name.toString()))
            problems->append(QStringLiteral("%1.%2 is required and missing").arg(where, name.toString()));
    }
}
