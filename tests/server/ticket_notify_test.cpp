// Who is told what, over real peers: ticket changes queue notifications through the routing
// in their own transaction and the outbox worker delivers them to a local SMTP sink; the admin
// routing API; the escalation sweep with its "now" injected, firing once, on business days only.
#include <catch2/catch.hpp>

#include "calendar/tokyo_time.hpp"
#include "configuration_test_support.hpp"
#include "identity_test_support.hpp"
#include "inquiry_test_support.hpp"
#include "notification_test_support.hpp"
#include "notifications/notification_event.hpp"
#include "notifications/outbox_worker.hpp"
#include "server_test_support.hpp"
#include "store/database.hpp"
#include "tickets/ticket_escalation.hpp"
#include "tickets/ticket_sla.hpp"
#include "tickets/ticket_store.hpp"

using namespace madoguchi::testing;
using nlohmann::json;
using madoguchi::server::notifications::OutboxWorker;
namespace calendar = madoguchi::calendar;
namespace store = madoguchi::server::store;
namespace tickets = madoguchi::server::tickets;
namespace domain = madoguchi::tickets;

namespace {

void set_email(const RunningApp& server, const std::string& login, const std::string& email) {
    auto database = store::Database::open(server.database_path());
    REQUIRE(database);
    auto update = database.value().prepare("UPDATE users SET email = ?1 WHERE login = ?2");
    REQUIRE(update);
    update.value().bind(1, email).bind(2, login);
    REQUIRE(update.value().step());
}

std::string ticket_path(const json& ticket, const std::string& rest = "") {
    return "/api/v1/tickets/" + std::to_string(ticket["id"].get<std::int64_t>()) + rest;
}

json open_ticket(const RunningApp& server, SignedIn& staff, const std::string& kind, const std::string& title) {
    const auto response = audited(server, [&] {
        return post_json(staff, "/api/v1/tickets",
                         {{"kind", kind}, {"title", title}, {"body", "詳細は添付のとおり"}, {"category", "device"}});
    });
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 201);
    return json_of(response)["ticket"];
}

std::optional<json> mail_to(const SmtpSink& sink, const std::string& address) {
    for (const auto& mail : sink.messages()) {
        if (mail["rcpt_tos"] == json::array({address})) return mail;
    }
    return std::nullopt;
}

calendar::Instant tokyo(int year, int month, int day, int hour, int minute) {
    return calendar::from_tokyo(calendar::Date{year, month, day}, (hour * 60 + minute) * 60);
}

}  // namespace

TEST_CASE("a security incident report reaches the IT office's mailbox at once", "[notifications][tickets][routing]") {
    RunningApp server;
    SmtpSink sink;
    auto staff = signed_in_user(server, {"staff1", {Role::staff}});
    add_user(server, {"ito1", {Role::it_office}});
    add_user(server, {"ito2", {Role::it_office}});
    add_user(server, {"desk1", {Role::desk_operator}});
    set_email(server, "ito1", "ito1@example.go.jp");
    set_email(server, "desk1", "desk1@example.go.jp");  // not the IT office: not told

    const auto ticket = open_ticket(server, staff, "security_incident", "不審なメールの添付を開いた");
    // Queued with the report itself; ito2 has no address and is skipped.
    CHECK(queued_to(server.database_path(), "security.reported") == std::vector<std::string>{"ito1@example.go.jp"});

    OutboxWorker worker(server.database_path(), quick_config(&sink, nullptr));
    REQUIRE(wait_until([&] { return mail_to(sink, "ito1@example.go.jp").has_value(); }));
    const auto mail = *mail_to(sink, "ito1@example.go.jp");
    CHECK(mail["subject"].get<std::string>().starts_with("【至急】情報セキュリティ事案の報告 " + ticket["number"].get<std::string>()));
    const auto body = mail["body"].get<std::string>();
    CHECK(body.find("件名: 不審なメールの添付を開いた") != std::string::npos);
    CHECK(body.find("報告者: staff1") != std::string::npos);
    CHECK(sink.messages().size() == 1);

    // An ordinary inquiry tells the IT office nothing.
    open_ticket(server, staff, "inquiry", "印刷できない");
    CHECK(queued_to(server.database_path(), "security.reported").size() == 1);
}

TEST_CASE("a status change reaches the requester, an assignment the assignee, a vendor task the vendor",
          "[notifications][tickets][routing]") {
    RunningApp server;
    SmtpSink sink;
    auto staff = signed_in_user(server, {"staff1", {Role::staff}});
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    add_user(server, {"desk2", {Role::desk_operator}});
    set_email(server, "staff1", "staff1@example.go.jp");
    set_email(server, "desk2", "desk2@example.go.jp");
    const auto ticket = open_ticket(server, staff, "incident", "複合機が紙詰まり");
    CHECK(queued_to(server.database_path(), "ticket.status_changed").empty());

    const auto version = get_ok(desk, ticket_path(ticket))["ticket"]["version"];
    const auto moved = audited(server, [&] {
        return post_json(desk, ticket_path(ticket, "/transitions"), {{"to", "in_progress"}, {"version", version}});
    });
    REQUIRE(moved);
    REQUIRE(moved->status == 200);
    const auto assigned = audited(server, [&] {
        return patch_json(desk, ticket_path(ticket), {{"assignee", "desk2"}, {"version", json_of(moved)["ticket"]["version"]}});
    });
    REQUIRE(assigned);
    REQUIRE(assigned->status == 200);
    CHECK(queued_to(server.database_path(), "ticket.status_changed") == std::vector<std::string>{"staff1@example.go.jp"});
    CHECK(queued_to(server.database_path(), "ticket.assigned") == std::vector<std::string>{"desk2@example.go.jp"});

    OutboxWorker worker(server.database_path(), quick_config(&sink, nullptr));
    REQUIRE(wait_until([&] { return sink.messages().size() == 2; }));
    const auto told = mail_to(sink, "staff1@example.go.jp");
    REQUIRE(told);
    CHECK(told->at("subject").get<std::string>().starts_with("【窓口】状況が変わりました " + ticket["number"].get<std::string>()));
    CHECK(told->at("body").get<std::string>().find("「受付」から「対応中」") != std::string::npos);
    const auto assignee = mail_to(sink, "desk2@example.go.jp");
    REQUIRE(assignee);
    CHECK(assignee->at("subject").get<std::string>().starts_with("【窓口】担当になりました"));

    // Handed to a vendor company: its vendor users are told of the task.
    add_user(server, {"ricoh1", {Role::vendor}, test_division, "株式会社リコー"});
    set_email(server, "ricoh1", "support@ricoh.example.co.jp");
    const auto handed = audited(server, [&] {
        return patch_json(desk, ticket_path(ticket),
                          {{"vendor_company", "株式会社リコー"}, {"version", json_of(assigned)["ticket"]["version"]}});
    });
    REQUIRE(handed);
    INFO(handed->body);
    REQUIRE(handed->status == 200);
    CHECK(queued_to(server.database_path(), "vendor.task") == std::vector<std::string>{"support@ricoh.example.co.jp"});

    // A refused move queues nothing: the notification lives and dies with the change.
    const auto refused = post_json(desk, ticket_path(ticket, "/transitions"), {{"to", "closed"}, {"version", 1}});
    REQUIRE(refused);
    CHECK(refused->status == 409);
    CHECK(queued_to(server.database_path(), "ticket.status_changed").size() == 1);
}

TEST_CASE("admins replace the routing, validated and audited, and changes follow it", "[notifications][routing][api]") {
    RunningApp server;
    auto admin = signed_in_user(server, {"admin1", {Role::admin}});
    auto ito = signed_in_user(server, {"ito1", {Role::it_office}});
    auto staff = signed_in_user(server, {"staff1", {Role::staff}});
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    set_email(server, "staff1", "staff1@example.go.jp");

    const auto routes = get_ok(ito, "/api/v1/notifications/routing")["routes"];
    // Every event of the catalog is listed, with its recipients or none.
    CHECK(routes.size() == madoguchi::notifications::all_events().size());
    for (const auto& route : routes) {
        if (route["event"] == "ticket.status_changed") CHECK(route["recipients"] == json::array({"requester"}));
        if (route["event"] == "security.reported") CHECK(route["recipients"] == json::array({"role:it_office"}));
    }

    const auto audit_before = audit_rows(server);
    const auto unknown_event = put_json(admin, "/api/v1/notifications/routing",
                                        {{"routes", {{{"event", "ticket.deleted"}, {"recipients", {"requester"}}}}}});
    REQUIRE(unknown_event);
    CHECK(unknown_event->status == 422);
    CHECK(json_of(unknown_event)["error"]["code"] == "validation_failed");
    CHECK(error_fields(unknown_event) == std::vector<std::string>{"routes[0].event"});
    const auto unknown_recipient = put_json(
        admin, "/api/v1/notifications/routing",
        {{"routes", {{{"event", "ticket.assigned"}, {"recipients", {"assignee", "role:janitor", "email:nobody", "slack:Desk!"}}}}}});
    REQUIRE(unknown_recipient);
    CHECK(unknown_recipient->status == 422);
    CHECK(error_fields(unknown_recipient) ==
          std::vector<std::string>{"routes[0].recipients[1]", "routes[0].recipients[2]", "routes[0].recipients[3]"});
    const auto malformed = put_json(admin, "/api/v1/notifications/routing", {{"routes", {{{"event", 7}}}}});
    REQUIRE(malformed);
    CHECK(malformed->status == 400);
    const auto by_ito = put_json(ito, "/api/v1/notifications/routing", {{"routes", json::array()}});
    REQUIRE(by_ito);
    CHECK(by_ito->status == 403);
    CHECK(get_ok(ito, "/api/v1/notifications/routing")["routes"] == routes);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'notification_routing.updated'") == 0);
    CHECK(audit_rows(server) == audit_before + 1);  // the refused it_office call: access.denied

    const json wanted{{"routes",
                       {{{"event", "ticket.status_changed"},
                         {"recipients", {"requester", "email:desk-log@example.go.jp", "slack:desk"}}}}}};
    const auto saved = audited(server, [&] { return put_json(admin, "/api/v1/notifications/routing", wanted); });
    REQUIRE(saved);
    REQUIRE(saved->status == 200);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'notification_routing.updated'") == 1);
    for (const auto& route : json_of(saved)["routes"]) {
        const auto expected = route["event"] == "ticket.status_changed" ? wanted["routes"][0]["recipients"] : json::array();
        CHECK(route["recipients"] == expected);
    }

    // Security reports now tell nobody; a status change tells three.
    const auto ticket = open_ticket(server, staff, "security_incident", "USBメモリの紛失");
    CHECK(queued_to(server.database_path(), "security.reported").empty());
    const auto moved = audited(server, [&] {
        return post_json(desk, ticket_path(ticket, "/transitions"),
                         {{"to", "escalated"}, {"version", ticket["version"]}});
    });
    REQUIRE(moved);
    INFO(moved->body);
    REQUIRE(moved->status == 200);
    CHECK(queued_to(server.database_path(), "ticket.status_changed") ==
          std::vector<std::string>{"staff1@example.go.jp", "desk-log@example.go.jp", "desk"});
}

TEST_CASE("an escalation reached on Friday evening fires on Monday, once, audited and told to the IT office",
          "[tickets][escalation][notifications]") {
    RunningApp server;
    const auto requester = add_user(server, {"staff1", {Role::staff}});
    add_user(server, {"ito1", {Role::it_office}});
    set_email(server, "ito1", "ito1@example.go.jp");
    auto opened = store::Database::open(server.database_path());
    REQUIRE(opened);
    auto& database = opened.value();
    // A p2 incident opened Friday 2026-11-27 at 17:50: its first response escalates to the IT
    // office after 20 business minutes (incident.response.it_office), i.e. Friday 18:10.
    const auto friday = tokyo(2026, 11, 27, 17, 50);
    std::int64_t id = 0;
    REQUIRE(database.transaction([&]() -> store::Status {
        const tickets::NewTicket ticket{domain::TicketKind::incident, domain::TicketState::received, "基幹システムに接続できない",
                                        "課内全員", requester, test_division, "service", domain::Priority::p2, "division", "high"};
        auto inserted = tickets::insert_ticket(database, ticket, friday);
        if (!inserted) return store::Error{inserted.error()};
        id = inserted.value();
        return store::success();
    }));
    const auto sweep = [&](store::Database& connection, calendar::Instant now) {
        auto swept = tickets::run_escalations(connection, now);
        REQUIRE(swept);
        return swept.value().rules_fired;
    };
    const auto escalation_audits = [&] {
        return count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'ticket.escalated' AND "
                                                  "actor = 'system' AND object_id = '" + std::to_string(id) + "'");
    };

    CHECK(sweep(database, tokyo(2026, 11, 27, 18, 5)) == 0);   // 15 minutes: not yet
    // The server was down over Friday night; the weekend is no business day.
    CHECK(sweep(database, tokyo(2026, 11, 28, 12, 0)) == 0);
    CHECK(sweep(database, tokyo(2026, 11, 29, 23, 59)) == 0);
    CHECK(escalation_audits() == 0);
    CHECK(queued_to(server.database_path(), "ticket.escalated").empty());

    CHECK(sweep(database, tokyo(2026, 11, 30, 7, 0)) == 1);    // Monday
    CHECK(escalation_audits() == 1);
    CHECK(queued_to(server.database_path(), "ticket.escalated") == std::vector<std::string>{"ito1@example.go.jp"});
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM ticket_escalations WHERE ticket_id = " + std::to_string(id) +
                                                 " AND rule_id = 'incident.response.it_office'") == 1);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM tickets WHERE escalation_target = 'it_office' AND id = " +
                                                 std::to_string(id)) == 1);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM ticket_events WHERE type = 'escalated' AND "
                                             "visibility = 'internal' AND ticket_id = " + std::to_string(id)) == 1);

    // Once: later ticks, and a restarted server's own connection, fire nothing again.
    CHECK(sweep(database, tokyo(2026, 11, 30, 9, 0)) == 0);
    auto restarted = store::Database::open(server.database_path());
    REQUIRE(restarted);
    CHECK(sweep(restarted.value(), tokyo(2026, 11, 30, 9, 1)) == 0);
    CHECK(escalation_audits() == 1);
    CHECK(queued_to(server.database_path(), "ticket.escalated").size() == 1);

    // The requester does not see the desk's escalation in the timeline; the desk does.
    auto staff = sign_in(server, "staff1");
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    const json shown{{"id", id}};
    const auto types_seen = [&](SignedIn& reader) {
        std::vector<std::string> types;
        const auto detail = get_ok(reader, ticket_path(shown));
        for (const auto& event : detail["timeline"]) types.push_back(event["type"].get<std::string>());
        return types;
    };
    CHECK(types_seen(staff).empty());
    CHECK(types_seen(desk) == std::vector<std::string>{"escalated"});
}

TEST_CASE("a status change reaches the requester's in-app inbox and an assignment the assignee's, with or without e-mail",
          "[notifications][tickets][inbox]") {
    RunningApp server;
    auto staff = signed_in_user(server, {"staff1", {Role::staff}});
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    auto desk2 = signed_in_user(server, {"desk2", {Role::desk_operator}});
    set_email(server, "desk2", "desk2@example.go.jp");  // staff1 has no address: told in the app only
    const auto ticket = open_ticket(server, staff, "incident", "複合機が紙詰まり");
    CHECK(get_ok(staff, "/api/v1/me/notifications")["unread"] == 0);

    const auto moved = audited(server, [&] {
        return post_json(desk, ticket_path(ticket, "/transitions"), {{"to", "in_progress"}, {"version", ticket["version"]}});
    });
    REQUIRE(moved);
    REQUIRE(moved->status == 200);
    const auto inbox = get_ok(staff, "/api/v1/me/notifications");
    CHECK(inbox["unread"] == 1);
    REQUIRE(inbox["notifications"].size() == 1);
    const auto& told = inbox["notifications"][0];
    CHECK(told["event"] == "ticket.status_changed");
    CHECK(told["ticket_id"] == ticket["id"]);
    CHECK(told["ticket_number"] == ticket["number"]);
    CHECK(told["title_ja"].get<std::string>().starts_with("【窓口】状況が変わりました " + ticket["number"].get<std::string>()));
    CHECK(told["body_ja"].get<std::string>().find("「受付」から「対応中」") != std::string::npos);
    CHECK_FALSE(told["title_en"].get<std::string>().empty());
    CHECK(told["read_at"].is_null());
    CHECK(queued_to(server.database_path(), "ticket.status_changed").empty());  // no address, no mail
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'notification.inbox_added'") == 1);

    const auto assigned = audited(server, [&] {
        return patch_json(desk, ticket_path(ticket), {{"assignee", "desk2"}, {"version", json_of(moved)["ticket"]["version"]}});
    });
    REQUIRE(assigned);
    REQUIRE(assigned->status == 200);
    const auto assignee_inbox = get_ok(desk2, "/api/v1/me/notifications");
    CHECK(assignee_inbox["unread"] == 1);
    REQUIRE(assignee_inbox["notifications"].size() == 1);
    CHECK(assignee_inbox["notifications"][0]["event"] == "ticket.assigned");
    CHECK(assignee_inbox["notifications"][0]["title_ja"].get<std::string>().starts_with("【窓口】担当になりました"));
    CHECK(queued_to(server.database_path(), "ticket.assigned") == std::vector<std::string>{"desk2@example.go.jp"});  // and by mail
    // The requester was not told of the assignment; the operator who moved it, of nothing.
    CHECK(get_ok(staff, "/api/v1/me/notifications")["notifications"].size() == 1);
    CHECK(get_ok(desk, "/api/v1/me/notifications")["notifications"].empty());

    // A refused move tells nobody, in the app either.
    const auto refused = post_json(desk, ticket_path(ticket, "/transitions"), {{"to", "closed"}, {"version", 1}});
    REQUIRE(refused);
    CHECK(refused->status == 409);
    CHECK(get_ok(staff, "/api/v1/me/notifications")["unread"] == 1);
}
