// WorkspaceJson::parseDesktopPage: the hot path of listing (a 100k-desktop project is 118 MB of
// JSON). simdjson validates and indexes an answer several times faster than QJsonDocument, and the
// fields are read in one pass over each desktop without building a QJsonObject per desktop.
// The rules are those of parseDesktopPageWithQt (Qt's JSON classes and desktopFromJson); a test
// and the fuzzer compare the two on every input.
#include "serverinput.h"
#include "workspacejson.h"

#include <QCoreApplication>
#include <QLocale>
#include <QMap>

#include <simdjson.h>

#include <string_view>
#include <unordered_map>

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

// Every string of the answer passes here: bounded before anything keeps it.
QString toQString(std::string_view text)
{
    return ServerInput::boundedUtf8(text);
}

// A string, or a number as its shortest exact text ("0.1", "12"), like the QJsonObject reader;
// anything else is empty.
QString textOf(element value)
{
    switch (value.type()) {
    case element_type::STRING:
        return toQString(value.get_string().value_unsafe());
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
        return QString::number(value.get_double().value_unsafe(), 'g', QLocale::FloatingPointShortest);
    default:
        return {};
    }
}

// total_count as DesktopPageShape reads a count.
std::optional<int> countOf(element value)
{
    switch (value.type()) {
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
        return WorkspaceJson::DesktopPageShape::countFromNumber(value.get_double().value_unsafe());
    case element_type::STRING:
        return WorkspaceJson::DesktopPageShape::countFromText(toQString(value.get_string().value_unsafe()));
    default:
        return std::nullopt;
    }
}

// Status, zone, product, image… take a handful of values across a page: each is decoded once
// per page and shared by the desktops that have it, which saves most of a page's allocations
// (and their freeing on the GUI thread).
class SharedTexts
{
public:
    QString text(element value)
    {
        if (!value.is_string())
            return textOf(value);
        const std::string_view bytes = value.get_string().value_unsafe();
        const auto found = m_texts.find(bytes);
        if (found != m_texts.end())
            return found->second;
        QString decoded = toQString(bytes);
        m_texts.emplace(bytes, decoded); // the view stays valid while the parsed document lives
        return decoded;
    }

private:
    std::unordered_map<std::string_view, QString> m_texts;
};

// The "addr" of each {addr, version, …} entry of an array, in order.
void appendAddresses(element entries, QStringList &addresses)
{
    simdjson::dom::array array;
    if (entries.get_array().get(array) != simdjson::SUCCESS)
        return;
    for (const element entry : array) {
        simdjson::dom::object entryObject;
        if (entry.get_object().get(entryObject) != simdjson::SUCCESS)
            continue;
        QString address;
        for (const simdjson::dom::key_value_pair field : entryObject) {
            if (field.key == "addr")
                address = field.value.is_string() ? toQString(field.value.get_string().value_unsafe()) : QString();
        }
        if (!address.isEmpty())
            addresses.append(address);
    }
}

// "addresses" in its two documented shapes: {network: [{"addr": …}, …]}, networks in the order of
// their names as a QJsonObject iterates them (a name given twice counts once, with its last
// value), or an array of the entries themselves.
QStringList addressesOf(element value)
{
    QStringList addresses;
    if (value.is_array()) {
        appendAddresses(value, addresses);
        return addresses;
    }
    simdjson::dom::object object;
    if (value.get_object().get(object) != simdjson::SUCCESS)
        return {};
    QMap<QString, element> byName;
    for (const simdjson::dom::key_value_pair field : object)
        byName.insert(toQString(field.key), field.value);
    for (const element entries : std::as_const(byName))
        appendAddresses(entries, addresses);
    return addresses;
}

// The texts the billing mode is decided from, each the last one given (as in a QJsonObject).
struct BillingFields
{
    QString productChargeMode;
    QString orderId;
    QString metadataChargingMode;
};

void readProduct(element value, BillingFields &billing)
{
    billing.productChargeMode.clear();
    simdjson::dom::object object;
    if (value.get_object().get(object) != simdjson::SUCCESS)
        return;
    for (const simdjson::dom::key_value_pair field : object) {
        if (field.key == "charge_mode")
            billing.productChargeMode = textOf(field.value);
    }
}

void readMetadata(element value, Desktop &desktop, BillingFields &billing, SharedTexts &shared)
{
    desktop.osType.clear();
    desktop.imageName.clear();
    billing.metadataChargingMode.clear();
    simdjson::dom::object object;
    if (value.get_object().get(object) != simdjson::SUCCESS)
        return;
    for (const simdjson::dom::key_value_pair field : object) {
        if (field.key == "os_type")
            desktop.osType = shared.text(field.value);
        else if (field.key == "image_name")
            desktop.imageName = shared.text(field.value);
        else if (field.key == "charging_mode")
            billing.metadataChargingMode = textOf(field.value);
    }
}

QList<QPair<QString, QString>> tagsOf(element value, SharedTexts &shared)
{
    QList<QPair<QString, QString>> tags;
    simdjson::dom::array array;
    if (value.get_array().get(array) != simdjson::SUCCESS)
        return tags;
    for (const element tag : array) {
        simdjson::dom::object object;
        if (tag.get_object().get(object) != simdjson::SUCCESS)
            continue;
        QString key;
        QString tagValue;
        for (const simdjson::dom::key_value_pair field : object) {
            if (field.key == "key")
                key = shared.text(field.value);
            else if (field.key == "value")
                tagValue = shared.text(field.value);
        }
        if (!key.isEmpty())
            tags.append({key, tagValue});
    }
    return tags;
}

QStringList stringsOf(element value)
{
    QStringList strings;
    simdjson::dom::array array;
    if (value.get_array().get(array) != simdjson::SUCCESS)
        return strings;
    for (const element item : array) {
        if (item.is_string())
            strings.append(toQString(item.get_string().value_unsafe()));
    }
    return strings;
}

// attach_user_infos as desktopFromJson reads it: objects only, each key's last value, an entry
// with neither id nor name left out.
QList<AttachedUser> attachedUsersOf(element value, SharedTexts &shared)
{
    QList<AttachedUser> users;
    simdjson::dom::array array;
    if (value.get_array().get(array) != simdjson::SUCCESS)
        return users;
    for (const element item : array) {
        simdjson::dom::object object;
        if (item.get_object().get(object) != simdjson::SUCCESS)
            continue;
        AttachedUser user;
        QString type;
        for (const simdjson::dom::key_value_pair field : object) {
            if (field.key == "user_id")
                user.id = textOf(field.value);
            else if (field.key == "user_name")
                user.name = textOf(field.value);
            else if (field.key == "user_group")
                user.permissionGroup = shared.text(field.value);
            else if (field.key == "type")
                type = shared.text(field.value);
        }
        user.type = WorkspaceJson::attachedUserType(type);
        if (!user.id.isEmpty() || !user.name.isEmpty())
            users.append(user);
    }
    return users;
}

// One pass over the desktop's fields. A key given twice counts with its last value, as in a
// QJsonObject.
Desktop desktopOf(simdjson::dom::object object, SharedTexts &shared)
{
    Desktop desktop;
    QString created;
    std::optional<element> addresses;
    BillingFields billing;
    for (const simdjson::dom::key_value_pair field : object) {
        const std::string_view key = field.key;
        const element value = field.value;
        if (key == "desktop_id")
            desktop.id = textOf(value);
        else if (key == "computer_name")
            desktop.computerName = textOf(value);
        else if (key == "status")
            desktop.status = shared.text(value);
        else if (key == "task_status")
            desktop.taskStatus = shared.text(value);
        else if (key == "login_status")
            desktop.loginStatus = shared.text(value);
        else if (key == "user_name")
            desktop.userName = textOf(value);
        else if (key == "user_group")
            desktop.userGroup = shared.text(value);
        else if (key == "desktop_type")
            desktop.desktopType = shared.text(value);
        else if (key == "product_id")
            desktop.productId = shared.text(value);
        else if (key == "availability_zone")
            desktop.availabilityZone = shared.text(value);
        else if (key == "sid")
            desktop.sid = textOf(value);
        else if (key == "created")
            created = textOf(value);
        else if (key == "ip_addresses")
            desktop.ipAddresses = stringsOf(value);
        else if (key == "addresses")
            addresses = value;
        else if (key == "flavor") {
            desktop.flavorId.clear();
            simdjson::dom::object flavor;
            if (value.get_object().get(flavor) == simdjson::SUCCESS) {
                for (const simdjson::dom::key_value_pair flavorField : flavor) {
                    if (flavorField.key == "id")
                        desktop.flavorId = shared.text(flavorField.value);
                }
            }
        } else if (key == "metadata")
            readMetadata(value, desktop, billing, shared);
        else if (key == "product")
            readProduct(value, billing);
        else if (key == "order_id")
            billing.orderId = textOf(value);
        else if (key == "pool_id")
            desktop.poolId = textOf(value);
        else if (key == "in_maintenance_mode")
            desktop.inMaintenanceMode = value.is_bool() && value.get_bool().value_unsafe();
        else if (key == "tags")
            desktop.tags = tagsOf(value, shared);
        else if (key == "attach_user_infos")
            desktop.attachedUsers = attachedUsersOf(value, shared);
        else if (key == "user_list")
            desktop.userList = stringsOf(value);
        else if (key == "user_group_list")
            desktop.userGroupList = stringsOf(value);
    }
    desktop.created = WorkspaceJson::parseTimestamp(created);
    desktop.billingMode = billingModeFromFields(billing.productChargeMode, billing.orderId,
                                                billing.metadataChargingMode);
    if (desktop.ipAddresses.isEmpty() && addresses)
        desktop.ipAddresses = addressesOf(*addresses);
    return desktop;
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool readPage(element root, DesktopPage &page, QString *error)
{
    simdjson::dom::object object;
    if (root.get_object().get(object) != simdjson::SUCCESS)
        return fail(error, QCoreApplication::translate("WorkspaceJson", "expected a JSON object"));
    std::optional<element> desktops;
    std::optional<element> total;
    for (const simdjson::dom::key_value_pair field : object) {
        if (field.key == "desktops")
            desktops = field.value;
        else if (field.key == "total_count")
            total = field.value;
    }
    using WorkspaceJson::DesktopPageShape::Member;
    const Member member = !desktops      ? Member::Missing
        : desktops->is_null()            ? Member::Null
        : desktops->is_array()           ? Member::Array
                                         : Member::Other;
    if (const std::optional<QString> refusal = WorkspaceJson::DesktopPageShape::refusal(member, total.has_value()))
        return fail(error, *refusal);

    simdjson::dom::array array;
    if (desktops && desktops->get_array().get(array) == simdjson::SUCCESS) {
        page.desktops.reserve(qsizetype(array.size()));
        SharedTexts shared;
        for (const element entry : array) {
            simdjson::dom::object desktopObject;
            if (entry.get_object().get(desktopObject) != simdjson::SUCCESS)
                return fail(error, WorkspaceJson::DesktopPageShape::entryIsNotAnObject());
            Desktop desktop = desktopOf(desktopObject, shared);
            if (desktop.id.isEmpty())
                return fail(error, WorkspaceJson::DesktopPageShape::entryHasNoId());
            page.desktops.append(std::move(desktop));
        }
    }
    WorkspaceJson::DesktopPageShape::settleTotal(page, total ? countOf(*total) : std::nullopt);
    return true;
}

} // namespace

namespace WorkspaceJson {

std::optional<DesktopPage> parseDesktopPage(const QByteArray &body, QString *error, RawJson raw)
{
    // Every field the server sent is wanted for one desktop at a time (the details view): Qt's
    // reading keeps each desktop's object as it is.
    if (raw == RawJson::Keep)
        return parseDesktopPageWithQt(body, error, raw);
    simdjson::dom::parser parser;
    element root;
    if (parser.parse(body.constData(), size_t(body.size())).get(root) != simdjson::SUCCESS) {
        // Qt's parser says where and why the JSON is broken, and takes a few things simdjson
        // refuses; it decides for the answers simdjson cannot read.
        return parseDesktopPageWithQt(body, error);
    }
    DesktopPage page;
    if (!readPage(root, page, error))
        return std::nullopt;
    return page;
}

} // namespace WorkspaceJson
