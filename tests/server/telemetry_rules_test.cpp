// The loop rules as settings: the IT office reads and changes them over HTTP (validated, audited,
// versioned), and the next recorded poll cycle applies them.
#include <catch2/catch.hpp>

#include "i18n/catalog.hpp"
#include "store/database.hpp"
#include "telemetry/telemetry_store.hpp"
#include "telemetry_billing_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;
namespace telemetry = madoguchi::server::telemetry;

namespace {

constexpr const char* rules_path = "/api/v1/telemetry/rules";

struct RulesFleet : PrinterFleet {
    std::int64_t silent = printer("MFP-SILENT", model("RICOH", "IM C3510F"), 0);

    json rules(SignedIn& user) {
        const auto response = user.client->Get(rules_path);
        REQUIRE(response);
        REQUIRE(response->status == 200);
        return json_of(response);
    }
    httplib::Result replace(SignedIn& user, const json& body) {
        return audited(server, [&] { return put_json(user, rules_path, body); });
    }
    // One cycle in which the printer does not answer, recorded as the poll job records it.
    void silent_cycle() {
        auto database = madoguchi::server::store::Database::open(server.database_path());
        REQUIRE(database);
        std::vector<telemetry::DeviceReading> devices(1);
        devices[0].device_id = silent;
        devices[0].failure = "timeout";
        telemetry::CycleSummary summary;
        summary.trigger = "schedule";
        summary.started = summary.finished = madoguchi::calendar::now();
        summary.kinds = telemetry::every_kind();
        REQUIRE(telemetry::record_cycle(database.value(), summary, devices));
    }
    std::string state() {
        auto database = madoguchi::server::store::Database::open(server.database_path());
        REQUIRE(database);
        auto query = database.value().prepare("SELECT printer_state FROM telemetry_device_state WHERE device_id = ?1");
        REQUIRE(query);
        query.value().bind(1, silent);
        REQUIRE(query.value().step().value());
        return query.value().column_text(0);
    }
};

// An error's fields as the API names them: each catalog reason in English.
json english(const json& reasons) {
    auto fields = json::object();
    for (const auto& [field, key] : reasons.items()) {
        fields[field] = madoguchi::i18n::text(key.get<std::string>(), madoguchi::i18n::Language::en);
    }
    return fields;
}

json edited(json rules, const json& changes) {
    for (const auto& [name, value] : changes.items()) rules[name] = value;
    for (const auto* shown_only : {"updated_by", "updated_at"}) rules.erase(shown_only);
    return rules;
}

}  // namespace

TEST_CASE("telemetry rules: the IT office changes them, audited, and the next cycle applies them", "[telemetry][rules]") {
    RulesFleet fleet;
    const auto defaults = fleet.rules(fleet.desk);
    CHECK(defaults == json{{"offline_cycles", 3}, {"lead_time_days", 5}, {"order_at_percent", 10},
                           {"replacement_rise", 30}, {"window_days", 30}, {"min_days", 3},
                           {"incident_requester", ""}, {"version", 0}, {"updated_by", ""}, {"updated_at", ""}});

    fleet.silent_cycle();
    CHECK(fleet.state() != "unreachable");  // one missed cycle of the default three

    const auto changed = fleet.replace(fleet.it_office, edited(defaults, {{"offline_cycles", 2},
                                                                           {"order_at_percent", 15},
                                                                           {"incident_requester", "desk1"}}));
    REQUIRE(changed);
    INFO(changed->body);
    REQUIRE(changed->status == 200);
    const auto after = json_of(changed);
    CHECK(after["offline_cycles"] == 2);
    CHECK(after["order_at_percent"] == 15);
    CHECK(after["incident_requester"] == "desk1");
    CHECK(after["version"] == 1);
    CHECK(after["updated_by"] == "itoffice1");
    CHECK(fleet.rules(fleet.desk) == after);
    CHECK(fleet.count("SELECT count(*) FROM audit_log WHERE action = 'telemetry_loop_rules.updated' "
                      "AND json_extract(before_json, '$.offline_cycles') = 3 "
                      "AND json_extract(after_json, '$.offline_cycles') = 2") == 1);

    fleet.silent_cycle();
    CHECK(fleet.state() == "unreachable");  // two missed cycles now are enough

    const auto again = fleet.replace(fleet.it_office, edited(after, {{"offline_cycles", 4}}));
    REQUIRE(again);
    REQUIRE(again->status == 200);
    CHECK(json_of(again)["version"] == 2);
}

TEST_CASE("telemetry rules: an edit over a stale version is refused with the rules as they are", "[telemetry][rules]") {
    RulesFleet fleet;
    const auto read = fleet.rules(fleet.it_office);
    REQUIRE(fleet.replace(fleet.it_office, edited(read, {{"lead_time_days", 7}}))->status == 200);
    const auto stale = fleet.replace(fleet.it_office, edited(read, {{"lead_time_days", 9}}));
    REQUIRE(stale);
    REQUIRE(stale->status == 409);
    const auto body = json_of(stale);
    CHECK(body["error"]["code"] == "stale_version");
    CHECK(body["rules"]["lead_time_days"] == 7);
    CHECK(body["rules"]["version"] == 1);
    CHECK(fleet.rules(fleet.desk)["lead_time_days"] == 7);
}

TEST_CASE("telemetry rules: values out of range are refused field by field, nothing written", "[telemetry][rules]") {
    RulesFleet fleet;
    const auto read = fleet.rules(fleet.it_office);
    const auto audit_before = audit_rows(fleet.server);

    const auto out_of_range = fleet.replace(
        fleet.it_office, edited(read, {{"offline_cycles", 0}, {"lead_time_days", 61}, {"order_at_percent", 101},
                                       {"replacement_rise", 2}, {"window_days", 400}, {"min_days", 1},
                                       {"incident_requester", "sato"}}));
    REQUIRE(out_of_range);
    REQUIRE(out_of_range->status == 422);
    const auto fields = json_of(out_of_range)["error"]["fields"];
    CHECK(fields == english({{"offline_cycles", "field.out_of_range_1_100"},
                             {"lead_time_days", "field.out_of_range_0_60"},
                             {"order_at_percent", "field.out_of_range_0_100"},
                             {"replacement_rise", "field.out_of_range_5_100"},
                             {"window_days", "field.out_of_range_3_365"},
                             {"min_days", "field.out_of_range_2_window"},
                             {"incident_requester", "field.not_desk_operator"}}));

    const auto longer_than_window = fleet.replace(fleet.it_office, edited(read, {{"window_days", 10}, {"min_days", 11}}));
    REQUIRE(longer_than_window);
    CHECK(longer_than_window->status == 422);
    CHECK(json_of(longer_than_window)["error"]["fields"] == english({{"min_days", "field.out_of_range_2_window"}}));

    auto wrong_types = edited(read, {{"offline_cycles", "3"}, {"lead_time_days", 2.5}, {"colour", "red"}});
    wrong_types.erase("version");
    const auto malformed = fleet.replace(fleet.it_office, wrong_types);
    REQUIRE(malformed);
    REQUIRE(malformed->status == 400);
    CHECK(json_of(malformed)["error"]["fields"] == english({{"offline_cycles", "field.not_integer"},
                                                            {"lead_time_days", "field.not_integer"},
                                                            {"colour", "field.unknown_field"},
                                                            {"version", "field.required"}}));

    const auto not_object = fleet.replace(fleet.it_office, json::array());
    REQUIRE(not_object);
    CHECK(not_object->status == 400);

    CHECK(audit_rows(fleet.server) == audit_before);
    CHECK(fleet.rules(fleet.desk) == fleet.rules(fleet.it_office));
    CHECK(fleet.rules(fleet.desk)["version"] == 0);
}

TEST_CASE("telemetry rules: the desk reads them, only the IT office and admins change them", "[telemetry][rules]") {
    RulesFleet fleet;
    const auto read = fleet.rules(fleet.desk);
    const auto by_desk = put_json(fleet.desk, rules_path, edited(read, {{"offline_cycles", 5}}));
    REQUIRE(by_desk);
    CHECK(by_desk->status == 403);
    const auto by_staff = fleet.staff.client->Get(rules_path);
    REQUIRE(by_staff);
    CHECK(by_staff->status == 403);
    CHECK(fleet.rules(fleet.it_office)["offline_cycles"] == 3);
}
