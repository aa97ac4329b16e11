#include "counter/counter_records.hpp"

#include <nlohmann/json.hpp>

#include "lending/lending_records.hpp"

namespace madoguchi::client {
namespace {

using nlohmann::json;

std::optional<json> object_of(const std::string& body, const char* key) {
    const auto parsed = json::parse(body, nullptr, false);
    if (!parsed.is_object()) return std::nullopt;
    const auto found = parsed.find(key);
    if (found == parsed.end() || !found->is_object()) return std::nullopt;
    return *found;
}

std::vector<std::string> strings_of(const json& object, const char* key) {
    std::vector<std::string> items;
    const auto found = object.find(key);
    if (found == object.end() || !found->is_array()) return items;
    for (const auto& item : *found) {
        if (item.is_string()) items.push_back(item.get<std::string>());
    }
    return items;
}

calendar::Date date_field(const json& object, const char* key) {
    return calendar::parse_date(string_field(object, key)).value_or(calendar::Date{});
}

bool boolean_field(const json& object, const char* key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_boolean() && found->get<bool>();
}

const json& member(const json& object, const char* key) {
    static const json none = json::object();
    const auto found = object.find(key);
    return found != object.end() && found->is_object() ? *found : none;
}

ReadyLoan ready_loan_from_json(const json& item) {
    ReadyLoan loan{integer_field(item, "id"), string_field(item, "number"), string_field(item, "class"),
                   date_field(item, "start_date"), date_field(item, "due_date"), integer_field(item, "terms_version"),
                   integer_field(item, "version"), strings_of(item, "accessories"), {}};
    if (const auto devices = item.find("devices"); devices != item.end() && devices->is_array()) {
        for (const auto& device : *devices) {
            if (!device.is_object()) continue;
            loan.devices.push_back({string_field(device, "asset_tag"), boolean_field(device, "ready"), string_field(device, "reason")});
        }
    }
    return loan;
}

}  // namespace

std::optional<CounterPerson> counter_person_from_body(const std::string& body) {
    const auto parsed = json::parse(body, nullptr, false);
    if (!parsed.is_object() || !parsed.contains("person") || !parsed["person"].is_object()) return std::nullopt;
    const auto& person = parsed["person"];
    const auto& division = member(person, "division");
    CounterPerson answer{string_field(person, "login"), string_field(person, "name"), string_field(division, "name_ja"),
                         string_field(division, "name_en"), {}, {}};
    if (const auto ready = parsed.find("ready"); ready != parsed.end() && ready->is_array()) {
        for (const auto& item : *ready) {
            if (item.is_object()) answer.ready.push_back(ready_loan_from_json(item));
        }
    }
    if (const auto loans = parsed.find("loans"); loans != parsed.end() && loans->is_array()) {
        for (const auto& item : *loans) {
            if (!item.is_object()) continue;
            answer.loans.push_back({integer_field(item, "request_id"), string_field(item, "request_number"),
                                    string_field(item, "asset_tag"), string_field(item, "class"), date_field(item, "due_date"),
                                    boolean_field(item, "overdue"), integer_field(item, "overdue_days")});
        }
    }
    return answer;
}

std::optional<TagVerdict> tag_verdict_from_body(const std::string& body) {
    const auto verdict = object_of(body, "verdict");
    if (!verdict) return std::nullopt;
    return TagVerdict{boolean_field(*verdict, "accepted"),   string_field(*verdict, "asset_tag"),
                      string_field(*verdict, "class"),       string_field(*verdict, "reason"),
                      integer_field(*verdict, "request_id"), string_field(*verdict, "request_number"),
                      strings_of(*verdict, "accessories")};
}

std::optional<HandoverReceipt> handover_receipt_from_body(const std::string& body) {
    const auto receipt = object_of(body, "receipt");
    if (!receipt) return std::nullopt;
    const auto& person = member(*receipt, "person");
    return HandoverReceipt{integer_field(*receipt, "handover_id"),
                           string_field(*receipt, "request_number"),
                           string_field(person, "login"),
                           string_field(person, "name"),
                           string_field(*receipt, "class"),
                           strings_of(*receipt, "tags"),
                           strings_of(*receipt, "accessories"),
                           date_field(*receipt, "start_date"),
                           date_field(*receipt, "due_date"),
                           integer_field(*receipt, "terms_version"),
                           string_field(member(*receipt, "counter"), "name"),
                           string_field(member(*receipt, "operator"), "name"),
                           string_field(*receipt, "handed_at")};
}

std::optional<ReturnReceipt> return_receipt_from_body(const std::string& body) {
    const auto taken = object_of(body, "return");
    if (!taken) return std::nullopt;
    return ReturnReceipt{string_field(*taken, "request_number"),
                         string_field(*taken, "asset_tag"),
                         string_field(*taken, "outcome"),
                         string_field(*taken, "next_state"),
                         strings_of(*taken, "missing_accessories"),
                         string_field(member(*taken, "repair_ticket"), "number"),
                         string_field(*taken, "request_state")};
}

}  // namespace madoguchi::client
