// Return reminders (返却督促) over real HTTP and SQLite, the reminder run driven with the
// instants the tests choose: reminders before and after the due date on business days only
// across Golden Week 2027 and the year-end closure 2026/27, the division manager's copy,
// escalation to the IT office after the third overdue reminder (once, with the history),
// idempotent reruns, an outage caught up with one reminder, delivery through a receiver that
// fails and recovers, the desk's manual reminder, the overdue list and who sees what.
#include <catch2/catch.hpp>

#include <thread>

#include "calendar/tokyo_time.hpp"
#include "inquiry_test_support.hpp"
#include "lending/reminder_run.hpp"
#include "lending_test_support.hpp"
#include "notification_test_support.hpp"
#include "notifications/outbox_worker.hpp"
#include "store/database.hpp"

using namespace madoguchi::testing;
using nlohmann::json;
namespace calendar = madoguchi::calendar;
namespace store = madoguchi::server::store;
using madoguchi::server::lending::ReminderSweep;
using madoguchi::server::notifications::OutboxWorker;

namespace {

using Texts = std::vector<std::string>;

calendar::Instant tokyo(int year, int month, int day, int hour, int minute = 0) {
    return calendar::from_tokyo(calendar::Date{year, month, day}, (hour * 60 + minute) * 60);
}

// The reminder run at `now` on a connection of its own, as the server's job runs it.
ReminderSweep run_at(LendingDesk& desk, calendar::Instant now) {
    auto database = store::Database::open(desk.server.database_path());
    REQUIRE(database);
    auto swept = madoguchi::server::lending::run_reminders(database.value(), now);
    INFO((swept ? "" : swept.error()));
    REQUIRE(swept);
    return swept.value();
}

// Submitted by the borrower, approved by the class's approver, handed over.
json lent(LendingDesk& desk, SignedIn& borrower, SignedIn& approver, const std::string& class_code,
          const calendar::Date& start, const calendar::Date& due) {
    const auto request = desk.submitted(borrower, desk.request_body(class_code, 1, start, due));
    const auto decided = desk.decide(approver, request, "approved");
    REQUIRE(decided);
    INFO(decided->body);
    REQUIRE(decided->status == 200);
    return desk.hand_over(desk.desk, json_of(decided)["request"]);
}

json history(SignedIn& user, const json& loan) { return get_ok(user, request_path(loan, "/reminders")); }

Texts keys_of(const json& reminders, const std::string& state = "") {
    Texts keys;
    for (const auto& reminder : reminders) {
        if (state.empty() || reminder["state"] == state) keys.push_back(reminder["key"].get<std::string>());
    }
    return keys;
}

std::int64_t audits(LendingDesk& desk, const std::string& action, const json& loan) {
    return count_rows(desk.server.database_path(), "SELECT count(*) FROM audit_log WHERE action = '" + action +
                                                       "' AND object_id = '" + std::to_string(loan["id"].get<std::int64_t>()) + "'");
}

void set_email(LendingDesk& desk, const std::string& login, const std::string& email) {
    desk.execute("UPDATE users SET email = '" + email + "' WHERE login = '" + login + "'");
}

// sato's mobile printer due Wed 2027-04-28 (4/29 昭和の日, 5/3–5/5 憲法記念日・みどりの日・
// こどもの日); sato and the IT office's ito1 with e-mail addresses.
json golden_week_loan(LendingDesk& desk) {
    add_user(desk.server, {"ito1", {Role::it_office}, "D-ITO"});
    set_email(desk, "sato", "sato@example.go.jp");
    set_email(desk, "ito1", "ito1@example.go.jp");
    return lent(desk, desk.staff, desk.desk, "mobile_printer", {2027, 4, 19}, {2027, 4, 28});
}

}  // namespace

TEST_CASE("reminders across Golden Week 2027 go out on business days only, then the IT office takes over once",
          "[lending][reminders][api]") {
    LendingDesk desk(2, 0);
    const auto loan = golden_week_loan(desk);
    const auto db = desk.server.database_path();

    CHECK(run_at(desk, tokyo(2027, 4, 23, 12)).sent == 0);  // Fri: three business days ahead
    CHECK(run_at(desk, tokyo(2027, 4, 26, 8, 59)).sent == 0);  // Mon before the sending time
    CHECK(run_at(desk, tokyo(2027, 4, 26, 9)).sent == 1);
    CHECK(run_at(desk, tokyo(2027, 4, 26, 9, 5)).sent == 0);  // running twice sends nothing twice
    CHECK(queued_to(db, "lending.reminder_before_due") == Texts{"sato@example.go.jp"});

    CHECK(run_at(desk, tokyo(2027, 4, 29, 10)).sent == 0);  // 昭和の日
    CHECK(run_at(desk, tokyo(2027, 4, 30, 9)).sent == 1);   // +1
    for (int day = 1; day <= 5; ++day) CHECK(run_at(desk, tokyo(2027, 5, day, 10)).sent == 0);
    CHECK(run_at(desk, tokyo(2027, 5, 6, 10)).sent == 0);   // +2
    CHECK(run_at(desk, tokyo(2027, 5, 7, 9)).sent == 1);    // +3
    CHECK(run_at(desk, tokyo(2027, 5, 12, 10)).sent == 0);  // +6
    const auto third = run_at(desk, tokyo(2027, 5, 13, 9));  // +7
    CHECK(third.sent == 1);
    CHECK(third.escalated == 0);
    CHECK(queued_to(db, "lending.reminder_overdue") == Texts(3, "sato@example.go.jp"));

    const auto recorded = history(desk.staff, loan);
    CHECK(keys_of(recorded["reminders"]) == Texts{"before_due-2@2027-04-28", "overdue+1@2027-04-28",
                                                  "overdue+3@2027-04-28", "overdue+7@2027-04-28"});
    CHECK(recorded["reminders"][3]["overdue_number"] == 3);
    CHECK(recorded["reminders"][3]["recorded_at"] == "2027-05-13T00:00:00Z");
    CHECK(recorded["escalated"] == false);
    CHECK(audits(desk, "lending.reminded", loan) == 4);

    // The borrower has the rest of Thursday; Friday's first run hands the loan to the IT office.
    CHECK(run_at(desk, tokyo(2027, 5, 13, 17)).escalated == 0);
    CHECK(run_at(desk, tokyo(2027, 5, 14, 9)).escalated == 1);
    CHECK(run_at(desk, tokyo(2027, 5, 14, 9, 5)).escalated == 0);
    CHECK(run_at(desk, tokyo(2027, 5, 17, 9)).escalated == 0);  // a later day, a new connection: still once
    CHECK(queued_to(db, "lending.escalated") == Texts{"ito1@example.go.jp"});
    CHECK(count_rows(db, "SELECT count(*) FROM audit_log WHERE action = 'lending.escalated' AND actor = 'system'") == 1);
    // Every in-app entry of the loan's reminders and of its escalation points at the loan.
    const auto loan_entries = "SELECT count(*) FROM notification_inbox WHERE loan_request_id = " +
                              std::to_string(loan["id"].get<std::int64_t>()) + " AND loan_request_number = '" +
                              loan["number"].get<std::string>() + "' AND ticket_id IS NULL AND event = ";
    CHECK(count_rows(db, loan_entries + "'lending.reminder_overdue'") == 3);
    CHECK(count_rows(db, loan_entries + "'lending.escalated'") == 1);
    CHECK(history(desk.desk, loan)["escalated"] == true);
    // The IT office's message carries the history.
    const auto body = count_rows(db, "SELECT count(*) FROM notification_outbox WHERE event = 'lending.escalated' AND "
                                     "body LIKE '%overdue+1@2027-04-28%' AND body LIKE '%overdue+7@2027-04-28%' AND "
                                     "body LIKE '%第3回%' AND body LIKE '%MPR-000001%'");
    CHECK(body == 1);
    CHECK(count_rows(db, "SELECT count(*) FROM notification_outbox WHERE event <> 'lending.approved'") == 5);
}

TEST_CASE("over the year-end closure no reminder is sent or counted, the division manager gets a copy",
          "[lending][reminders][api]") {
    LendingDesk desk(0, 1);
    set_email(desk, "sato", "sato@example.go.jp");
    set_email(desk, "boss1", "boss1@example.go.jp");
    set_email(desk, "boss2", "boss2@example.go.jp");
    // A business PC (its policy copies the manager), due Mon 2026-12-28; closed 12/29–1/3,
    // 1/11 成人の日.
    const auto loan = lent(desk, desk.staff, desk.manager, "business_pc", {2026, 12, 14}, {2026, 12, 28});
    const auto db = desk.server.database_path();

    CHECK(run_at(desk, tokyo(2026, 12, 24, 9)).sent == 1);  // 2 business days before
    CHECK(queued_to(db, "lending.reminder_before_due") == Texts{"sato@example.go.jp"});  // no copy before the due date
    for (const int day : {29, 30, 31}) CHECK(run_at(desk, tokyo(2026, 12, day, 10)).sent == 0);
    for (const int day : {1, 2, 3}) CHECK(run_at(desk, tokyo(2027, 1, day, 10)).sent == 0);
    CHECK(run_at(desk, tokyo(2027, 1, 4, 9)).sent == 1);  // +1 is the first business day of the year
    CHECK(queued_to(db, "lending.reminder_overdue") == Texts{"sato@example.go.jp", "boss1@example.go.jp"});
    CHECK(run_at(desk, tokyo(2027, 1, 6, 9)).sent == 1);   // +3
    CHECK(run_at(desk, tokyo(2027, 1, 11, 10)).sent == 0);  // 成人の日
    CHECK(run_at(desk, tokyo(2027, 1, 12, 10)).sent == 0);  // +6
    CHECK(run_at(desk, tokyo(2027, 1, 13, 9)).sent == 1);   // +7
    CHECK(keys_of(history(desk.staff, loan)["reminders"]) ==
          Texts{"before_due-2@2026-12-28", "overdue+1@2026-12-28", "overdue+3@2026-12-28", "overdue+7@2026-12-28"});
    // The manager's copy also reaches the in-app inbox, pointing at the loan.
    CHECK(count_rows(db, "SELECT count(*) FROM notification_inbox i JOIN users u ON u.id = i.user_id "
                         "WHERE u.login = 'boss1' AND i.event = 'lending.reminder_overdue' AND i.loan_request_id = " +
                             std::to_string(loan["id"].get<std::int64_t>())) == 3);
    CHECK(count_rows(db, "SELECT count(*) FROM notification_inbox i JOIN users u ON u.id = i.user_id "
                         "WHERE u.login = 'boss2'") == 0);
}

TEST_CASE("after an outage one up-to-date reminder goes out, the passed ones are recorded superseded and still count",
          "[lending][reminders][api]") {
    LendingDesk desk(2, 0);
    const auto loan = golden_week_loan(desk);
    const auto db = desk.server.database_path();

    // The job was down from before the notice until Fri 5/7 10:00.
    const auto caught_up = run_at(desk, tokyo(2027, 5, 7, 10));
    CHECK(caught_up.sent == 1);
    CHECK(caught_up.superseded == 2);
    const auto recorded = history(desk.desk, loan)["reminders"];
    CHECK(keys_of(recorded, "superseded") == Texts{"before_due-2@2027-04-28", "overdue+1@2027-04-28"});
    CHECK(keys_of(recorded, "sent") == Texts{"overdue+3@2027-04-28"});
    CHECK(recorded[2]["overdue_number"] == 2);
    CHECK(queued_to(db, "lending.reminder_before_due").empty());
    CHECK(queued_to(db, "lending.reminder_overdue") == Texts{"sato@example.go.jp"});
    CHECK(run_at(desk, tokyo(2027, 5, 7, 10, 5)).sent == 0);

    // +7 is the third overdue one counted: the IT office on the next business day, as without the outage.
    CHECK(run_at(desk, tokyo(2027, 5, 13, 9)).sent == 1);
    CHECK(run_at(desk, tokyo(2027, 5, 14, 9)).escalated == 1);
    CHECK(queued_to(db, "lending.escalated") == Texts{"ito1@example.go.jp"});
    CHECK(count_rows(db, "SELECT count(*) FROM notification_outbox WHERE event = 'lending.escalated' AND "
                         "body LIKE '%before_due-2@2027-04-28%'") == 1);
}

TEST_CASE("a moved due date moves the reminders, the overdue ones already sent stay counted", "[lending][reminders][api]") {
    LendingDesk desk(2, 0);
    const auto loan = lent(desk, desk.staff, desk.desk, "mobile_printer", {2027, 4, 19}, {2027, 4, 28});
    CHECK(run_at(desk, tokyo(2027, 4, 30, 9)).sent == 1);  // overdue+1 (the notice passed with it)
    // An extension to Fri 5/14, as the extension work will write it.
    desk.execute("UPDATE loan_requests SET due_date = '2027-05-14' WHERE id = " + std::to_string(loan["id"].get<std::int64_t>()));
    CHECK(run_at(desk, tokyo(2027, 5, 7, 9)).sent == 0);    // the old +3 is gone
    CHECK(run_at(desk, tokyo(2027, 5, 12, 9)).sent == 1);   // 2 business days before the new date
    CHECK(run_at(desk, tokyo(2027, 5, 17, 9)).sent == 1);   // +1 after it
    const auto recorded = history(desk.staff, loan)["reminders"];
    CHECK(keys_of(recorded, "sent") ==
          Texts{"overdue+1@2027-04-28", "before_due-2@2027-05-14", "overdue+1@2027-05-14"});
    CHECK(recorded.back()["overdue_number"] == 2);
}

TEST_CASE("a webhook that fails and recovers gets each reminder once, nothing is lost", "[lending][reminders][notifications]") {
    LendingDesk desk(2, 0);
    SmtpSink sink;
    WebhookReceiver receiver(2);
    desk.execute("INSERT INTO notification_routing (event, position, recipient) VALUES ('lending.reminder_overdue', 2, 'slack:desk')");
    lent(desk, desk.staff, desk.desk, "mobile_printer", {2027, 4, 19}, {2027, 4, 28});
    set_email(desk, "sato", "sato@example.go.jp");
    OutboxWorker worker(desk.server.database_path(), quick_config(&sink, &receiver));

    CHECK(run_at(desk, tokyo(2027, 4, 30, 9)).sent == 1);
    CHECK(run_at(desk, tokyo(2027, 4, 30, 9, 30)).sent == 0);
    REQUIRE(wait_until([&] { return receiver.accepted().size() == 1 && sink.messages().size() == 1; }));
    CHECK(run_at(desk, tokyo(2027, 4, 30, 10)).sent == 0);
    // Long enough for a wrongly repeated send to have happened.
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    CHECK(receiver.accepted().size() == 1);
    CHECK(receiver.requests() == 3);
    CHECK(sink.messages().size() == 1);
    CHECK(receiver.accepted().front().find("返却のお願い（第1回）") != std::string::npos);
    CHECK(count_rows(desk.server.database_path(), "SELECT count(*) FROM notification_outbox WHERE state = 'sent'") == 2);
}

TEST_CASE("the desk sends a reminder now, only a loan on loan, only the desk", "[lending][reminders][api]") {
    LendingDesk desk(3, 0);
    set_email(desk, "sato", "sato@example.go.jp");
    const auto monday = quiet_monday();
    const auto loan = lent(desk, desk.staff, desk.desk, "mobile_printer", monday, calendar::add_days(monday, 4));
    const auto sent = audited(desk.server, [&] { return post_json(desk.desk, request_path(loan, "/reminders"), json::object()); });
    REQUIRE(sent);
    INFO(sent->body);
    REQUIRE(sent->status == 201);
    const auto reminder = json_of(sent)["reminder"];
    CHECK(reminder["key"].get<std::string>().starts_with("manual@"));
    CHECK(reminder["kind"] == "before_due");
    CHECK(reminder["sent_by"] == "desk1");
    CHECK(queued_to(desk.server.database_path(), "lending.reminder_before_due") == Texts{"sato@example.go.jp"});
    CHECK(audits(desk, "lending.reminded", loan) == 1);
    CHECK(history(desk.staff, loan)["reminders"].size() == 1);

    CHECK(post_json(desk.staff, request_path(loan, "/reminders"), json::object())->status == 403);
    CHECK(post_json(desk.desk, "/api/v1/lending/requests/999999/reminders", json::object())->status == 404);
    const auto submitted_only = desk.submitted(desk.colleague, desk.request_body("mobile_printer", 1, monday, monday));
    const auto waiting = post_json(desk.desk, request_path(submitted_only, "/reminders"), json::object());
    CHECK(waiting->status == 409);
    CHECK(json_of(waiting)["error"]["code"] == "not_on_loan");
}

TEST_CASE("the overdue list: most overdue first, with history, managers see their division's, staff their own history",
          "[lending][reminders][api]") {
    LendingDesk desk(3, 0);
    auto auditor = signed_in_user(desk.server, {"audit1", {Role::auditor}, "D-AUDIT"});
    auto ito = signed_in_user(desk.server, {"ito1", {Role::it_office}, "D-ITO"});
    auto outsider = signed_in_user(desk.server, {"tanaka", {Role::staff}, "D-OTHER"});
    const auto monday = quiet_monday();
    const auto first = lent(desk, desk.staff, desk.desk, "mobile_printer", monday, calendar::add_days(monday, 4));
    const auto second = lent(desk, outsider, desk.desk, "mobile_printer", monday, calendar::add_days(monday, 4));
    const auto on_time = lent(desk, desk.colleague, desk.desk, "mobile_printer", monday, calendar::add_days(monday, 4));
    // Time passed: the two loans' periods now lie in the past, the outsider's the longer ago.
    const auto today = calendar::to_tokyo(calendar::now()).date;
    const auto move = [&](const json& loan, int due_days_ago) {
        const auto due = calendar::add_days(today, -due_days_ago);
        desk.execute("UPDATE loan_requests SET start_date = '" + iso(calendar::add_days(due, -4)) + "', due_date = '" +
                     iso(due) + "' WHERE id = " + std::to_string(loan["id"].get<std::int64_t>()));
    };
    move(first, 3);
    move(second, 10);
    REQUIRE(post_json(desk.desk, request_path(first, "/reminders"), json::object())->status == 201);

    const auto list = get_ok(desk.desk, "/api/v1/lending/overdue");
    CHECK(list["total"] == 2);
    REQUIRE(list["loans"].size() == 2);
    CHECK(list["loans"][0]["id"] == second["id"]);
    CHECK(list["loans"][0]["borrower_login"] == "tanaka");
    CHECK(list["loans"][0]["division_code"] == "D-OTHER");
    CHECK(list["loans"][1]["id"] == first["id"]);
    CHECK(list["loans"][1]["asset_tags"] == json{first["devices"][0]["asset_tag"]});
    CHECK(list["loans"][1]["due_date"] == iso(calendar::add_days(today, -3)));
    CHECK(list["loans"][1]["business_days_overdue"] ==
          madoguchi::server::lending::business_days_between(calendar::add_days(today, -3), today));
    CHECK(list["loans"][0]["business_days_overdue"] > list["loans"][1]["business_days_overdue"]);
    REQUIRE(list["loans"][1]["reminders"].size() == 1);
    CHECK(list["loans"][1]["reminders"][0]["kind"] == "overdue");
    CHECK(list["loans"][1]["reminders"][0]["overdue_number"] == 1);
    CHECK(list["loans"][1]["escalated"] == false);

    const auto paged = get_ok(desk.desk, "/api/v1/lending/overdue?limit=1&offset=1");
    CHECK(paged["total"] == 2);
    REQUIRE(paged["loans"].size() == 1);
    CHECK(paged["loans"][0]["id"] == first["id"]);
    CHECK(get_ok(ito, "/api/v1/lending/overdue")["total"] == 2);
    CHECK(get_ok(auditor, "/api/v1/lending/overdue")["total"] == 2);
    const auto own_division = get_ok(desk.manager, "/api/v1/lending/overdue");
    REQUIRE(own_division["loans"].size() == 1);
    CHECK(own_division["loans"][0]["id"] == first["id"]);
    CHECK(get_ok(desk.other_manager, "/api/v1/lending/overdue")["total"] == 1);  // D-OTHER: tanaka's
    CHECK(desk.staff.client->Get("/api/v1/lending/overdue")->status == 403);
    CHECK(desk.server.client()->Get("/api/v1/lending/overdue?limit=0")->status == 401);

    // The history: the borrower's own, not a colleague's.
    CHECK(history(desk.staff, first)["reminders"].size() == 1);
    CHECK(desk.colleague.client->Get(request_path(first, "/reminders"))->status == 404);
    CHECK(desk.staff.client->Get(request_path(on_time, "/reminders"))->status == 404);
    CHECK(history(desk.colleague, on_time)["reminders"].empty());
    CHECK(desk.desk.client->Get("/api/v1/lending/overdue?limit=0")->status == 400);
}

TEST_CASE("admins edit the reminder policies: checked, versioned, audited, and the run follows them",
          "[lending][reminders][api]") {
    LendingDesk desk(2, 0);
    auto policies = get_ok(desk.staff, "/api/v1/lending/reminder-policies")["policies"];
    REQUIRE(policies.size() == 5);
    auto printer = policies[0];
    CHECK(printer["class_code"] == "mobile_printer");
    CHECK(printer["after_due"] == json{1, 3, 7});
    CHECK(printer["escalate_after"] == 3);

    const auto edit = [&](json policy) {
        policy.erase("updated_by");
        policy.erase("updated_at");
        return json{{"policies", {policy}}};
    };
    auto changed = printer;
    changed["before_due"] = json::array();
    changed["after_due"] = {2};
    changed["escalate_after"] = 0;
    const auto refused = put_json(desk.admin, "/api/v1/lending/reminder-policies", edit([&] {
                                      auto bad = changed;
                                      bad["after_due"] = {3, 2};
                                      bad["escalate_after"] = 5;
                                      return bad;
                                  }()));
    CHECK(refused->status == 422);
    CHECK(error_fields(refused) == Texts{"policies[0].after_due", "policies[0].escalate_after"});
    const auto malformed = put_json(desk.admin, "/api/v1/lending/reminder-policies", edit([&] {
                                        auto bad = changed;
                                        bad["after_due"] = "2";
                                        bad["colour"] = "red";
                                        return bad;
                                    }()));
    CHECK(malformed->status == 400);
    CHECK(error_fields(malformed) == Texts{"policies[0].after_due", "policies[0].colour"});
    CHECK(put_json(desk.desk, "/api/v1/lending/reminder-policies", edit(changed))->status == 403);

    const auto saved = audited(desk.server, [&] { return put_json(desk.admin, "/api/v1/lending/reminder-policies", edit(changed)); });
    REQUIRE(saved->status == 200);
    CHECK(json_of(saved)["policies"][0]["after_due"] == json{2});
    CHECK(json_of(saved)["policies"][0]["version"] == 2);
    CHECK(json_of(saved)["policies"][0]["updated_by"] == "admin1");
    const auto stale = put_json(desk.admin, "/api/v1/lending/reminder-policies", edit(changed));
    CHECK(stale->status == 409);
    CHECK(json_of(stale)["error"]["code"] == "stale_version");
    CHECK(json_of(stale)["policies"][0]["version"] == 2);

    // No notice before, one reminder at +2, never the IT office.
    const auto loan = lent(desk, desk.staff, desk.desk, "mobile_printer", {2027, 4, 19}, {2027, 4, 28});
    CHECK(run_at(desk, tokyo(2027, 4, 26, 9)).sent == 0);
    CHECK(run_at(desk, tokyo(2027, 5, 6, 9)).sent == 1);  // +2: 4/30, 5/6
    CHECK(run_at(desk, tokyo(2027, 5, 20, 9)).escalated == 0);
    CHECK(keys_of(history(desk.staff, loan)["reminders"]) == Texts{"overdue+2@2027-04-28"});
}
