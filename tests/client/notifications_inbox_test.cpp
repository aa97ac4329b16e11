// 通知 (the in-app inbox) view-model against JSON fixtures: the bell's count and the list as
// the server gives them, polling once a minute, marking read at once and on the server,
// opening what an entry points at (its ticket or loan request), paging, and the relative times
// in Asia/Tokyo.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "notifications/inbox.hpp"
#include "notifications/relative_time.hpp"
#include "scripted_transport.hpp"

using namespace madoguchi;
using client::NotificationInbox;
using i18n::Language;
using nlohmann::json;

namespace {

json entry(std::int64_t id, const std::string& title_ja, bool read, std::optional<std::int64_t> ticket = 7) {
    return {{"id", id},
            {"event", "ticket.status_changed"},
            {"ticket_id", ticket ? json(*ticket) : json(nullptr)},
            {"ticket_number", "INC-2026-000007"},
            {"title_ja", title_ja},
            {"body_ja", "本文"},
            {"title_en", id == 1 ? "" : "Status changed"},
            {"body_en", ""},
            {"created_at", "2026-11-26T01:00:00Z"},
            {"read_at", read ? json("2026-11-26T02:00:00Z") : json(nullptr)}};
}

std::string page(const json& entries, int unread, const json& next = nullptr) {
    return json{{"notifications", entries}, {"unread", unread}, {"next_cursor", next}}.dump();
}

calendar::Instant tokyo(int year, int month, int day, int hour, int minute) {
    return calendar::from_tokyo(calendar::Date{year, month, day}, (hour * 60 + minute) * 60);
}

}  // namespace

TEST_CASE("the inbox reads the user's notifications at once and again each minute", "[notifications][client]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    NotificationInbox inbox(api);
    const auto start = NotificationInbox::Clock::now();
    inbox.update(start);
    REQUIRE(transport.waiting() == 1);
    CHECK(transport.next().path == "/api/v1/me/notifications?limit=20");
    transport.answer(200, page(json::array({entry(2, "状況が変わりました", false), entry(1, "担当になりました", true)}), 1));
    CHECK(inbox.loaded());
    CHECK(inbox.unread() == 1);
    REQUIRE(inbox.items().size() == 2);
    CHECK_FALSE(inbox.items()[0].read);
    CHECK(inbox.items()[1].read);
    CHECK(inbox.items()[0].title(Language::en) == "Status changed");
    CHECK(inbox.items()[1].title(Language::en) == "担当になりました");  // no English: the Japanese
    CHECK(inbox.items()[0].ticket_id == 7);

    inbox.update(start + std::chrono::seconds(30));
    CHECK(transport.waiting() == 0);
    inbox.update(start + NotificationInbox::poll_interval);
    REQUIRE(transport.waiting() == 1);
    transport.answer(200, page(json::array({entry(3, "新しい通知", false), entry(2, "状況が変わりました", false),
                                            entry(1, "担当になりました", true)}),
                               2));
    CHECK(inbox.unread() == 2);
    CHECK(inbox.items().size() == 3);  // the first page again, not appended

    // A failed poll keeps what was shown and says why.
    inbox.refresh();
    transport.answer(500, R"({"error":{"code":"internal","message":"failed","message_ja":"失敗","fields":{}}})");
    CHECK(inbox.unread() == 2);
    CHECK(inbox.error().code == "internal");
}

TEST_CASE("marking read shows at once and tells the server, and opening an entry gives its ticket", "[notifications][client]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    NotificationInbox inbox(api);
    inbox.refresh();
    transport.answer(200, page(json::array({entry(3, "三", false), entry(2, "二", false, std::nullopt), entry(1, "一", false)}), 3));

    const auto ticket = inbox.open(3);
    CHECK(ticket.ticket_id == 7);
    CHECK_FALSE(ticket.loan_request_id);
    CHECK(inbox.unread() == 2);
    CHECK(inbox.items()[0].read);
    REQUIRE(transport.waiting() == 1);
    CHECK(transport.next().method == "POST");
    CHECK(transport.next().path == "/api/v1/me/notifications/3/read");
    transport.answer(204, "");
    CHECK(transport.waiting() == 0);
    const auto nothing = inbox.open(2);  // points at nothing; read all the same
    CHECK_FALSE(nothing.ticket_id);
    CHECK_FALSE(nothing.loan_request_id);
    transport.answer(204, "");
    CHECK(inbox.unread() == 1);
    inbox.mark_read(3);  // read already: nothing sent
    CHECK(transport.waiting() == 0);

    inbox.mark_all_read();
    CHECK(inbox.unread() == 0);
    REQUIRE(transport.waiting() == 1);
    CHECK(transport.next().path == "/api/v1/me/notifications/read-all");
    transport.answer(204, "");
    // Then reads the list again, to show what the server kept.
    REQUIRE(transport.waiting() == 1);
    CHECK(transport.next().path == "/api/v1/me/notifications?limit=20");
    transport.answer(200, page(json::array({entry(3, "三", true), entry(2, "二", true), entry(1, "一", true)}), 0));
    CHECK(inbox.unread() == 0);

    // A refused mark is undone by reading the list again.
    inbox.refresh();
    transport.answer(200, page(json::array({entry(4, "四", false)}), 1));
    inbox.mark_read(4);
    CHECK(inbox.unread() == 0);
    transport.answer(404, R"({"error":{"code":"not_found","message":"Not found","message_ja":"見つかりません","fields":{}}})");
    REQUIRE(transport.waiting() == 1);
    transport.answer(200, page(json::array({entry(4, "四", false)}), 1));
    CHECK(inbox.unread() == 1);
}

TEST_CASE("the inbox reads further pages by cursor and forgets a signed-out user's", "[notifications][client]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    NotificationInbox inbox(api);
    inbox.refresh();
    transport.answer(200, page(json::array({entry(5, "五", false)}), 5, "abc"));
    REQUIRE(inbox.has_more());
    inbox.load_more();
    CHECK(transport.next().path == "/api/v1/me/notifications?limit=20&cursor=abc");
    transport.answer(200, page(json::array({entry(4, "四", false)}), 5));
    CHECK(inbox.items().size() == 2);
    CHECK_FALSE(inbox.has_more());

    inbox.refresh();
    inbox.clear();  // another user signs in before the answer comes
    transport.answer(200, page(json::array({entry(9, "前の人の", false)}), 1));
    CHECK(inbox.items().empty());
    CHECK(inbox.unread() == 0);
    CHECK_FALSE(inbox.loaded());
}

TEST_CASE("notification times read relative to now, in Tokyo days", "[notifications][client]") {
    const auto now = tokyo(2026, 11, 26, 10, 30);
    using client::format_relative_time;
    CHECK(format_relative_time(tokyo(2026, 11, 26, 10, 30), now, Language::ja) == "たった今");
    CHECK(format_relative_time(calendar::Instant{now.unix_seconds + 20}, now, Language::ja) == "たった今");
    CHECK(format_relative_time(tokyo(2026, 11, 26, 10, 25), now, Language::ja) == "5分前");
    CHECK(format_relative_time(tokyo(2026, 11, 26, 10, 25), now, Language::en) == "5 min ago");
    CHECK(format_relative_time(tokyo(2026, 11, 26, 7, 0), now, Language::ja) == "3時間前");
    // 00:10 in Tokyo is still yesterday in UTC (15:10Z): the day is Tokyo's.
    CHECK(format_relative_time(tokyo(2026, 11, 26, 0, 10), now, Language::ja) == "10時間前");
    CHECK(format_relative_time(tokyo(2026, 11, 25, 23, 50), now, Language::ja) == "昨日 23:50");
    CHECK(format_relative_time(tokyo(2026, 11, 25, 14, 5), now, Language::ja) == "昨日 14:05");
    CHECK(format_relative_time(tokyo(2026, 11, 20, 9, 30), now, Language::ja) == "11月20日 9:30");
    CHECK(format_relative_time(tokyo(2025, 12, 31, 18, 0), now, Language::ja) == "2025年12月31日 18:00");
    CHECK(format_relative_time(tokyo(2025, 12, 31, 18, 0), now, Language::en) == "31/12/2025 18:00");
}

TEST_CASE("after the user's own write the bell reads again once the writes settle, not a minute later",
          "[notifications][client]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    NotificationInbox inbox(api);
    const auto start = NotificationInbox::Clock::now();
    inbox.update(start);
    transport.answer(200, page(json::array({entry(1, "担当になりました", true)}), 0));
    CHECK(inbox.unread() == 0);

    // Two replies in a row (each tells the requester, who may be the user): one read after both.
    const auto write = [&](const std::string& path, int status) {
        api.send({"POST", path, "{}", {}}, [](const client::ApiResult&) {});
        transport.answer(status, "{}");
    };
    const auto first_write = start + std::chrono::seconds(5);
    write("/api/v1/tickets/7/comments", 201);
    inbox.update(first_write);
    CHECK(transport.waiting() == 0);
    write("/api/v1/tickets/7/comments", 201);
    inbox.update(first_write + std::chrono::milliseconds(500));
    CHECK(transport.waiting() == 0);
    inbox.update(first_write + std::chrono::milliseconds(500) + NotificationInbox::write_settle);
    REQUIRE(transport.waiting() == 1);
    CHECK(transport.next().path == "/api/v1/me/notifications?limit=20");
    transport.answer(200, page(json::array({entry(2, "状況が変わりました", false), entry(1, "担当になりました", true)}), 1));
    CHECK(inbox.unread() == 1);

    // A refused write, a read, and marking one's own notifications read change nothing to tell.
    const auto later = first_write + std::chrono::seconds(10);
    write("/api/v1/tickets/7/transitions", 409);
    api.get("/api/v1/tickets/7", [](const client::ApiResult&) {});
    transport.answer(200, "{}");
    inbox.mark_read(2);
    REQUIRE(transport.waiting() == 1);
    transport.answer(204, "");
    inbox.update(later);
    inbox.update(later + NotificationInbox::write_settle * 2);
    CHECK(transport.waiting() == 0);
}

TEST_CASE("an entry opens the loan request the server names, its ticket first when it has both",
          "[notifications][client][lending]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    NotificationInbox inbox(api);
    inbox.refresh();
    auto approved = entry(3, "【窓口】貸出申請が承認されました LND-2026-00042", false, std::nullopt);
    approved["event"] = "lending.approved";
    approved["ticket_number"] = "";
    approved["loan_request_id"] = 42;
    approved["loan_request_number"] = "LND-2026-00042";
    auto stolen = entry(2, "【至急】情報セキュリティ事案の報告 SEC-2026-00009", false, 9);
    stolen["event"] = "security.reported";
    stolen["loan_request_id"] = 42;
    stolen["loan_request_number"] = "LND-2026-00042";
    // Only the reference counts: a link in the text names nothing.
    auto linked = entry(1, "古い通知", false, std::nullopt);
    linked["event"] = "lending.approved";
    linked["body_ja"] = "詳細: /#/lending/requests/42";
    transport.answer(200, page(json::array({approved, stolen, linked}), 3));
    REQUIRE(inbox.items().size() == 3);
    CHECK(inbox.items()[0].loan_request_number == "LND-2026-00042");

    const auto loan = inbox.open(3);
    CHECK(loan.loan_request_id == 42);
    CHECK_FALSE(loan.ticket_id);
    const auto incident = inbox.open(2);
    CHECK(incident.ticket_id == 9);
    CHECK_FALSE(incident.loan_request_id);
    const auto old = inbox.open(1);
    CHECK_FALSE(old.ticket_id);
    CHECK_FALSE(old.loan_request_id);
    CHECK(inbox.unread() == 0);
}
