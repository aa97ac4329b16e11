// Extensions of a loan over real HTTP and SQLite: the borrower asks while the loan is out,
// the class's approver decides, the due date moves and the borrower is told; refusals by
// the lending rule and by another reservation of the device name the latest date that works.
#include <catch2/catch.hpp>

#include "calendar/business_calendar.hpp"
#include "calendar/tokyo_time.hpp"
#include "lending_counter_support.hpp"
#include "notification_test_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;
namespace calendar = madoguchi::calendar;

namespace {

calendar::Date today() { return calendar::to_tokyo(calendar::now()).date; }

// The first business day after `date`.
calendar::Date business_day_after(calendar::Date date) {
    do date = calendar::add_days(date, 1);
    while (calendar::is_closed_day(date));
    return date;
}

// sato's printer loan, handed over today and due on the next business day.
json loan_out(LendingDesk& desk) {
    issue_cards(desk);
    auto request = approved_from_today(desk, "mobile_printer");
    desk.execute("UPDATE loan_requests SET due_date = '" + iso(business_day_after(today())) + "' WHERE id = " +
                 std::to_string(request["id"].get<std::int64_t>()));
    request = get_ok(desk.desk, request_path(request))["request"];
    kit_through(desk, kitting_tasks_of(desk, "MPR-000001")[0]);
    REQUIRE(hand_over(desk, desk.desk, request, sato_card)->status == 201);
    return get_ok(desk.desk, request_path(request))["request"];
}

httplib::Result ask(LendingDesk& desk, SignedIn& user, const json& request, const calendar::Date& due) {
    return audited(desk.server, [&] {
        return post_json(user, request_path(request, "/extensions"), {{"due_date", iso(due)}, {"reason", "出張が延びたため"}});
    });
}

httplib::Result decide(LendingDesk& desk, SignedIn& user, const json& request, const json& extension, const json& body) {
    const auto path = request_path(request, "/extensions/" + std::to_string(extension["id"].get<std::int64_t>()) + "/decision");
    return audited(desk.server, [&] { return post_json(user, path, body); });
}

}  // namespace

TEST_CASE("an extension waits in the approver's list, and approved moves the due date and tells the borrower", "[lending][extension][api]") {
    LendingDesk desk(1, 0);
    desk.execute("UPDATE users SET email = 'sato@example.go.jp' WHERE login = 'sato'");
    const auto request = loan_out(desk);
    const auto new_due = business_day_after(calendar::parse_date(request["due_date"].get<std::string>()).value());

    const auto asked = ask(desk, desk.staff, request, new_due);
    REQUIRE(asked->status == 201);
    const auto extension = json_of(asked)["extension"];
    CHECK(extension["state"] == "requested");
    CHECK(extension["current_due"] == request["due_date"]);
    CHECK(error_code_of(ask(desk, desk.staff, request, new_due)) == "extension_refused");
    CHECK(ask(desk, desk.colleague, request, new_due)->status == 404);
    CHECK(ask(desk, desk.desk, request, new_due)->status == 403);
    CHECK(decide(desk, desk.staff, request, extension, {{"decision", "approve"}})->status == 403);
    // The approver finds the loan among those waiting for a decision, with the date asked for.
    const auto waiting = get_ok(desk.desk, "/api/v1/lending/requests?extension=pending")["requests"];
    REQUIRE(waiting.size() == 1);
    CHECK(waiting[0]["id"] == request["id"]);
    CHECK(waiting[0]["pending_extension_due"] == iso(new_due));
    const auto unknown = desk.desk.client->Get("/api/v1/lending/requests?extension=yes");
    REQUIRE(unknown);
    CHECK(unknown->status == 400);
    CHECK(json::parse(unknown->body)["error"]["fields"].contains("extension"));

    const auto decided = decide(desk, desk.desk, request, extension, {{"decision", "approve"}});
    REQUIRE(decided->status == 200);
    CHECK(json_of(decided)["extension"]["state"] == "approved");
    CHECK(json_of(decided)["request"]["due_date"] == iso(new_due));
    CHECK(get_ok(desk.staff, request_path(request))["request"]["due_date"] == iso(new_due));
    CHECK(get_ok(desk.staff, request_path(request, "/extensions"))["extensions"].size() == 1);
    CHECK(get_ok(desk.desk, "/api/v1/lending/requests?extension=pending")["requests"].empty());
    CHECK(get_ok(desk.staff, request_path(request))["request"]["pending_extension_due"].is_null());
    CHECK(queued_to(desk.server.database_path(), "lending.extension_approved") ==
          std::vector<std::string>{"sato@example.go.jp"});
    // In the app too, pointing at the loan (no ticket).
    const auto told = get_ok(desk.staff, "/api/v1/me/notifications")["notifications"];
    REQUIRE_FALSE(told.empty());
    CHECK(told[0]["event"] == "lending.extension_approved");
    CHECK(told[0]["loan_request_id"] == request["id"]);
    CHECK(told[0]["loan_request_number"] == request["number"]);
    CHECK(told[0]["ticket_id"].is_null());
    CHECK(error_code_of(decide(desk, desk.desk, request, extension, {{"decision", "reject"}, {"reason", "重複"}})) ==
          "extension_refused");
}

TEST_CASE("an extension past the rule or into another reservation is refused with the latest date that works",
          "[lending][extension][api]") {
    LendingDesk desk(1, 0);
    const auto request = loan_out(desk);
    const auto too_far = calendar::add_days(today(), 400);
    const auto refused = ask(desk, desk.staff, request, too_far);
    REQUIRE(refused->status == 422);
    CHECK(error_fields(refused) == std::vector<std::string>{"due_date"});
    CHECK(json_of(refused)["latest_due"].is_string());
    CHECK(ask(desk, desk.staff, request, today())->status == 422);  // not after the current due date

    // suzuki has the printer from a later Monday: sato may keep it only until before then.
    desk.execute("UPDATE loan_rules SET max_days = 90 WHERE class = 'mobile_printer'");
    const auto monday = quiet_monday(21);
    const auto later = desk.submitted(desk.colleague, desk.request_body("mobile_printer", 1, monday, calendar::add_days(monday, 2)));
    // Approval allocates only devices on the shelf; the ledger's later reservation of the one
    // out on loan is written straight in.
    const auto later_id = std::to_string(later["id"].get<std::int64_t>());
    desk.execute("UPDATE loan_requests SET state = 'approved' WHERE id = " + later_id);
    desk.execute("INSERT INTO loan_allocations (request_id, device_id) VALUES (" + later_id + ", " +
                 std::to_string(request["devices"][0]["id"].get<std::int64_t>()) + ")");
    const auto reserved = ask(desk, desk.staff, request, calendar::add_days(monday, 1));
    REQUIRE(reserved->status == 422);
    CHECK(json_of(reserved)["error"]["fields"]["due_date"].get<std::string>().find("reserv") != std::string::npos);
    CHECK(calendar::parse_date(json_of(reserved)["latest_due"].get<std::string>()).value() < monday);

    // A rejection needs a reason and is told to the borrower.
    const auto asked = ask(desk, desk.staff, request, business_day_after(business_day_after(today())));
    REQUIRE(asked->status == 201);
    const auto extension = json_of(asked)["extension"];
    CHECK(decide(desk, desk.desk, request, extension, {{"decision", "reject"}})->status == 422);
    const auto rejected = decide(desk, desk.desk, request, extension, {{"decision", "reject"}, {"reason", "次の予約があるため"}});
    REQUIRE(rejected->status == 200);
    CHECK(json_of(rejected)["request"]["due_date"] == request["due_date"]);
}
