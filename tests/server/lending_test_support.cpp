#include "lending_test_support.hpp"

#include <catch2/catch.hpp>

#include "calendar/business_calendar.hpp"
#include "calendar/tokyo_time.hpp"
#include "store/database.hpp"

namespace madoguchi::testing {

using nlohmann::json;
namespace store = madoguchi::server::store;

calendar::Date quiet_monday(int days_ahead) {
    auto date = calendar::add_days(calendar::to_tokyo(calendar::now()).date, days_ahead);
    while (true) {
        while (calendar::weekday_of(date) != calendar::Weekday::monday) date = calendar::add_days(date, 1);
        bool quiet = true;
        for (int day = 0; day < 12; ++day) {
            const auto current = calendar::add_days(date, day);
            const bool weekend = day == 5 || day == 6;
            if (!weekend && calendar::is_closed_day(current)) quiet = false;
        }
        if (quiet) return date;
        date = calendar::add_days(date, 1);
    }
}

std::string iso(const calendar::Date& date) { return calendar::format_date(date); }

std::string request_path(const json& request, const std::string& rest) {
    return "/api/v1/lending/requests/" + std::to_string(request["id"].get<std::int64_t>()) + rest;
}

LendingDesk::LendingDesk(int printers, int pcs) {
    const auto location = audited(server, [&] {
        return post_json(desk, "/api/v1/locations", {{"building", "経済産業省 別館"}, {"floor", "1階"}, {"room", "貸出窓口"}});
    });
    REQUIRE(location->status == 201);
    counter = json_of(location)["location"]["id"].get<std::int64_t>();
    for (int number = 1; number <= printers; ++number) add_device("mobile_printer", "MPR-00000" + std::to_string(number));
    for (int number = 1; number <= pcs; ++number) add_device("business_pc", "BPC-00000" + std::to_string(number));
    const auto terms = audited(server, [&] {
        return post_json(admin, "/api/v1/lending/terms/loan_request",
                         {{"text_ja", "貸出機器は業務にのみ使用し、返却予定日までに返却すること。"},
                          {"text_en", "Use lent devices for work only and return them by the due date."}});
    });
    REQUIRE(terms->status == 201);
    terms_version = json_of(terms)["terms"]["version"].get<std::int64_t>();
}

json LendingDesk::add_device(const std::string& class_code, const std::string& tag) {
    const auto response = audited(server, [&] {
        return post_json(desk, "/api/v1/devices",
                         {{"asset_tag", tag}, {"class", class_code}, {"location_id", counter}, {"state", "in_stock"}});
    });
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 201);
    return json_of(response)["device"];
}

json LendingDesk::request_body(const std::string& class_code, int quantity, const calendar::Date& start,
                               const calendar::Date& due) const {
    return {{"class", class_code},       {"quantity", quantity},          {"purpose", "出張先での資料印刷"},
            {"start_date", iso(start)},  {"due_date", iso(due)},          {"delivery", "pickup"},
            {"pickup_location_id", counter}, {"accessories", {"ACアダプタ"}}, {"terms_version", terms_version}};
}

httplib::Result LendingDesk::submit(SignedIn& user, const json& body) {
    return audited(server, [&] { return post_json(user, "/api/v1/lending/requests", body); });
}

json LendingDesk::submitted(SignedIn& user, const json& body) {
    const auto response = submit(user, body);
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 201);
    return json_of(response)["request"];
}

httplib::Result LendingDesk::decide(SignedIn& user, const json& request, const std::string& to, const std::string& reason) {
    json body{{"to", to}, {"version", request["version"]}};
    if (!reason.empty()) body["reason"] = reason;
    return audited(server, [&] { return post_json(user, request_path(request, "/transitions"), body); });
}

std::string LendingDesk::device_state(const std::string& tag) {
    const auto page = get_ok(desk, "/api/v1/devices?q=" + tag);
    REQUIRE(page["devices"].size() == 1);
    return page["devices"][0]["state"].get<std::string>();
}

void LendingDesk::execute(const std::string& sql) {
    auto database = store::Database::open(server.database_path());
    REQUIRE(database);
    REQUIRE(database.value().execute(sql));
}

json LendingDesk::hand_over(SignedIn& reader, const json& approved) {
    const auto id = std::to_string(approved["id"].get<std::int64_t>());
    execute("UPDATE loan_requests SET state = 'on_loan', version = version + 1 WHERE state = 'approved' AND id = " + id);
    execute("UPDATE devices SET state = 'on_loan' WHERE id IN (SELECT device_id FROM loan_allocations WHERE request_id = " +
            id + ")");
    return get_ok(reader, request_path(approved))["request"];
}

}  // namespace madoguchi::testing
