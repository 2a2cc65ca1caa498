#include "decommissionjson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QStringDecoder>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

std::optional<QJsonObject> objectOf(const QByteArray &body, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        fail(error, QCoreApplication::translate("DecommissionJson", "invalid JSON at byte %1: %2").arg(parseError.offset).arg(parseError.errorString()));
        return std::nullopt;
    }
    if (!document.isObject()) {
        fail(error, QCoreApplication::translate("DecommissionJson", "expected a JSON object"));
        return std::nullopt;
    }
    return document.object();
}

QString text(const QJsonObject &object, QLatin1String key)
{
    return DecommissionJson::boundedText(object.value(key).toString());
}

// A count or a number of seconds: a non-negative whole number, sent as a number or as its text.
// Far beyond any real value (three thousand years in seconds) reads as unusable.
std::optional<qint64> wholeNumber(const QJsonValue &value)
{
    double number = std::nan("");
    if (value.isDouble()) {
        number = value.toDouble();
    } else if (value.isString()) {
        bool ok = false;
        number = value.toString().toDouble(&ok);
        if (!ok)
            return std::nullopt;
    }
    if (!std::isfinite(number) || number < 0 || number > 1e11)
        return std::nullopt;
    return qint64(std::llround(number));
}

// A documented optional number: absent or null is "not told"; anything else must be usable.
bool readOptionalCount(const QJsonObject &object, QLatin1String key, int *count, QString *error)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return true;
    const std::optional<qint64> number = wholeNumber(value);
    if (!number || *number > std::numeric_limits<int>::max())
        return fail(error, QCoreApplication::translate("DecommissionJson", "\"%1\" is not a count").arg(key));
    *count = int(*number);
    return true;
}

std::optional<bool> optionalBool(const QJsonObject &object, QLatin1String key)
{
    const QJsonValue value = object.value(key);
    if (value.isBool())
        return value.toBool();
    return std::nullopt;
}

// The array under `key`, or an error naming it; absent or null is an empty list.
std::optional<QJsonArray> arrayOf(const QJsonObject &object, QLatin1String key, QString *error)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull())
        return QJsonArray();
    if (!value.isArray()) {
        fail(error, QCoreApplication::translate("DecommissionJson", "\"%1\" is not an array").arg(key));
        return std::nullopt;
    }
    return value.toArray();
}

// An id the rest of the app may use, or the given error.
bool readId(const QJsonObject &object, QLatin1String key, const QString &unusable, QString *id, QString *error)
{
    const QJsonValue value = object.value(key);
    *id = value.isString() ? value.toString() : QString();
    if (DecommissionJson::isUsableId(*id))
        return true;
    id->clear();
    return fail(error, unusable);
}

bool readMetrics(const QJsonArray &metrics, DesktopUsage &usage, QString *error)
{
    for (const QJsonValue &entry : metrics) {
        const QJsonObject metric = entry.toObject();
        const QString name = metric.value(QLatin1String("metric_name")).toString();
        std::optional<qint64> *target = name == QLatin1String("desktop_usage") ? &usage.usageSeconds
            : name == QLatin1String("desktop_idle_duration")                  ? &usage.idleSeconds
                                                                               : nullptr;
        if (!target) // another metric: not one the app reads
            continue;
        const QJsonValue value = metric.value(QLatin1String("metric_value"));
        if (value.isUndefined() || value.isNull())
            continue; // no data for this metric
        *target = wholeNumber(value);
        if (!*target)
            return fail(error, QCoreApplication::translate("DecommissionJson", "the %1 of desktop %2 is not a number of seconds").arg(name, usage.desktopId));
    }
    return true;
}

// product.charge_mode and the pool's own charging_mode share one coding ("0" yearly/monthly, "1"
// pay-per-use); the published example carries only the first. Two that disagree tell nothing.
BillingMode poolBillingMode(const QJsonObject &pool)
{
    const BillingMode product = billingModeFromFields(
        pool.value(QLatin1String("product")).toObject().value(QLatin1String("charge_mode")).toString(), {}, {});
    const BillingMode own = billingModeFromFields(pool.value(QLatin1String("charging_mode")).toString(), {}, {});
    if (product == BillingMode::Unknown)
        return own;
    return own == BillingMode::Unknown || own == product ? product : BillingMode::Unknown;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

std::optional<int> DesktopUsage::idleDays() const
{
    if (!idleSeconds)
        return std::nullopt;
    return int(std::min<qint64>(*idleSeconds / 86400, knowableIdleDays));
}

bool DesktopUsage::idleBeyondKnowable() const
{
    return idleSeconds && *idleSeconds > qint64(knowableIdleDays) * 86400;
}

bool DesktopUsage::sameValues(const DesktopUsage &other) const
{
    return idleSeconds == other.idleSeconds && usageSeconds == other.usageSeconds && poolId == other.poolId
        && desktopName == other.desktopName;
}

int DesktopUsage::knowableIdleDaysOf(const QDateTime &start, const QDateTime &end)
{
    const qint64 seconds = start.isValid() && end.isValid() ? start.secsTo(end) : 0;
    const qint64 days = (seconds + 86399) / 86400;
    return int(std::clamp<qint64>(days, 1, kServiceMemoryDays));
}

std::optional<double> DesktopUsage::usedHours() const
{
    if (!usageSeconds)
        return std::nullopt;
    return double(*usageSeconds) / 3600.0;
}

namespace DecommissionJson {

QString boundedText(const QString &text)
{
    if (text.size() <= kMaxTextChars)
        return text;
    // Marked, so that nobody takes the shortened text for the whole.
    return QCoreApplication::translate("DecommissionJson", "%1… (%2 characters in all)").arg(text.left(kMaxTextChars)).arg(text.size());
}

bool isUsableId(const QString &id)
{
    if (id.isEmpty() || id.size() > kMaxIdChars)
        return false;
    bool onlyDots = true;
    for (const QChar c : id) {
        const char16_t u = c.unicode();
        const bool allowed = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
            || u == u'-' || u == u'_' || u == u'.' || u == u':';
        if (!allowed)
            return false;
        onlyDots = onlyDots && u == u'.';
    }
    return !onlyDots;
}

std::optional<DesktopUsagePage> parseUsagePage(const QByteArray &body, QString *error)
{
    const std::optional<QJsonObject> object = objectOf(body, error);
    if (!object)
        return std::nullopt;
    // Something else behind a 200 (an error body, a proxy's page) is not "no statistics".
    if (!object->contains(QLatin1String("items")) && !object->contains(QLatin1String("count"))) {
        fail(error, QCoreApplication::translate("DecommissionJson", "the answer has neither \"items\" nor \"count\""));
        return std::nullopt;
    }
    DesktopUsagePage page;
    if (!readOptionalCount(*object, QLatin1String("count"), &page.count, error))
        return std::nullopt;
    const std::optional<QJsonArray> items = arrayOf(*object, QLatin1String("items"), error);
    if (!items)
        return std::nullopt;
    for (const QJsonValue &entry : *items) {
        if (!entry.isObject()) {
            fail(error, QCoreApplication::translate("DecommissionJson", "a usage entry is not an object"));
            return std::nullopt;
        }
        const QJsonObject item = entry.toObject();
        DesktopUsage usage;
        if (!readId(item, QLatin1String("resource_id"), QCoreApplication::translate("DecommissionJson", "a usage entry has no usable resource_id"), &usage.desktopId, error))
            return std::nullopt;
        usage.desktopName = text(item, QLatin1String("resource_name"));
        const QString poolId = item.value(QLatin1String("resource_pool_id")).toString();
        if (!poolId.isEmpty() && !isUsableId(poolId)) {
            fail(error, QCoreApplication::translate("DecommissionJson", "desktop %1 has an unusable resource_pool_id").arg(usage.desktopId));
            return std::nullopt;
        }
        usage.poolId = poolId;
        const std::optional<QJsonArray> metrics = arrayOf(item, QLatin1String("metric"), error);
        if (!metrics || !readMetrics(*metrics, usage, error))
            return std::nullopt;
        page.items.append(std::move(usage));
    }
    return page;
}

std::optional<DesktopPoolPage> parsePoolPage(const QByteArray &body, QString *error)
{
    const std::optional<QJsonObject> object = objectOf(body, error);
    if (!object)
        return std::nullopt;
    if (!object->contains(QLatin1String("desktop_pools")) && !object->contains(QLatin1String("total_count"))) {
        fail(error, QCoreApplication::translate("DecommissionJson", "the answer has neither \"desktop_pools\" nor \"total_count\""));
        return std::nullopt;
    }
    DesktopPoolPage page;
    if (!readOptionalCount(*object, QLatin1String("total_count"), &page.totalCount, error))
        return std::nullopt;
    const std::optional<QJsonArray> pools = arrayOf(*object, QLatin1String("desktop_pools"), error);
    if (!pools)
        return std::nullopt;
    for (const QJsonValue &entry : *pools) {
        if (!entry.isObject()) {
            fail(error, QCoreApplication::translate("DecommissionJson", "a desktop pool entry is not an object"));
            return std::nullopt;
        }
        const QJsonObject item = entry.toObject();
        DesktopPool pool;
        if (!readId(item, QLatin1String("id"), QCoreApplication::translate("DecommissionJson", "a desktop pool has no usable id"), &pool.id, error))
            return std::nullopt;
        pool.name = text(item, QLatin1String("name"));
        pool.type = text(item, QLatin1String("type"));
        if (!readOptionalCount(item, QLatin1String("desktop_count"), &pool.desktopCount, error)
            || !readOptionalCount(item, QLatin1String("desktop_used"), &pool.desktopUsed, error))
            return std::nullopt;
        pool.autoscaleEnabled = optionalBool(item, QLatin1String("enable_autoscale"));
        pool.inMaintenanceMode = optionalBool(item, QLatin1String("in_maintenance_mode"));
        const QJsonValue policyValue = item.value(QLatin1String("autoscale_policy"));
        if (policyValue.isObject()) {
            const QJsonObject policyObject = policyValue.toObject();
            AutoscalePolicy policy;
            policy.autoscaleType = text(policyObject, QLatin1String("autoscale_type"));
            int number = 0;
            if (readOptionalCount(policyObject, QLatin1String("max_auto_created"), &number, nullptr)
                && policyObject.contains(QLatin1String("max_auto_created")))
                policy.maxAutoCreated = number;
            if (readOptionalCount(policyObject, QLatin1String("min_idle"), &number, nullptr)
                && policyObject.contains(QLatin1String("min_idle")))
                policy.minIdle = number;
            pool.autoscalePolicy = policy;
        }
        pool.billingMode = poolBillingMode(item);
        page.pools.append(std::move(pool));
    }
    return page;
}

// The service is a Java one: the definitions annotate the field with Bean Validation's @Size, which
// counts String.length(), that is UTF-16 code units — QString::size(). A character beyond the
// Basic Multilingual Plane (an emoji) counts twice there, so it counts twice here.
std::optional<QString> logoffMessageProblem(const QString &message)
{
    if (message.trimmed().isEmpty())
        return QCoreApplication::translate("DecommissionJson", "The log-off message is empty: the users are told why "
                                                               "they are logged off.");
    if (message.size() > kMaxLogoffMessageUnits)
        return QCoreApplication::translate("DecommissionJson", "The log-off message has %1 characters; the service "
                                                               "takes at most %2.")
            .arg(message.size())
            .arg(kMaxLogoffMessageUnits);
    for (qsizetype i = 0; i < message.size(); ++i) {
        const QChar c = message.at(i);
        if (c.isHighSurrogate() && i + 1 < message.size() && message.at(i + 1).isLowSurrogate()) {
            ++i;
            continue;
        }
        // U+FFFD is what a decoder leaves of bytes that were not text: never meant for the users.
        if (c.isSurrogate() || c == QChar::ReplacementCharacter || c.unicode() == 0xFFFF
            || (c.category() == QChar::Other_Control && c != QLatin1Char('\n') && c != QLatin1Char('\t')))
            return QCoreApplication::translate("DecommissionJson", "The log-off message holds a character that is not "
                                                                   "text (at position %1).")
                .arg(i + 1);
    }
    return std::nullopt;
}

qsizetype logoffMessageUnitsLeft(const QString &message)
{
    return kMaxLogoffMessageUnits - message.size();
}

std::optional<QString> logoffMessageFromUtf8(const QByteArray &bytes, QString *problem)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder(bytes);
    if (decoder.hasError()) {
        if (problem)
            *problem = QCoreApplication::translate("DecommissionJson", "The log-off message is not valid UTF-8 text.");
        return std::nullopt;
    }
    return text;
}

std::optional<PoolDesktopPage> parsePoolDesktopPage(const QByteArray &body, QString *error)
{
    const std::optional<QJsonObject> object = objectOf(body, error);
    if (!object)
        return std::nullopt;
    // The list key is pool_desktops; an answer with neither it nor a count is something else.
    if (!object->contains(QLatin1String("pool_desktops")) && !object->contains(QLatin1String("total_count"))) {
        fail(error, QCoreApplication::translate("DecommissionJson", "the answer has neither \"pool_desktops\" nor \"total_count\""));
        return std::nullopt;
    }
    PoolDesktopPage page;
    if (!readOptionalCount(*object, QLatin1String("total_count"), &page.totalCount, error))
        return std::nullopt;
    const std::optional<QJsonArray> desktops = arrayOf(*object, QLatin1String("pool_desktops"), error);
    if (!desktops)
        return std::nullopt;
    for (const QJsonValue &entry : *desktops) {
        QString id;
        if (!entry.isObject()
            || !readId(entry.toObject(), QLatin1String("desktop_id"),
                       QCoreApplication::translate("DecommissionJson", "a pool's desktop has no usable desktop_id"), &id, error))
            return std::nullopt;
        page.desktopIds.append(id);
    }
    return page;
}

bool parseEmptyAnswer(const QByteArray &body, QString *error)
{
    if (body.trimmed().isEmpty())
        return true;
    return objectOf(body, error).has_value();
}

QByteArray maintenanceModeBody(const QStringList &desktopIds, bool inMaintenanceMode)
{
    return compact({{QLatin1String("desktop_ids"), QJsonArray::fromStringList(desktopIds)},
                    {QLatin1String("in_maintenance_mode"), inMaintenanceMode}});
}

QByteArray logoffBody(const QStringList &desktopIds, const QString &message)
{
    return compact({{QLatin1String("desktop_ids"), QJsonArray::fromStringList(desktopIds)}, {QLatin1String("message"), message}});
}

QByteArray poolAutoscaleBody(bool enableAutoscale)
{
    return compact({{QLatin1String("enable_autoscale"), enableAutoscale}});
}

} // namespace DecommissionJson
