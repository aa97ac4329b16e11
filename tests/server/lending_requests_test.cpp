// Loan requests over real HTTP and SQLite: submission with the accepted terms recorded,
// every refusal with its field or reason, idempotent resubmission of an offline draft, and
// who sees which request.
#include <catch2/catch.hpp>

#include <algorithm>

#include "calendar/tokyo_time.hpp"
#include "lending_test_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;
namespace calendar = madoguchi::calendar;

namespace {

std::vector<std::string> numbers_seen(SignedIn& user, const std::string& query = "") {
    std::vector<std::string> numbers;
    const auto page = get_ok(user, "/api/v1/lending/requests" + query);
    for (const auto& item : page["requests"]) {
        numbers.push_back(item["number"].get<std::string>());
    }
    return numbers;
}

std::string error_code(const httplib::Result& response) { return json_of(response)["error"]["code"].get<std::string>(); }

}  // namespace

TEST_CASE("staff submit a request that records the terms version they accepted", "[lending][requests][api]") {
    LendingDesk desk;
    const auto monday = quiet_monday();
    const auto request = desk.submitted(desk.staff, desk.request_body("mobile_printer", 1, monday, calendar::add_days(monday, 2)));
    CHECK(request["state"] == "submitted");
    CHECK(request["number"].get<std::string>().rfind("LND-", 0) == 0);
    CHECK(request["terms_form"] == "loan_request");
    CHECK(request["terms_version"] == desk.terms_version);
    CHECK(request["requester_login"] == "sato");
    CHECK(request["pickup_location_name"] == "経済産業省 別館 1階 貸出窓口");
    CHECK(request["accessories"] == json::array({"ACアダプタ"}));
    CHECK(request["devices"].empty());

    // A new version of the terms: a form still showing the old one is refused with the new one.
    REQUIRE(post_json(desk.admin, "/api/v1/lending/terms/loan_request", {{"text_ja", "改定した規約"}})->status == 201);
    const auto outdated = post_json(desk.staff, "/api/v1/lending/requests",
                                    desk.request_body("mobile_printer", 1, monday, calendar::add_days(monday, 2)));
    CHECK(outdated->status == 409);
    CHECK(error_code(outdated) == "terms_not_current");
    CHECK(json_of(outdated)["terms"]["version"] == desk.terms_version + 1);
    CHECK(json_of(outdated)["terms"]["text_ja"] == "改定した規約");
}

TEST_CASE("dates against the class's rule are refused with the field", "[lending][requests][api]") {
    LendingDesk desk;
    const auto monday = quiet_monday();
    const auto refused_on = [&](const calendar::Date& start, const calendar::Date& due) {
        const auto response = post_json(desk.staff, "/api/v1/lending/requests", desk.request_body("mobile_printer", 1, start, due));
        REQUIRE(response);
        INFO(response->body);
        CHECK(response->status == 422);
        return error_fields(response);
    };
    CHECK(refused_on(calendar::add_days(monday, 2), monday) == std::vector<std::string>{"due_date"});
    // Mobile printers: 14 days at most; a Monday to the Tuesday two weeks on is 16.
    CHECK(refused_on(monday, calendar::add_days(monday, 15)) == std::vector<std::string>{"due_date"});
    CHECK(refused_on(calendar::add_days(monday, 5), calendar::add_days(monday, 7)) == std::vector<std::string>{"start_date"});
    // A start in the past (its due date may fall on a closed day too).
    const auto yesterday = calendar::add_days(calendar::to_tokyo(calendar::now()).date, -1);
    const auto past = refused_on(yesterday, yesterday);
    CHECK(std::find(past.begin(), past.end(), "start_date") != past.end());

    auto shipped = desk.request_body("mobile_printer", 1, monday, monday);
    shipped["delivery"] = "shipping";
    const auto no_address = post_json(desk.staff, "/api/v1/lending/requests", shipped);
    CHECK(no_address->status == 422);
    CHECK(error_fields(no_address) == std::vector<std::string>{"ship_address", "ship_recipient"});
    auto nowhere = desk.request_body("mobile_printer", 1, monday, monday);
    nowhere["pickup_location_id"] = 999;
    CHECK(error_fields(post_json(desk.staff, "/api/v1/lending/requests", nowhere)) == std::vector<std::string>{"pickup_location_id"});
    auto mfp = desk.request_body("mfp", 1, monday, monday);
    CHECK(error_fields(post_json(desk.staff, "/api/v1/lending/requests", mfp)) == std::vector<std::string>{"class"});
    auto malformed = desk.request_body("mobile_printer", 1, monday, monday);
    malformed["quantity"] = "1";
    const auto bad_shape = post_json(desk.staff, "/api/v1/lending/requests", malformed);
    CHECK(bad_shape->status == 400);
    CHECK(error_fields(bad_shape) == std::vector<std::string>{"quantity"});
    CHECK(get_ok(desk.desk, "/api/v1/lending/requests")["total"] == 0);

    // An admin allows closed days: the Saturday start goes through.
    auto rule = get_ok(desk.admin, "/api/v1/lending/rules")["rules"][0];
    rule.erase("updated_by");
    rule.erase("updated_at");
    rule["closed_day_due_allowed"] = true;
    REQUIRE(put_json(desk.admin, "/api/v1/lending/rules", {{"rules", {rule}}})->status == 200);
    desk.submitted(desk.staff, desk.request_body("mobile_printer", 1, calendar::add_days(monday, 5), calendar::add_days(monday, 7)));
}

TEST_CASE("the holding limit and an overdue loan refuse a new request with the reason", "[lending][requests][api]") {
    LendingDesk desk(3, 1);
    const auto monday = quiet_monday();
    // Mobile printers: two per person.
    desk.submitted(desk.staff, desk.request_body("mobile_printer", 2, monday, monday));
    const auto over = post_json(desk.staff, "/api/v1/lending/requests",
                                desk.request_body("mobile_printer", 1, calendar::add_days(monday, 7), calendar::add_days(monday, 7)));
    CHECK(over->status == 409);
    CHECK(error_code(over) == "holding_limit_reached");
    CHECK(json_of(over)["held"] == 2);
    CHECK(json_of(over)["limit"] == 2);
    CHECK_FALSE(json_of(over)["error"]["message_ja"].get<std::string>().empty());
    // Another class is another limit.
    const auto pc = desk.submitted(desk.staff, desk.request_body("business_pc", 1, monday, monday));

    // A colleague with a loan past its due date (as the counter records handovers) asks again.
    const auto lent = desk.submitted(desk.colleague, desk.request_body("mobile_printer", 1, monday, monday));
    desk.execute("UPDATE loan_requests SET state = 'on_loan', start_date = '2020-01-06', due_date = '2020-01-07' WHERE id = " +
                 std::to_string(lent["id"].get<std::int64_t>()));
    const auto blocked = post_json(desk.colleague, "/api/v1/lending/requests", desk.request_body("business_pc", 1, monday, monday));
    CHECK(blocked->status == 409);
    CHECK(error_code(blocked) == "overdue_loans");
    // A class whose rule does not block lets the request through.
    auto pc_rule = get_ok(desk.admin, "/api/v1/lending/rules")["rules"][2];
    REQUIRE(pc_rule["class"] == "business_pc");
    pc_rule.erase("updated_by");
    pc_rule.erase("updated_at");
    pc_rule["overdue_blocks"] = false;
    pc_rule["holding_limit"] = 2;
    REQUIRE(put_json(desk.admin, "/api/v1/lending/rules", {{"rules", {pc_rule}}})->status == 200);
    CHECK(post_json(desk.colleague, "/api/v1/lending/requests", desk.request_body("business_pc", 1, calendar::add_days(monday, 1),
                                                                                   calendar::add_days(monday, 1)))->status == 201);
    CHECK(pc["state"] == "submitted");
}

TEST_CASE("an offline draft submitted twice under its Idempotency-Key makes one request", "[lending][requests][api]") {
    LendingDesk desk;
    const auto monday = quiet_monday();
    const auto body = desk.request_body("mobile_printer", 1, monday, calendar::add_days(monday, 1)).dump();
    const httplib::Headers headers{{"Idempotency-Key", "draft-7f3a"}};
    const auto first = desk.staff.client->Post("/api/v1/lending/requests", headers, body, "application/json");
    REQUIRE(first->status == 201);
    const auto again = desk.staff.client->Post("/api/v1/lending/requests", headers, body, "application/json");
    REQUIRE(again->status == 201);
    CHECK(again->get_header_value("Idempotency-Replayed") == "true");
    CHECK(json_of(again)["request"]["id"] == json_of(first)["request"]["id"]);
    CHECK(get_ok(desk.staff, "/api/v1/lending/requests")["total"] == 1);
}

TEST_CASE("staff see their own requests, managers their division's, the desk all", "[lending][requests][api]") {
    LendingDesk desk(4, 2);
    const auto monday = quiet_monday();
    const auto own = desk.submitted(desk.staff, desk.request_body("mobile_printer", 1, monday, monday));
    const auto colleague = desk.submitted(desk.colleague, desk.request_body("mobile_printer", 1, monday, monday));
    auto outsider = signed_in_user(desk.server, {"tanaka", {Role::staff}, "D-OTHER"});
    const auto other = desk.submitted(outsider, desk.request_body("business_pc", 1, monday, monday));
    const auto number = [](const json& request) { return request["number"].get<std::string>(); };

    CHECK(numbers_seen(desk.staff) == std::vector<std::string>{number(own)});
    CHECK(desk.staff.client->Get(request_path(colleague).c_str())->status == 404);
    CHECK(get_ok(desk.staff, request_path(own))["request"]["id"] == own["id"]);
    CHECK(numbers_seen(desk.manager) == std::vector<std::string>{number(colleague), number(own)});
    CHECK(numbers_seen(desk.other_manager) == std::vector<std::string>{number(other)});
    CHECK(desk.other_manager.client->Get(request_path(own).c_str())->status == 404);
    CHECK(numbers_seen(desk.desk) == std::vector<std::string>{number(other), number(colleague), number(own)});
    CHECK(numbers_seen(desk.desk, "?class=business_pc") == std::vector<std::string>{number(other)});
    CHECK(numbers_seen(desk.desk, "?state=approved").empty());
    CHECK(desk.desk.client->Get("/api/v1/lending/requests?state=misplaced")->status == 400);
    CHECK(desk.desk.client->Get("/api/v1/lending/requests/abc")->status == 400);
}
