// How each routed user is told (e-mail, in the app, or both), over real peers: the admin's
// routing API reads back, refuses and audits the channels, and ticket changes follow them to
// a local SMTP sink and to the users' inboxes.
#include <catch2/catch.hpp>

#include "configuration_test_support.hpp"
#include "identity_test_support.hpp"
#include "inquiry_test_support.hpp"
#include "notification_test_support.hpp"
#include "notifications/outbox_worker.hpp"
#include "server_test_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;
using madoguchi::server::notifications::OutboxWorker;

namespace {

constexpr auto routing_path = "/api/v1/notifications/routing";

void set_email(const RunningApp& server, const std::string& login, const std::string& email) {
    REQUIRE(count_rows(server.database_path(), "SELECT count(*) FROM users WHERE login = '" + login + "'") == 1);
    auto database = madoguchi::server::store::Database::open(server.database_path());
    REQUIRE(database);
    auto update = database.value().prepare("UPDATE users SET email = ?1 WHERE login = ?2");
    REQUIRE(update);
    update.value().bind(1, email).bind(2, login);
    REQUIRE(update.value().step());
}

json recipients_of(const json& routing, const std::string& event) {
    for (const auto& route : routing["routes"]) {
        if (route["event"] == event) return route["recipients"];
    }
    FAIL("no route for " << event);
    return {};
}

std::string ticket_path(const json& ticket, const std::string& rest = "") {
    return "/api/v1/tickets/" + std::to_string(ticket["id"].get<std::int64_t>()) + rest;
}

std::int64_t routing_audits(const RunningApp& server) {
    return count_rows(server.database_path(),
                      "SELECT count(*) FROM audit_log WHERE action = 'notification_routing.updated'");
}

}  // namespace

TEST_CASE("the routing's channels are read back, refused when unknown, and audited", "[notifications][routing][api]") {
    RunningApp server;
    auto admin = signed_in_user(server, {"admin1", {Role::admin}});

    // A bare recipient, as before channels were a choice, means both and reads back bare.
    const json bare{{"routes", {{{"event", "ticket.status_changed"}, {"recipients", {"requester"}}}}}};
    const auto kept = audited(server, [&] { return put_json(admin, routing_path, bare); });
    REQUIRE(kept);
    REQUIRE(kept->status == 200);
    CHECK(recipients_of(json_of(kept), "ticket.status_changed") == json::array({"requester"}));
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM notification_routing WHERE recipient = 'requester' "
                                             "AND tell_by_email = 1 AND tell_in_app = 1") == 1);

    // Requesters hear of status changes in the app only; the IT office of escalations both ways
    // (both listed: stored as the default, read back bare).
    const json chosen{{"routes",
                       {{{"event", "ticket.status_changed"},
                         {"recipients", {{{"recipient", "requester"}, {"channels", {"in_app"}}}}}},
                        {{"event", "ticket.escalated"},
                         {"recipients",
                          {{{"recipient", "role:it_office"}, {"channels", {"in_app", "email"}}},
                           {{"recipient", "assignee"}, {"channels", {"email"}}},
                           "slack:desk"}}}}}};
    const auto saved = audited(server, [&] { return put_json(admin, routing_path, chosen); });
    REQUIRE(saved);
    INFO(saved->body);
    REQUIRE(saved->status == 200);
    const auto in_app_only = json{{"recipient", "requester"}, {"channels", {"in_app"}}};
    const auto mail_only = json{{"recipient", "assignee"}, {"channels", {"email"}}};
    CHECK(recipients_of(json_of(saved), "ticket.status_changed") == json::array({in_app_only}));
    CHECK(recipients_of(json_of(saved), "ticket.escalated") == json::array({"role:it_office", mail_only, "slack:desk"}));
    CHECK(get_ok(admin, routing_path) == json_of(saved));
    CHECK(routing_audits(server) == 2);
    // The audit record holds the channels before and after.
    CHECK(count_rows(server.database_path(),
                     "SELECT count(*) FROM audit_log WHERE action = 'notification_routing.updated' AND "
                     "instr(after_json, '{\"channels\":[\"in_app\"],\"recipient\":\"requester\"}') > 0 AND "
                     "instr(before_json, '{\"channels\":[\"in_app\"],\"recipient\":\"requester\"}') = 0") == 1);

    // Refusals change nothing and record no update.
    const auto refused = [&](const json& recipients) {
        return put_json(admin, routing_path, {{"routes", {{{"event", "ticket.assigned"}, {"recipients", recipients}}}}});
    };
    const auto unknown = refused({{{"recipient", "assignee"}, {"channels", {"email", "sms"}}},
                                  {{"recipient", "requester"}, {"channels", json::array()}},
                                  {{"recipient", "email:desk-log@example.go.jp"}, {"channels", {"email"}}}});
    REQUIRE(unknown);
    CHECK(unknown->status == 422);
    const auto error = json_of(unknown)["error"];
    CHECK(error["code"] == "validation_failed");
    CHECK(error["message_ja"] == "入力内容に誤りがあります。各項目を確認してください。");
    CHECK(error_fields(unknown) == std::vector<std::string>{"routes[0].recipients[0].channels[1]",
                                                            "routes[0].recipients[1].channels",
                                                            "routes[0].recipients[2].channels"});
    CHECK(error["fields"]["routes[0].recipients[0].channels[1]"] == "must be email or in_app");
    CHECK(error["fields"]["routes[0].recipients[1].channels"] == "must name at least one channel");

    const auto malformed = refused({7, {{"recipient", "assignee"}, {"channels", "email"}}, {{"recipient", "assignee"}, {"via", "x"}}});
    REQUIRE(malformed);
    CHECK(malformed->status == 400);
    CHECK(error_fields(malformed) == std::vector<std::string>{"routes[0].recipients[0]", "routes[0].recipients[1].channels",
                                                              "routes[0].recipients[2].via"});
    CHECK(get_ok(admin, routing_path) == json_of(saved));
    CHECK(routing_audits(server) == 2);
}

TEST_CASE("a recipient told in the app only gets no mail but an inbox entry, one told by mail only no entry",
          "[notifications][routing][inbox]") {
    RunningApp server;
    SmtpSink sink;
    auto admin = signed_in_user(server, {"admin1", {Role::admin}});
    auto staff = signed_in_user(server, {"staff1", {Role::staff}});
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    auto desk2 = signed_in_user(server, {"desk2", {Role::desk_operator}});
    set_email(server, "staff1", "staff1@example.go.jp");
    set_email(server, "desk2", "desk2@example.go.jp");
    const json routing{{"routes",
                        {{{"event", "ticket.status_changed"},
                          {"recipients", {{{"recipient", "requester"}, {"channels", {"in_app"}}}}}},
                         {{"event", "ticket.assigned"},
                          {"recipients", {{{"recipient", "assignee"}, {"channels", {"email"}}}}}}}}};
    const auto routed = audited(server, [&] { return put_json(admin, routing_path, routing); });
    REQUIRE(routed);
    REQUIRE(routed->status == 200);

    const auto opened = audited(server, [&] {
        return post_json(staff, "/api/v1/tickets",
                         {{"kind", "incident"}, {"title", "複合機が紙詰まり"}, {"body", "2階の複合機"}, {"category", "device"}});
    });
    REQUIRE(opened);
    REQUIRE(opened->status == 201);
    const auto ticket = json_of(opened)["ticket"];
    const auto moved = audited(server, [&] {
        return post_json(desk, ticket_path(ticket, "/transitions"), {{"to", "in_progress"}, {"version", ticket["version"]}});
    });
    REQUIRE(moved);
    REQUIRE(moved->status == 200);
    const auto assigned = audited(server, [&] {
        return patch_json(desk, ticket_path(ticket), {{"assignee", "desk2"}, {"version", json_of(moved)["ticket"]["version"]}});
    });
    REQUIRE(assigned);
    REQUIRE(assigned->status == 200);

    // staff1 has an address, yet the status change is not queued for it: the app only.
    CHECK(queued_to(server.database_path(), "ticket.status_changed").empty());
    const auto requester_inbox = get_ok(staff, "/api/v1/me/notifications");
    REQUIRE(requester_inbox["notifications"].size() == 1);
    CHECK(requester_inbox["notifications"][0]["event"] == "ticket.status_changed");
    CHECK(requester_inbox["notifications"][0]["ticket_id"] == ticket["id"]);
    // desk2 is mailed of the assignment and has nothing in the app.
    CHECK(queued_to(server.database_path(), "ticket.assigned") == std::vector<std::string>{"desk2@example.go.jp"});
    CHECK(get_ok(desk2, "/api/v1/me/notifications")["notifications"].empty());

    OutboxWorker worker(server.database_path(), quick_config(&sink, nullptr));
    REQUIRE(wait_until([&] {
        return count_rows(server.database_path(), "SELECT count(*) FROM notification_outbox WHERE state <> 'sent'") == 0;
    }));
    const auto mails = sink.messages();
    REQUIRE(mails.size() == 1);
    CHECK(mails[0]["rcpt_tos"] == json::array({"desk2@example.go.jp"}));
    CHECK(mails[0]["subject"].get<std::string>().starts_with("【窓口】担当になりました"));
}
