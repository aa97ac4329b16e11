#include "lending/lending_records.hpp"

#include "api/query_string.hpp"
#include "inventory/device_class.hpp"
#include "ui/format.hpp"

namespace madoguchi::client {
namespace {

bool boolean_of(const nlohmann::json& object, const char* key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_boolean() && found->get<bool>();
}

// The array under `key` of an object document; null when the body is not one.
nlohmann::json list_of(const std::string& body, const char* key) {
    auto document = nlohmann::json::parse(body, nullptr, false);
    if (!document.is_object() || !document.contains(key) || !document[key].is_array()) return nullptr;
    return std::move(document[key]);
}

}  // namespace

std::string string_field(const nlohmann::json& object, const char* key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::int64_t integer_field(const nlohmann::json& object, const char* key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_number_integer() ? found->get<std::int64_t>() : 0;
}

const std::string& LoanTerms::text(i18n::Language language) const {
    return language == i18n::Language::en && !text_en.empty() ? text_en : text_ja;
}

std::optional<std::vector<lending::LoanRule>> rules_from_body(const std::string& body) {
    const auto list = list_of(body, "rules");
    if (!list.is_array()) return std::nullopt;
    std::vector<lending::LoanRule> rules;
    for (const auto& item : list) {
        if (!item.is_object()) continue;
        const auto approver = lending::parse_approver(string_field(item, "approver"));
        if (string_field(item, "class").empty() || !approver) continue;
        lending::LoanRule rule;
        rule.class_code = string_field(item, "class");
        rule.max_days = static_cast<int>(integer_field(item, "max_days"));
        rule.approver = *approver;
        rule.holding_limit = static_cast<int>(integer_field(item, "holding_limit"));
        rule.overdue_blocks = boolean_of(item, "overdue_blocks");
        rule.closed_day_due_allowed = boolean_of(item, "closed_day_due_allowed");
        rules.push_back(std::move(rule));
    }
    return rules;
}

std::optional<LoanTerms> terms_from_json(const nlohmann::json& terms) {
    if (!terms.is_object() || integer_field(terms, "version") <= 0) return std::nullopt;
    return LoanTerms{static_cast<int>(integer_field(terms, "version")), string_field(terms, "text_ja"),
                     string_field(terms, "text_en")};
}

std::optional<LoanTerms> terms_from_body(const std::string& body) {
    const auto document = nlohmann::json::parse(body, nullptr, false);
    if (!document.is_object() || !document.contains("terms")) return std::nullopt;
    return terms_from_json(document["terms"]);
}

std::optional<LoanRequestRecord> request_from_json(const nlohmann::json& item) {
    if (!item.is_object()) return std::nullopt;
    const auto start = calendar::parse_date(string_field(item, "start_date"));
    const auto due = calendar::parse_date(string_field(item, "due_date"));
    const auto state = lending::parse_request_state(string_field(item, "state"));
    if (integer_field(item, "id") <= 0 || !start || !due || !state) return std::nullopt;
    LoanRequestRecord record;
    record.id = integer_field(item, "id");
    record.number = string_field(item, "number");
    record.requester_login = string_field(item, "requester_login");
    record.requester_name = string_field(item, "requester_name");
    record.requester_division = string_field(item, "requester_division");
    record.class_code = string_field(item, "class");
    record.quantity = static_cast<int>(integer_field(item, "quantity"));
    record.purpose = string_field(item, "purpose");
    record.start = *start;
    record.due = *due;
    record.delivery = string_field(item, "delivery");
    record.pickup_location_id = integer_field(item, "pickup_location_id");
    record.pickup_location_name = string_field(item, "pickup_location_name");
    record.ship_address = string_field(item, "ship_address");
    record.ship_recipient = string_field(item, "ship_recipient");
    if (const auto found = item.find("accessories"); found != item.end() && found->is_array()) {
        for (const auto& accessory : *found) {
            if (accessory.is_string()) record.accessories.push_back(accessory.get<std::string>());
        }
    }
    record.state = *state;
    record.state_reason = string_field(item, "state_reason");
    record.version = integer_field(item, "version");
    record.pending_extension_due = calendar::parse_date(string_field(item, "pending_extension_due"));
    if (const auto found = item.find("devices"); found != item.end() && found->is_array()) {
        for (const auto& device : *found) {
            if (device.is_object()) record.devices.push_back({integer_field(device, "id"), string_field(device, "asset_tag")});
        }
    }
    return record;
}

std::optional<std::vector<LoanRequestRecord>> requests_from_body(const std::string& body) {
    const auto list = list_of(body, "requests");
    if (!list.is_array()) return std::nullopt;
    std::vector<LoanRequestRecord> requests;
    for (const auto& item : list) {
        if (auto record = request_from_json(item)) requests.push_back(std::move(*record));
    }
    return requests;
}

std::optional<std::vector<LocationChoice>> locations_from_body(const std::string& body) {
    const auto list = list_of(body, "locations");
    if (!list.is_array()) return std::nullopt;
    std::vector<LocationChoice> locations;
    for (const auto& item : list) {
        if (item.is_object() && integer_field(item, "id") > 0) locations.push_back({integer_field(item, "id"), string_field(item, "name")});
    }
    return locations;
}

std::optional<std::vector<lending::DayAvailability>> availability_from_body(const std::string& body) {
    const auto list = list_of(body, "days");
    if (!list.is_array()) return std::nullopt;
    std::vector<lending::DayAvailability> days;
    for (const auto& item : list) {
        if (!item.is_object()) continue;
        const auto date = calendar::parse_date(string_field(item, "date"));
        if (!date) continue;
        days.push_back({*date, static_cast<int>(integer_field(item, "available")), static_cast<int>(integer_field(item, "held")),
                        static_cast<int>(integer_field(item, "returning"))});
    }
    return days;
}

std::string availability_path(const std::string& class_code, std::int64_t location_id, const calendar::Date& from,
                              const calendar::Date& to) {
    std::vector<std::pair<std::string, std::string>> parameters{
        {"class", class_code}, {"from", calendar::format_date(from)}, {"to", calendar::format_date(to)}};
    if (location_id > 0) parameters.emplace_back("location", std::to_string(location_id));
    return with_query("/api/v1/lending/availability", parameters);
}

HttpRequest transition_request(const LoanRequestRecord& request, std::string_view to, const std::string& reason) {
    nlohmann::json body{{"to", to}, {"version", request.version}};
    if (!reason.empty()) body["reason"] = reason;
    return {"POST", "/api/v1/lending/requests/" + std::to_string(request.id) + "/transitions", body.dump(), {}};
}

std::string class_name(const std::string& class_code, i18n::Language language) {
    if (const auto* known = inventory::find_device_class(class_code)) return i18n::text(known->name_key, language);
    return class_code;
}

std::string state_text(lending::RequestState state, i18n::Language language) {
    return i18n::text(lending::state_label_key(state), language);
}

std::string both_calendars(const calendar::Date& date, i18n::Language language) {
    auto text = format_display_date(date, language, false);
    text += ' ';
    text += format_display_date(date, language, true);
    return text;
}

std::string device_tags(const LoanRequestRecord& request) {
    std::string tags;
    for (const auto& device : request.devices) {
        if (!tags.empty()) tags += ", ";
        tags += device.asset_tag;
    }
    return tags;
}

}  // namespace madoguchi::client
