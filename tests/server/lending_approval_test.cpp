// Availability over time, approval with allocation of concrete devices, rejection and
// cancellation over real HTTP and SQLite: what the ledger and the requester see after each,
// and two approvals racing for the last device.
#include <catch2/catch.hpp>

#include <algorithm>
#include <thread>

#include "lending_test_support.hpp"
#include "notification_test_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;
namespace calendar = madoguchi::calendar;

namespace {

std::string error_code(const httplib::Result& response) { return json_of(response)["error"]["code"].get<std::string>(); }

json decided(LendingDesk& desk, SignedIn& user, const json& request, const std::string& move, const std::string& reason = "") {
    const auto response = desk.decide(user, request, move, reason);
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 200);
    return json_of(response)["request"];
}

std::vector<int> available(SignedIn& user, const std::string& query) {
    std::vector<int> counts;
    const auto answer = get_ok(user, "/api/v1/lending/availability?" + query);
    for (const auto& day : answer["days"]) counts.push_back(day["available"].get<int>());
    return counts;
}

std::vector<std::string> tags_of(const json& request) {
    std::vector<std::string> tags;
    for (const auto& device : request["devices"]) tags.push_back(device["asset_tag"].get<std::string>());
    return tags;
}

}  // namespace

TEST_CASE("approval allocates devices by tag, reserves them in the ledger and tells the requester",
          "[lending][approval][api]") {
    LendingDesk desk(3, 1);
    desk.execute("UPDATE users SET email = 'sato@example.go.jp' WHERE login = 'sato'");
    const auto monday = quiet_monday();
    const auto wednesday = calendar::add_days(monday, 2);
    auto request = desk.submitted(desk.staff, desk.request_body("mobile_printer", 2, monday, wednesday));

    const auto approved = decided(desk, desk.desk, request, "approved");
    CHECK(approved["state"] == "approved");
    CHECK(approved["decided_by"] == "desk1");
    CHECK(tags_of(approved) == std::vector<std::string>{"MPR-000001", "MPR-000002"});
    CHECK(desk.device_state("MPR-000001") == "reserved");
    CHECK(desk.device_state("MPR-000003") == "in_stock");
    const auto device_id = approved["devices"][0]["id"].get<std::int64_t>();
    const auto history = get_ok(desk.desk, "/api/v1/devices/" + std::to_string(device_id) + "/history");
    CHECK(history.dump().find(approved["number"].get<std::string>()) != std::string::npos);
    CHECK(queued_to(desk.server.database_path(), "lending.approved") == std::vector<std::string>{"sato@example.go.jp"});
    CHECK(get_ok(desk.staff, request_path(request))["request"]["state"] == "approved");
    // The in-app entry points at the request, for the app to open it.
    const auto told = get_ok(desk.staff, "/api/v1/me/notifications")["notifications"];
    REQUIRE(told.size() == 1);
    CHECK(told[0]["event"] == "lending.approved");
    CHECK(told[0]["loan_request_id"] == request["id"]);
    CHECK(told[0]["loan_request_number"] == request["number"]);
    CHECK(told[0]["ticket_id"].is_null());

    // The period's days show the two kept, the days around all three.
    const auto query = "class=mobile_printer&from=" + iso(calendar::add_days(monday, -1)) + "&to=" +
                       iso(calendar::add_days(monday, 3));
    CHECK(available(desk.staff, query) == std::vector<int>{3, 1, 1, 1, 3});
    const auto at_counter = get_ok(desk.staff, "/api/v1/lending/availability?" + query + "&location=" + std::to_string(desk.counter));
    CHECK(at_counter["devices"] == 3);
    CHECK(at_counter["days"][1]["held"] == 2);

    // Deciding again is refused, and the version guards a stale screen.
    CHECK(error_code(desk.decide(desk.desk, approved, "rejected", "重複")) == "request_decided");
    CHECK(desk.decide(desk.desk, request, "approved")->status == 409);
}

TEST_CASE("a request that cannot be met is refused with the earliest start that works", "[lending][availability][api]") {
    LendingDesk desk(2, 1);
    const auto monday = quiet_monday();
    const auto wednesday = calendar::add_days(monday, 2);
    const auto first = desk.submitted(desk.staff, desk.request_body("mobile_printer", 2, monday, wednesday));
    decided(desk, desk.desk, first, "approved");

    // Three days from Tuesday: Thursday would end on a Saturday, Friday on a Sunday; the next
    // Monday fits (mobile printers may not be due on a closed day).
    const auto refused = post_json(desk.colleague, "/api/v1/lending/requests",
                                   desk.request_body("mobile_printer", 1, calendar::add_days(monday, 1),
                                                     calendar::add_days(monday, 3)));
    REQUIRE(refused->status == 409);
    CHECK(error_code(refused) == "not_available");
    CHECK(json_of(refused)["earliest_start"] == iso(calendar::add_days(monday, 7)));
    CHECK(json_of(refused)["earliest_due"] == iso(calendar::add_days(monday, 9)));
    // One day fits on Thursday, right after the reservation.
    const auto short_one = post_json(desk.colleague, "/api/v1/lending/requests",
                                     desk.request_body("mobile_printer", 1, calendar::add_days(monday, 1), calendar::add_days(monday, 1)));
    CHECK(json_of(short_one)["earliest_start"] == iso(calendar::add_days(monday, 3)));
    // A request for after the reservation needs nothing back yet.
    const auto later = desk.submitted(desk.colleague, desk.request_body("mobile_printer", 1, calendar::add_days(monday, 3),
                                                                        calendar::add_days(monday, 4)));
    // Approved, it reuses a device already reserved for the earlier days.
    const auto approved = decided(desk, desk.desk, later, "approved");
    CHECK(tags_of(approved) == std::vector<std::string>{"MPR-000001"});

    CHECK(desk.staff.client->Get("/api/v1/lending/availability?class=mfp")->status == 400);
    CHECK(desk.staff.client->Get("/api/v1/lending/availability?class=tablet&from=2026-13-01")->status == 400);
    CHECK(desk.staff.client->Get("/api/v1/lending/availability?class=tablet&from=2026-12-10&to=2026-12-01")->status == 400);
    CHECK(desk.staff.client->Get("/api/v1/lending/availability?class=tablet&from=2026-01-01&to=2027-12-31")->status == 400);
    CHECK(get_ok(desk.staff, "/api/v1/lending/availability?class=tablet")["days"].size() == 28);
}

TEST_CASE("two approvals racing for the last device: one wins, the other gets 409", "[lending][approval][concurrency]") {
    LendingDesk desk(1, 0);
    const auto monday = quiet_monday();
    const auto one = desk.submitted(desk.staff, desk.request_body("mobile_printer", 1, monday, monday));
    const auto two = desk.submitted(desk.colleague, desk.request_body("mobile_printer", 1, monday, monday));
    auto second_desk = signed_in_user(desk.server, {"desk2", {Role::desk_operator}, "D-DESK"});
    int statuses[2] = {0, 0};
    std::thread first([&] { statuses[0] = post_json(desk.desk, request_path(one, "/transitions"), {{"to", "approved"}, {"version", 1}})->status; });
    std::thread second([&] { statuses[1] = post_json(second_desk, request_path(two, "/transitions"), {{"to", "approved"}, {"version", 1}})->status; });
    first.join();
    second.join();
    CHECK(std::min(statuses[0], statuses[1]) == 200);
    CHECK(std::max(statuses[0], statuses[1]) == 409);
    const auto approved = get_ok(desk.desk, "/api/v1/lending/requests?state=approved")["requests"];
    REQUIRE(approved.size() == 1);
    CHECK(tags_of(approved[0]) == std::vector<std::string>{"MPR-000001"});
    CHECK(get_ok(desk.desk, "/api/v1/lending/requests?state=submitted")["total"] == 1);
}

TEST_CASE("only the role the class's rule names decides, never for the own request", "[lending][approval][api]") {
    LendingDesk desk(1, 2);
    const auto monday = quiet_monday();
    // Business PCs are approved by the requester's division manager.
    const auto pc = desk.submitted(desk.staff, desk.request_body("business_pc", 1, monday, monday));
    CHECK(error_code(desk.decide(desk.desk, pc, "approved")) == "approval_refused");
    CHECK(desk.decide(desk.other_manager, pc, "approved")->status == 404);
    CHECK(desk.decide(desk.staff, pc, "approved")->status == 403);
    const auto own = desk.submitted(desk.manager, desk.request_body("business_pc", 1, monday, monday));
    CHECK(desk.decide(desk.manager, own, "approved")->status == 403);

    const auto missing_reason = desk.decide(desk.manager, pc, "rejected");
    CHECK(missing_reason->status == 422);
    CHECK(error_fields(missing_reason) == std::vector<std::string>{"reason"});
    desk.execute("UPDATE users SET email = 'sato@example.go.jp' WHERE login = 'sato'");
    const auto rejected = decided(desk, desk.manager, pc, "rejected", "業務上の必要性が確認できないため");
    CHECK(rejected["state"] == "rejected");
    CHECK(rejected["state_reason"] == "業務上の必要性が確認できないため");
    CHECK(rejected["devices"].empty());
    CHECK(queued_to(desk.server.database_path(), "lending.rejected") == std::vector<std::string>{"sato@example.go.jp"});
    CHECK(desk.device_state("BPC-000001") == "in_stock");
}

TEST_CASE("the requester cancels until handover, and reserved devices go back to stock", "[lending][approval][api]") {
    LendingDesk desk(2, 0);
    const auto monday = quiet_monday();
    const auto request = desk.submitted(desk.staff, desk.request_body("mobile_printer", 1, monday, monday));
    const auto approved = decided(desk, desk.desk, request, "approved");
    CHECK(desk.device_state("MPR-000001") == "reserved");
    CHECK(desk.decide(desk.colleague, approved, "cancelled")->status == 404);
    CHECK(error_code(desk.decide(desk.desk, approved, "cancelled")) == "forbidden");
    const auto cancelled = decided(desk, desk.staff, approved, "cancelled", "出張が中止になったため");
    CHECK(cancelled["state"] == "cancelled");
    CHECK(cancelled["devices"].empty());
    CHECK(desk.device_state("MPR-000001") == "in_stock");
    CHECK(error_code(desk.decide(desk.staff, cancelled, "cancelled")) == "not_cancellable");

    // Once handed over (the counter's step), it is a loan and no longer cancellable.
    const auto lent = desk.submitted(desk.staff, desk.request_body("mobile_printer", 1, monday, monday));
    desk.execute("UPDATE loan_requests SET state = 'on_loan', version = version + 1 WHERE id = " +
                 std::to_string(lent["id"].get<std::int64_t>()));
    auto current = get_ok(desk.staff, request_path(lent))["request"];
    CHECK(error_code(desk.decide(desk.staff, current, "cancelled")) == "not_cancellable");
}

TEST_CASE("a device expected back from repair is promised from that day, and approval waits until it is back",
          "[lending][availability][api]") {
    LendingDesk desk(1, 0);
    const auto monday = quiet_monday();
    desk.execute("UPDATE devices SET state = 'in_repair' WHERE asset_tag = 'MPR-000001'");
    const auto query = "class=mobile_printer&from=" + iso(monday) + "&to=" + iso(calendar::add_days(monday, 4));
    CHECK(available(desk.staff, query) == std::vector<int>{0, 0, 0, 0, 0});  // no date: promised from no day

    const auto wednesday = calendar::add_days(monday, 2);
    const auto expected = audited(desk.server, [&] {
        return put_json(desk.desk, "/api/v1/lending/repair-returns/MPR-000001", {{"expected_on", iso(wednesday)}});
    });
    REQUIRE(expected);
    REQUIRE(expected->status == 200);
    CHECK(available(desk.staff, query) == std::vector<int>{0, 0, 1, 1, 1});

    // Before it is back nothing is lent; the refusal names the day it is.
    const auto early = post_json(desk.staff, "/api/v1/lending/requests", desk.request_body("mobile_printer", 1, monday, monday));
    REQUIRE(early->status == 409);
    CHECK(error_code(early) == "not_available");
    CHECK(json_of(early)["earliest_start"] == iso(wednesday));

    // From that day the request is taken, but approval needs the device itself back.
    const auto request = desk.submitted(desk.staff, desk.request_body("mobile_printer", 1, wednesday, calendar::add_days(monday, 4)));
    const auto waiting = desk.decide(desk.desk, request, "approved");
    REQUIRE(waiting->status == 409);
    CHECK(error_code(waiting) == "awaiting_repair_return");
    CHECK(json_of(waiting)["expected_on"] == iso(wednesday));
    CHECK(json_of(waiting)["error"]["message_ja"].get<std::string>().find("修理中") != std::string::npos);
    CHECK(get_ok(desk.staff, request_path(request))["request"]["state"] == "submitted");

    desk.execute("UPDATE devices SET state = 'in_stock' WHERE asset_tag = 'MPR-000001'");
    const auto approved = decided(desk, desk.desk, get_ok(desk.staff, request_path(request))["request"], "approved");
    CHECK(tags_of(approved) == std::vector<std::string>{"MPR-000001"});
}
