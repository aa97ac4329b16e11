// 紛失・盗難 over real HTTP and SQLite: a borrower's report turns the device lost or stolen,
// opens a security incident linked to it that the IT office is told of at once, notes the
// GSS remote wipe, ends the loan and lets the desk issue a replacement; the offline form's
// second submission replays the first; reports about what one may not report are refused.
#include <catch2/catch.hpp>

#include "calendar/tokyo_time.hpp"
#include "inquiry_test_support.hpp"
#include "lending_test_support.hpp"
#include "notification_test_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;
namespace calendar = madoguchi::calendar;

namespace {

std::string error_code(const httplib::Result& response) { return json_of(response)["error"]["code"].get<std::string>(); }

// An hour ago, with the Tokyo offset the form records.
std::string an_hour_ago() {
    auto instant = calendar::now();
    instant.unix_seconds -= 3600;
    return calendar::format_iso8601_tokyo(instant);
}

json report_body(const std::string& tag, const std::string& kind) {
    return {{"tag", tag},
            {"kind", kind},
            {"occurred_at", an_hour_ago()},
            {"place", "JR山手線 車内（新橋駅付近）"},
            {"circumstances", "網棚に置いた鞄ごと見当たらなくなった。\n駅に届出済み。"}};
}

httplib::Result report(SignedIn& user, const json& body, const std::string& key = "") {
    httplib::Headers headers;
    if (!key.empty()) headers.emplace("Idempotency-Key", key);
    return user.client->Post("/api/v1/lending/loss-reports", headers, body.dump(), "application/json");
}

json reported(LendingDesk& desk, SignedIn& user, const json& body, const std::string& key = "") {
    const auto response = audited(desk.server, [&] { return report(user, body, key); });
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 201);
    return json_of(response);
}

// The request approved by `approver`, then handed over as the counter does (devices and
// request on loan).
json on_loan(LendingDesk& desk, SignedIn& borrower, SignedIn& approver, const std::string& class_code, int quantity) {
    const auto monday = quiet_monday();
    const auto request = desk.submitted(borrower, desk.request_body(class_code, quantity, monday, calendar::add_days(monday, 4)));
    const auto decided = desk.decide(approver, request, "approved");
    REQUIRE(decided);
    INFO(decided->body);
    REQUIRE(decided->status == 200);
    const auto id = std::to_string(request["id"].get<std::int64_t>());
    desk.execute("UPDATE loan_requests SET state = 'on_loan', version = version + 1 WHERE id = " + id);
    desk.execute("UPDATE devices SET state = 'on_loan' WHERE id IN (SELECT device_id FROM loan_allocations WHERE request_id = " +
                 id + ")");
    return get_ok(borrower, request_path(request))["request"];
}

std::int64_t rows(LendingDesk& desk, const std::string& sql) { return count_rows(desk.server.database_path(), sql); }

}  // namespace

TEST_CASE("a stolen GSS terminal: security incident to the IT office, remote wipe requested, loan ended, replacement",
          "[lending][loss][api]") {
    LendingDesk desk(0, 0);
    auto it_office = signed_in_user(desk.server, {"ito1", {Role::it_office}, "D-ITO"});
    desk.execute("UPDATE users SET email = 'ito1@example.go.jp' WHERE login = 'ito1'");
    desk.add_device("gss_terminal", "GSS-000001");
    desk.add_device("gss_terminal", "GSS-000002");
    const auto loan = on_loan(desk, desk.staff, it_office, "gss_terminal", 1);
    const auto tag = loan["devices"][0]["asset_tag"].get<std::string>();
    const auto spare = tag == "GSS-000001" ? std::string("GSS-000002") : std::string("GSS-000001");

    // The offline form sends the same body again; built once, as occurred_at counts from now.
    const auto form = report_body(tag, "stolen");
    const auto first = reported(desk, desk.staff, form, "loss-form-7f3a");
    const auto& loss = first["loss_report"];
    CHECK(loss["kind"] == "stolen");
    CHECK(loss["asset_tag"] == tag);
    CHECK(loss["borrower_login"] == "sato");
    CHECK(loss["request_number"] == loan["number"]);
    CHECK(loss["remote_wipe_requested"] == true);
    CHECK(loss["replacement"].is_null());
    CHECK(desk.device_state(tag) == "stolen");
    // The loan ends: its only device is gone.
    CHECK(get_ok(desk.staff, request_path(loan))["request"]["state"] == "lost");

    // The security incident: the borrower's, linked to the device, with the remote-wipe note.
    const auto ticket_id = std::to_string(loss["ticket"]["id"].get<std::int64_t>());
    const auto ticket = get_ok(desk.desk, "/api/v1/tickets/" + ticket_id);
    CHECK(ticket["ticket"]["kind"] == "security_incident");
    CHECK(ticket["ticket"]["requester_login"] == "sato");
    CHECK(ticket["ticket"]["number"] == loss["ticket"]["number"]);
    const auto body = ticket["ticket"]["body"].get<std::string>();
    CHECK(body.find("リモートワイプ依頼") != std::string::npos);
    CHECK(body.find(tag) != std::string::npos);
    CHECK(body.find("JR山手線") != std::string::npos);
    REQUIRE(ticket["links"].size() == 1);
    CHECK(ticket["links"][0]["device"]["asset_tag"] == tag);
    // The IT office is told at once.
    CHECK(queued_to(desk.server.database_path(), "security.reported") == std::vector<std::string>{"ito1@example.go.jp"});
    // Its inbox entry points at the incident and at the loan the device was lent on.
    const auto told = get_ok(it_office, "/api/v1/me/notifications")["notifications"];
    REQUIRE(told.size() == 1);
    CHECK(told[0]["event"] == "security.reported");
    CHECK(told[0]["ticket_number"] == loss["ticket"]["number"]);
    CHECK(told[0]["loan_request_id"] == loan["id"]);
    CHECK(told[0]["loan_request_number"] == loan["number"]);
    CHECK(rows(desk, "SELECT count(*) FROM audit_log WHERE action = 'loss_report.created'") == 1);
    CHECK(rows(desk, "SELECT count(*) FROM audit_log WHERE action = 'ticket.created'") == 1);

    SECTION("the offline form's second submission answers the first report again") {
        const auto again = report(desk.staff, form, "loss-form-7f3a");
        REQUIRE(again);
        CHECK(again->status == 201);
        CHECK(again->get_header_value("Idempotency-Replayed") == "true");
        CHECK(json_of(again)["loss_report"]["id"] == loss["id"]);
        CHECK(rows(desk, "SELECT count(*) FROM loan_loss_reports") == 1);
        CHECK(rows(desk, "SELECT count(*) FROM tickets") == 1);
        CHECK(queued_to(desk.server.database_path(), "security.reported").size() == 1);
    }

    SECTION("the desk issues a replacement for the rest of the period, once") {
        const auto path = "/api/v1/lending/loss-reports/" + std::to_string(loss["id"].get<std::int64_t>()) + "/replacement";
        const auto by_staff = post_json(desk.staff, path, {{"version", loss["version"]}});
        REQUIRE(by_staff);
        CHECK(by_staff->status == 403);
        const auto issued = audited(desk.server, [&] { return post_json(desk.desk, path, {{"version", loss["version"]}}); });
        REQUIRE(issued);
        INFO(issued->body);
        REQUIRE(issued->status == 201);
        const auto replacement = json_of(issued)["replacement"];
        CHECK(replacement["state"] == "approved");
        CHECK(replacement["requester_login"] == "sato");
        CHECK(replacement["quantity"] == 1);
        CHECK(replacement["start_date"] == iso(calendar::to_tokyo(calendar::now()).date));
        CHECK(replacement["due_date"] == loan["due_date"]);
        CHECK(replacement["state_reason"].get<std::string>().find(loan["number"].get<std::string>()) != std::string::npos);
        REQUIRE(replacement["devices"].size() == 1);
        CHECK(replacement["devices"][0]["asset_tag"] == spare);
        CHECK(desk.device_state(spare) == "reserved");
        const auto linked = json_of(issued)["loss_report"];
        CHECK(linked["replacement"]["number"] == replacement["number"]);

        const auto twice = post_json(desk.desk, path, {{"version", linked["version"]}});
        REQUIRE(twice);
        CHECK(twice->status == 409);
        CHECK(error_code(twice) == "already_replaced");
    }

    SECTION("the borrower and the desk see the report, a colleague does not") {
        const auto path = "/api/v1/lending/loss-reports/" + std::to_string(loss["id"].get<std::int64_t>());
        CHECK(get_ok(desk.staff, path)["loss_report"]["id"] == loss["id"]);
        CHECK(get_ok(it_office, "/api/v1/lending/loss-reports")["loss_reports"].size() == 1);
        const auto hidden = desk.colleague.client->Get(path.c_str());
        REQUIRE(hidden);
        CHECK(hidden->status == 404);
        CHECK(get_ok(desk.colleague, "/api/v1/lending/loss-reports")["loss_reports"].empty());
    }
}

TEST_CASE("the desk reports one lost printer of two on the borrower's behalf, with a replacement in the same call",
          "[lending][loss][api]") {
    LendingDesk desk(3, 0);
    const auto loan = on_loan(desk, desk.staff, desk.desk, "mobile_printer", 2);
    REQUIRE(loan["devices"].size() == 2);
    const auto lost = loan["devices"][0]["asset_tag"].get<std::string>();
    const auto kept = loan["devices"][1]["asset_tag"].get<std::string>();

    auto body = report_body(lost, "lost");
    body["replacement"] = true;
    const auto answer = reported(desk, desk.desk, body);
    const auto& loss = answer["loss_report"];
    CHECK(loss["borrower_login"] == "sato");
    CHECK(loss["reported_by"] == "desk1");
    CHECK(loss["remote_wipe_requested"] == false);
    CHECK(desk.device_state(lost) == "lost");
    // The loan goes on with the other printer; the lost one has left it.
    const auto after = get_ok(desk.staff, request_path(loan))["request"];
    CHECK(after["state"] == "on_loan");
    REQUIRE(after["devices"].size() == 1);
    CHECK(after["devices"][0]["asset_tag"] == kept);
    // In the borrower's name, without the GSS note.
    const auto ticket = get_ok(desk.desk, "/api/v1/tickets/" + std::to_string(loss["ticket"]["id"].get<std::int64_t>()));
    CHECK(ticket["ticket"]["requester_login"] == "sato");
    CHECK(ticket["ticket"]["body"].get<std::string>().find("リモートワイプ") == std::string::npos);
    // The third printer replaces it.
    REQUIRE(answer.contains("replacement"));
    CHECK(answer["replacement"]["devices"][0]["asset_tag"] == "MPR-000003");
    CHECK(loss["replacement"]["number"] == answer["replacement"]["number"]);
    CHECK(desk.device_state("MPR-000003") == "reserved");
    CHECK(get_ok(desk.staff, "/api/v1/lending/loss-reports")["loss_reports"].size() == 1);

    SECTION("with no device free, the report stands and the answer says why there is no replacement") {
        auto second = report_body(kept, "lost");
        second["replacement"] = true;
        const auto without = reported(desk, desk.desk, second);
        CHECK(without["loss_report"]["replacement"].is_null());
        CHECK(without["replacement_refusal"]["code"] == "not_available");
        CHECK(desk.device_state(kept) == "lost");
        CHECK(get_ok(desk.staff, request_path(loan))["request"]["state"] == "lost");
    }
}

TEST_CASE("loss reports about devices one may not report are refused, changing nothing", "[lending][loss][api]") {
    LendingDesk desk(2, 0);
    const auto loan = on_loan(desk, desk.staff, desk.desk, "mobile_printer", 1);
    const auto tag = loan["devices"][0]["asset_tag"].get<std::string>();
    const auto shelf = tag == "MPR-000001" ? std::string("MPR-000002") : std::string("MPR-000001");
    const auto before = audit_rows(desk.server);
    const auto refused = [&](SignedIn& user, const json& body, int status, const std::string& code) {
        const auto response = report(user, body);
        REQUIRE(response);
        INFO(response->body);
        CHECK(response->status == status);
        CHECK(error_code(response) == code);
        return json_of(response);
    };

    refused(desk.staff, report_body("MPR-999999", "lost"), 404, "unknown_tag");
    // Another's loan is not the colleague's to report, nor to know about.
    refused(desk.colleague, report_body(tag, "lost"), 404, "unknown_tag");
    const auto shelved = refused(desk.desk, report_body(shelf, "lost"), 409, "not_on_loan");
    CHECK(shelved["device_state"] == "in_stock");
    auto replacement = report_body(tag, "lost");
    replacement["replacement"] = true;
    refused(desk.staff, replacement, 403, "forbidden");
    auto invalid = report_body(tag, "misplaced");
    invalid["occurred_at"] = "昨日";
    invalid["place"] = "";
    const auto problems = refused(desk.staff, invalid, 422, "validation_failed");
    for (const auto* field : {"kind", "occurred_at", "place"}) CHECK(problems["error"]["fields"].contains(field));

    // A device in transit can be lost in the post, not stolen from the borrower.
    desk.execute("UPDATE devices SET state = 'in_transit' WHERE asset_tag = '" + tag + "'");
    const auto transit = refused(desk.staff, report_body(tag, "stolen"), 409, "transition_refused");
    CHECK(transit["device_state"] == "in_transit");

    CHECK(audit_rows(desk.server) == before);
    CHECK(rows(desk, "SELECT count(*) FROM tickets") == 0);
    CHECK(rows(desk, "SELECT count(*) FROM loan_loss_reports") == 0);
}

namespace {

// `borrower`'s printer request for Monday–Friday of the week `weeks` after quiet_monday(),
// approved by the desk.
json approved_week(LendingDesk& desk, SignedIn& borrower, int weeks) {
    const auto monday = calendar::add_days(quiet_monday(), 7 * weeks);
    const auto request = desk.submitted(borrower, desk.request_body("mobile_printer", 1, monday, calendar::add_days(monday, 4)));
    const auto decided = desk.decide(desk.desk, request, "approved");
    REQUIRE(decided);
    INFO(decided->body);
    REQUIRE(decided->status == 200);
    return json_of(decided)["request"];
}

std::vector<std::string> open_kitting_tags(LendingDesk& desk, const json& request) {
    std::vector<std::string> tags;
    const auto page = get_ok(desk.desk, "/api/v1/lending/kitting-tasks?state=open");
    for (const auto& task : page["kitting_tasks"]) {
        if (task["request_id"] == request["id"]) tags.push_back(task["asset_tag"].get<std::string>());
    }
    return tags;
}

}  // namespace

TEST_CASE("a lost device's later reservation gets another device, or goes back to its approver when none is free",
          "[lending][loss][api]") {
    SECTION("another printer is free for the later week") {
        LendingDesk desk(2, 0);
        const auto first = approved_week(desk, desk.staff, 0);
        const auto later = approved_week(desk, desk.colleague, 1);
        // Reserved for both weeks: the approval takes the first free printer by tag.
        REQUIRE(first["devices"][0]["asset_tag"] == "MPR-000001");
        REQUIRE(later["devices"][0]["asset_tag"] == "MPR-000001");
        desk.hand_over(desk.desk, first);

        reported(desk, desk.staff, report_body("MPR-000001", "lost"));
        const auto after = get_ok(desk.colleague, request_path(later))["request"];
        CHECK(after["state"] == "approved");
        REQUIRE(after["devices"].size() == 1);
        CHECK(after["devices"][0]["asset_tag"] == "MPR-000002");
        CHECK(desk.device_state("MPR-000002") == "reserved");
        CHECK(open_kitting_tags(desk, later) == std::vector<std::string>{"MPR-000002"});
        CHECK(rows(desk, "SELECT count(*) FROM audit_log WHERE action = 'loan_request.reallocated' AND object_id = '" +
                             std::to_string(later["id"].get<std::int64_t>()) + "'") == 1);
    }
    SECTION("no printer is left: the request is submitted again with the reason, and its requester is told") {
        LendingDesk desk(1, 0);
        desk.execute("UPDATE users SET email = 'suzuki@example.go.jp' WHERE login = 'suzuki'");
        const auto first = approved_week(desk, desk.staff, 0);
        const auto later = approved_week(desk, desk.colleague, 1);
        desk.hand_over(desk.desk, first);

        reported(desk, desk.staff, report_body("MPR-000001", "stolen"));
        const auto after = get_ok(desk.colleague, request_path(later))["request"];
        CHECK(after["state"] == "submitted");
        CHECK(after["devices"].empty());
        CHECK(after["state_reason"].get<std::string>().find("MPR-000001") != std::string::npos);
        CHECK(after["state_reason"].get<std::string>().find("紛失・盗難") != std::string::npos);
        CHECK(open_kitting_tags(desk, later).empty());
        CHECK(rows(desk, "SELECT count(*) FROM audit_log WHERE action = 'loan_request.reopened'") == 1);
        // Its requester is told the loan waits again; nobody else is.
        CHECK(queued_to(desk.server.database_path(), "lending.reopened") == std::vector<std::string>{"suzuki@example.go.jp"});
        // Deciding it again meets an empty pool.
        const auto again = desk.decide(desk.desk, after, "approved");
        REQUIRE(again->status == 409);
        CHECK(error_code(again) == "not_available");
    }
}
