// Notifications over real peers: an SMTP server and a webhook receiver on loopback, the
// outbox worker on the server's database, the operators' outbox API.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <thread>

#include "configuration_test_support.hpp"
#include "identity_test_support.hpp"
#include "inquiry_test_support.hpp"
#include "notification_test_support.hpp"
#include "notifications/notification_event.hpp"
#include "notifications/outbox_worker.hpp"
#include "server_test_support.hpp"

using namespace madoguchi::testing;
using madoguchi::server::notifications::NotificationRequest;
using madoguchi::server::notifications::OutboxWorker;
using madoguchi::server::notifications::Recipient;
using nlohmann::json;

namespace {

NotificationRequest created(std::vector<Recipient> recipients, const std::string& title) {
    return {"ticket.created", std::move(recipients), {},
            {{"ticket_number", "T-2026-0042"}, {"title", title}, {"kind", "問い合わせ"}, {"requester", "佐藤 花子"},
             {"url", "https://madoguchi.example.go.jp/#/tickets/42"}}};
}

json outbox(SignedIn& desk, const std::string& query = "") {
    return get_ok(desk, "/api/v1/notifications/outbox" + query)["notifications"];
}

}  // namespace

TEST_CASE("an e-mail with a Japanese subject arrives at the SMTP server decoded as written", "[notifications]") {
    RunningApp server;
    SmtpSink sink;
    auto desk = signed_in_user(server, {"desk", {Role::desk_operator}});
    // Long enough that the subject needs several encoded-words on folded lines.
    const std::string title = "３階東側の複合機（RICOH IM C3510F）で両面印刷すると紙詰まりが起きる件について";
    REQUIRE(enqueue_into(server.database_path(), created({Recipient::email("sato.hanako@example.go.jp")}, title)).empty());
    CHECK(outbox(desk, "?state=pending").size() == 1);

    OutboxWorker worker(server.database_path(), quick_config(&sink, nullptr));
    REQUIRE(wait_until([&] { return sink.messages().size() == 1; }));
    const auto mail = sink.messages().front();
    CHECK(mail["subject"] == "【窓口】受付しました T-2026-0042 " + title + " / Received: T-2026-0042 " + title);
    CHECK(mail["mail_from"] == "madoguchi@desk.example.go.jp");
    CHECK(mail["rcpt_tos"] == json::array({"sato.hanako@example.go.jp"}));
    CHECK(mail["to"] == "sato.hanako@example.go.jp");
    CHECK(mail["content_type"] == "text/plain");
    CHECK(mail["charset"] == "utf-8");
    CHECK(mail["transfer_encoding"] == "base64");
    CHECK(mail["date"] != "None");
    const auto body = mail["body"].get<std::string>();
    CHECK(body.starts_with("佐藤 花子 様\r\n\r\nお問い合わせを受け付けました。\r\n受付番号: T-2026-0042\r\n"));
    CHECK(body.find("Your request T-2026-0042 (問い合わせ) has been received.") != std::string::npos);
    // Header lines stay within RFC 5322's 78 characters; the Japanese went out as encoded-words.
    std::istringstream raw(mail["raw"].get<std::string>());
    for (std::string line; std::getline(raw, line);) CHECK(line.size() <= 78);
    CHECK(mail["raw"].get<std::string>().find("Subject: =?UTF-8?B?") != std::string::npos);

    REQUIRE(wait_until([&] { return outbox(desk, "?state=sent").size() == 1; }));
    const auto sent = outbox(desk).front();
    CHECK(mail["message_id"] == "<notification." + std::to_string(sent["id"].get<int>()) + "." +
                                     [&] {
                                         std::string digits;
                                         for (const char c : sent["queued_at"].get<std::string>()) {
                                             if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
                                         }
                                         return digits;
                                     }() + "@desk.example.go.jp>");
    REQUIRE(sent["attempts"].size() == 1);
    CHECK(sent["attempts"][0]["outcome"] == "sent");
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'notification.queued'") == 1);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'notification.sent'") == 1);
}

TEST_CASE("a Slack webhook receives the rendered message as JSON text", "[notifications]") {
    RunningApp server;
    WebhookReceiver receiver;
    auto desk = signed_in_user(server, {"desk", {Role::desk_operator}});
    REQUIRE(enqueue_into(server.database_path(), created({Recipient::slack("desk")}, "VPNに接続できない")).empty());
    OutboxWorker worker(server.database_path(), quick_config(nullptr, &receiver));
    REQUIRE(wait_until([&] { return receiver.accepted().size() == 1; }));
    const auto posted = json::parse(receiver.accepted().front());
    CHECK(posted == json{{"text",
                          "【窓口】受付しました T-2026-0042 VPNに接続できない / Received: T-2026-0042 VPNに接続できない\n\n"
                          "佐藤 花子 様\n\nお問い合わせを受け付けました。\n受付番号: T-2026-0042\n件名: VPNに接続できない\n"
                          "種別: 問い合わせ\n\nhttps://madoguchi.example.go.jp/#/tickets/42\n\n----------\n"
                          "Your request T-2026-0042 (問い合わせ) has been received.\n\n"
                          "https://madoguchi.example.go.jp/#/tickets/42"}});
    REQUIRE(wait_until([&] { return outbox(desk, "?state=sent").size() == 1; }));
}

TEST_CASE("a receiver that fails three times then recovers gets the message exactly once, every attempt recorded",
          "[notifications]") {
    RunningApp server;
    WebhookReceiver receiver(3);
    auto desk = signed_in_user(server, {"desk", {Role::desk_operator}});
    REQUIRE(enqueue_into(server.database_path(), created({Recipient::slack("desk")}, "メールが届かない")).empty());
    OutboxWorker worker(server.database_path(), quick_config(nullptr, &receiver));

    // After the first failure the operator sees it waiting with the error.
    REQUIRE(wait_until([&] { return outbox(desk, "?state=pending")[0]["failures"] >= 1; }));
    CHECK(outbox(desk)[0]["last_error"].get<std::string>().starts_with("HTTP 500"));
    REQUIRE(wait_until([&] { return outbox(desk, "?state=sent").size() == 1; }));
    // Long enough for a wrongly repeated send to have happened.
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    CHECK(receiver.accepted().size() == 1);
    CHECK(receiver.requests() == 4);
    const auto message = outbox(desk).front();
    CHECK(message["state"] == "sent");
    CHECK(message["failures"] == 0);
    REQUIRE(message["attempts"].size() == 4);
    for (int index = 0; index < 3; ++index) {
        CHECK(message["attempts"][index]["outcome"] == "failed");
        CHECK(message["attempts"][index]["detail"].get<std::string>().starts_with("HTTP 500"));
    }
    CHECK(message["attempts"][3]["outcome"] == "sent");
    // The backoff waited between the attempts (1 s in this configuration).
    CHECK(message["attempts"][1]["started_at"] > message["attempts"][0]["finished_at"]);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'notification.deferred'") == 3);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM notification_outbox") == 1);
}

TEST_CASE("a message that keeps failing ends failed, visible to the desk, and a retry sends it", "[notifications]") {
    RunningApp server;
    WebhookReceiver receiver(2);
    auto desk = signed_in_user(server, {"desk", {Role::desk_operator}});
    REQUIRE(enqueue_into(server.database_path(), created({Recipient::slack("desk")}, "プリンタ故障")).empty());
    auto config = quick_config(nullptr, &receiver);
    config.retry.max_attempts = 2;
    OutboxWorker worker(server.database_path(), config);
    REQUIRE(wait_until([&] { return outbox(desk, "?state=failed").size() == 1; }));
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    CHECK(receiver.requests() == 2);  // failed is final until someone retries
    const auto id = std::to_string(outbox(desk)[0]["id"].get<int>());

    const auto retried = audited(server, [&] { return post_json(desk, "/api/v1/notifications/outbox/" + id + "/retry", json::object()); });
    REQUIRE(retried->status == 200);
    CHECK(json_of(retried)["notification"]["state"] == "pending");
    REQUIRE(wait_until([&] { return outbox(desk, "?state=sent").size() == 1; }));
    CHECK(receiver.accepted().size() == 1);
    CHECK(outbox(desk)[0]["attempts"].size() == 3);

    const auto again = post_json(desk, "/api/v1/notifications/outbox/" + id + "/retry", json::object());
    CHECK(again->status == 409);
    CHECK(json_of(again)["error"]["code"] == "notification_not_retryable");
    CHECK(json_of(again)["notification"]["state"] == "sent");
    CHECK(post_json(desk, "/api/v1/notifications/outbox/999/retry", json::object())->status == 404);
    check_invalid_parameter(desk.client->Get("/api/v1/notifications/outbox?state=lost"), {"state"},
                            "field.unknown_outbox_state");
}

TEST_CASE("a notification is queued only with the change that caused it", "[notifications]") {
    RunningApp server;
    // A template placeholder without a value fails the whole transaction: nothing is queued.
    auto incomplete = created({Recipient::email("sato.hanako@example.go.jp")}, "件名");
    incomplete.values.erase("requester");
    const auto refused = enqueue_into(server.database_path(), incomplete);
    CHECK(refused.find("no value for {{requester}}") != std::string::npos);
    CHECK(enqueue_into(server.database_path(), created({Recipient::email("not an address")}, "件名"))
              .find("not an e-mail address") != std::string::npos);
    CHECK(enqueue_into(server.database_path(), created({Recipient::slack("Desk Channel")}, "件名"))
              .find("not a webhook name") != std::string::npos);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM notification_outbox") == 0);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'notification.queued'") == 0);

    // One message per recipient.
    REQUIRE(enqueue_into(server.database_path(),
                         created({Recipient::email("a@example.go.jp"), Recipient::slack("desk")}, "件名"))
                .empty());
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM notification_outbox WHERE state = 'pending'") == 2);
}

TEST_CASE("admins edit templates: unknown placeholders 422, stale versions 409, each save audited", "[notifications]") {
    RunningApp server;
    auto admin = signed_in_user(server, {"admin", {Role::admin}});
    auto office = signed_in_user(server, {"office", {Role::it_office}});
    const auto templates = get_ok(office, "/api/v1/notifications/templates")["templates"];
    // Every event has its seeded template.
    REQUIRE(templates.size() == madoguchi::notifications::all_events().size());
    const auto assigned = *std::find_if(templates.begin(), templates.end(),
                                        [](const json& item) { return item["event"] == "ticket.assigned"; });
    CHECK(assigned["version"] == 1);
    CHECK(assigned["subject_ja"] == "【窓口】担当になりました {{ticket_number}} {{title}}");
    CHECK(std::find(assigned["placeholders"].begin(), assigned["placeholders"].end(), "assignee") !=
          assigned["placeholders"].end());

    const auto path = "/api/v1/notifications/templates/ticket.assigned";
    json change{{"version", 1},
                {"subject_ja", "担当: {{ticket_number}} {{tiket_title}}"},
                {"body_ja", "{{assignee}} さん、{{title}} をお願いします。{{url}}"}};
    auto refused = put_json(admin, path, change);
    REQUIRE(refused->status == 422);
    CHECK(json_of(refused)["error"]["code"] == "validation_failed");
    CHECK(error_fields(refused) == std::vector<std::string>{"subject_ja"});
    CHECK(json_of(refused)["error"]["fields"]["subject_ja"] == "names a placeholder this notification does not have");

    change["subject_ja"] = "担当: {{ticket_number}} {{title";
    change["subject_en"] = "Assigned: {{ticket_number}}";
    refused = put_json(admin, path, change);
    REQUIRE(refused->status == 422);
    CHECK(error_fields(refused) == std::vector<std::string>{"body_en", "subject_ja"});

    change["subject_ja"] = "担当: {{ticket_number}} {{title}}";
    change.erase("subject_en");
    const auto saved = audited(server, [&] { return put_json(admin, path, change); });
    REQUIRE(saved->status == 200);
    CHECK(json_of(saved)["template"]["version"] == 2);
    CHECK(json_of(saved)["template"]["updated_by"] == "admin");
    CHECK(count_rows(server.database_path(),
                     "SELECT count(*) FROM audit_log WHERE action = 'notification_template.updated' AND "
                     "object_id = 'ticket.assigned'") == 1);

    const auto stale = put_json(admin, path, change);  // still says version 1
    REQUIRE(stale->status == 409);
    CHECK(json_of(stale)["error"]["code"] == "stale_version");
    CHECK(json_of(stale)["template"]["version"] == 2);
    CHECK(put_json(admin, "/api/v1/notifications/templates/ticket.deleted", change)->status == 404);
    CHECK(put_json(office, path, change)->status == 403);

    // Messages queued from now on use the saved text.
    REQUIRE(enqueue_into(server.database_path(),
                         {"ticket.assigned", {Recipient::email("kato@example.go.jp")}, {},
                          {{"ticket_number", "T-1"}, {"title", "PC交換"}, {"assignee", "加藤"}, {"actor", "desk"}, {"url", "u"}}})
                .empty());
    auto desk = signed_in_user(server, {"desk", {Role::desk_operator}});
    CHECK(outbox(desk)[0]["subject"] == "担当: T-1 PC交換");
    CHECK(outbox(desk)[0]["body"] == "加藤 さん、PC交換 をお願いします。u");
}
