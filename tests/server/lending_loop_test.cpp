// The whole loan in one test, over real HTTP and SQLite, every step through the API the desk
// and staff use: the borrower asks, the division's manager approves, the desk kits the device
// and hands it over at the counter, the borrower gets an extension, the reminder run (driven
// with instants after the due date, as the server's job would meet them) reminds on business
// days only and then hands the loan to the IT office with its history, the device comes back
// short of an accessory, and re-kitting makes it lendable again. The only shortcut is time:
// the approved request's days are moved to start today, as if they had come.
#include <catch2/catch.hpp>

#include "calendar/business_calendar.hpp"
#include "calendar/tokyo_time.hpp"
#include "lending/reminder_run.hpp"
#include "inquiry_test_support.hpp"
#include "lending_counter_support.hpp"
#include "notification_test_support.hpp"
#include "store/database.hpp"

using namespace madoguchi::testing;
using nlohmann::json;
namespace calendar = madoguchi::calendar;
namespace store = madoguchi::server::store;

namespace {

using Texts = std::vector<std::string>;

calendar::Date business_days_after(calendar::Date date, int count) {
    while (count > 0) {
        date = calendar::add_days(date, 1);
        if (!calendar::is_closed_day(date)) --count;
    }
    return date;
}

calendar::Date business_days_before(calendar::Date date, int count) {
    while (count > 0) {
        date = calendar::add_days(date, -1);
        if (!calendar::is_closed_day(date)) --count;
    }
    return date;
}

// The first closed day after `date` (a weekend is never far).
calendar::Date closed_day_after(calendar::Date date) {
    do date = calendar::add_days(date, 1);
    while (!calendar::is_closed_day(date));
    return date;
}

calendar::Instant at_tokyo(const calendar::Date& date, int hour, int minute = 0) {
    return calendar::from_tokyo(date, (hour * 60 + minute) * 60);
}

madoguchi::server::lending::ReminderSweep run_at(LendingDesk& desk, calendar::Instant now) {
    auto database = store::Database::open(desk.server.database_path());
    REQUIRE(database);
    auto swept = madoguchi::server::lending::run_reminders(database.value(), now);
    INFO((swept ? "" : swept.error()));
    REQUIRE(swept);
    return swept.value();
}

json answer(const httplib::Result& response, int status) {
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == status);
    return json_of(response);
}

// What the audit trail says of the loan and its extensions, in order.
Texts audit_actions(LendingDesk& desk, const json& loan) {
    auto database = store::Database::open(desk.server.database_path());
    REQUIRE(database);
    auto select = database.value().prepare(
        "SELECT action FROM audit_log WHERE (object_type = 'loan_request' AND object_id = ?1) OR (object_type = "
        "'loan_extension' AND object_id IN (SELECT CAST(id AS TEXT) FROM loan_extensions WHERE request_id = ?1)) ORDER BY id");
    REQUIRE(select);
    select.value().bind(1, std::to_string(loan["id"].get<std::int64_t>()));
    Texts actions;
    while (true) {
        auto row = select.value().step();
        REQUIRE(row);
        if (!row.value()) break;
        actions.push_back(select.value().column_text(0));
    }
    return actions;
}

}  // namespace

TEST_CASE("a loan from request to re-kitting: approval, kitting, handover, extension, reminders, escalation, return",
          "[lending][loop][api]") {
    LendingDesk desk(1, 0);
    issue_cards(desk);
    add_user(desk.server, {"ito1", {Role::it_office}, "D-ITO"});
    for (const auto* login : {"sato", "ito1"}) {
        desk.execute(std::string("UPDATE users SET email = '") + login + "@example.go.jp' WHERE login = '" + login + "'");
    }
    desk.execute("UPDATE loan_rules SET approver = 'manager' WHERE class = 'mobile_printer'");
    const auto db = desk.server.database_path();

    // Asked for a week; the desk may not decide it, the division's manager does.
    const auto monday = quiet_monday();
    auto request = desk.submitted(desk.staff, desk.request_body("mobile_printer", 1, monday, calendar::add_days(monday, 4)));
    CHECK(request["state"] == "submitted");
    CHECK(desk.decide(desk.desk, request, "approved")->status == 403);
    CHECK(desk.decide(desk.other_manager, request, "approved")->status == 404);
    request = answer(desk.decide(desk.manager, request, "approved"), 200)["request"];
    CHECK(request["state"] == "approved");
    CHECK(request["devices"][0]["asset_tag"] == "MPR-000001");
    CHECK(queued_to(db, "lending.approved") == Texts{"sato@example.go.jp"});

    // Its days have come (the loan is now from today to two business days on); kitting
    // before the counter will give it out. Two, so that its reminder before the due date
    // falls after the loan began on a closed day too (a Saturday in Tokyo): one begun after
    // that moment is not reminded of it.
    const auto today = calendar::to_tokyo(calendar::now()).date;
    desk.execute("UPDATE loan_requests SET start_date = '" + iso(today) + "', due_date = '" +
                 iso(business_days_after(today, 2)) + "' WHERE id = " + std::to_string(request["id"].get<std::int64_t>()));
    request = get_ok(desk.staff, request_path(request))["request"];
    CHECK(error_code_of(hand_over(desk, desk.desk, request, sato_card)) == "handover_refused");
    const auto task = kitting_tasks_of(desk, "MPR-000001");
    REQUIRE(task.size() == 1);
    CHECK(kit_through(desk, task[0])["state"] == "done");
    const auto receipt = answer(hand_over(desk, desk.desk, request, sato_card), 201)["receipt"];
    CHECK(receipt["tags"] == json{"MPR-000001"});
    CHECK(desk.device_state("MPR-000001") == "on_loan");

    // An extension of one business day, asked by the borrower and approved by the manager.
    const auto asked_due = business_days_after(calendar::parse_date(request["due_date"].get<std::string>()).value(), 1);
    const auto extension = answer(audited(desk.server, [&] {
                                      return post_json(desk.staff, request_path(request, "/extensions"),
                                                       {{"due_date", iso(asked_due)}, {"reason", "出張が延びたため"}});
                                  }),
                                  201)["extension"];
    const auto decided = answer(audited(desk.server, [&] {
                                    return post_json(desk.manager,
                                                     request_path(request, "/extensions/" +
                                                                               std::to_string(extension["id"].get<std::int64_t>()) +
                                                                               "/decision"),
                                                     {{"decision", "approve"}});
                                }),
                                200);
    CHECK(decided["request"]["due_date"] == iso(asked_due));
    const auto due = asked_due;

    // The reminders follow the new date: two business days before it, then +1, +3 and +7
    // business days after it, at 9:00, never on a closed day; then the IT office, once.
    const auto notice = business_days_before(due, 2);
    CHECK(run_at(desk, at_tokyo(notice, 8, 59)).sent == 0);
    CHECK(run_at(desk, at_tokyo(notice, 9)).sent == 1);
    CHECK(run_at(desk, at_tokyo(notice, 9, 5)).sent == 0);
    CHECK(run_at(desk, at_tokyo(closed_day_after(due), 10)).sent == 0);
    for (const int days : {1, 3, 7}) {
        INFO("+" << days << " business days");
        CHECK(run_at(desk, at_tokyo(business_days_after(due, days), 9)).sent == 1);
    }
    CHECK(run_at(desk, at_tokyo(business_days_after(due, 7), 17)).escalated == 0);
    CHECK(run_at(desk, at_tokyo(business_days_after(due, 8), 9)).escalated == 1);
    CHECK(run_at(desk, at_tokyo(business_days_after(due, 9), 9)).escalated == 0);
    CHECK(queued_to(db, "lending.reminder_before_due") == Texts{"sato@example.go.jp"});
    CHECK(queued_to(db, "lending.reminder_overdue") == Texts(3, "sato@example.go.jp"));
    CHECK(queued_to(db, "lending.escalated") == Texts{"ito1@example.go.jp"});
    const auto suffix = "@" + iso(due);
    CHECK(count_rows(db, "SELECT count(*) FROM notification_outbox WHERE event = 'lending.escalated' AND body LIKE '%overdue+7" +
                             suffix + "%' AND body LIKE '%MPR-000001%'") == 1);
    const auto reminders = get_ok(desk.staff, request_path(request, "/reminders"));
    CHECK(reminders["escalated"] == true);
    REQUIRE(reminders["reminders"].size() == 4);
    CHECK(reminders["reminders"][3]["key"] == "overdue+7" + suffix);
    CHECK(reminders["reminders"][3]["overdue_number"] == 3);

    // Back at the counter short of its AC adapter: recorded, and to re-kitting rather than the shelf.
    const auto returned =
        answer(take_back(desk, "MPR-000001", {{"damaged", false}, {"missing_accessories", {"ACアダプタ"}}}), 201)["return"];
    CHECK(returned["outcome"] == "missing_accessory");
    CHECK(returned["missing_accessories"] == json{"ACアダプタ"});
    CHECK(returned["request_state"] == "returned");
    CHECK(desk.device_state("MPR-000001") == "kitting");
    CHECK(run_at(desk, at_tokyo(business_days_after(due, 10), 9)).sent == 0);  // returned: no more reminders

    const auto rekitting = kitting_tasks_of(desk, "MPR-000001");
    REQUIRE(rekitting.size() == 1);
    CHECK(rekitting[0]["kind"] == "rekitting");
    kit_through(desk, rekitting[0]);
    CHECK(desk.device_state("MPR-000001") == "in_stock");

    CHECK(audit_actions(desk, request) ==
          Texts{"loan_request.submitted", "loan_request.approved", "loan_request.handed_over", "loan_extension.requested",
                "loan_extension.approved", "lending.reminded", "lending.reminded", "lending.reminded", "lending.reminded",
                "lending.escalated", "loan_request.device_returned"});
}
