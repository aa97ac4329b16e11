// The in-app inbox over real HTTP and SQLite: each user sees and marks only their own entries,
// reads them newest first by cursor with the unread count, and old entries are forgotten.
// (Entries written by ticket changes through the routing: ticket_notify_test.cpp.)
#include <catch2/catch.hpp>

#include "calendar/tokyo_time.hpp"
#include "configuration_test_support.hpp"
#include "identity_test_support.hpp"
#include "inquiry_test_support.hpp"
#include "notifications/inbox.hpp"
#include "server_test_support.hpp"
#include "store/database.hpp"

using namespace madoguchi::testing;
using nlohmann::json;
namespace calendar = madoguchi::calendar;
namespace store = madoguchi::server::store;
namespace notifications = madoguchi::server::notifications;

namespace {

// Adds one entry per title for the user, a minute apart from `start`, as the routing would.
void deliver(const RunningApp& server, std::int64_t user_id, const std::vector<std::string>& titles,
             calendar::Instant start = calendar::now()) {
    auto database = store::Database::open(server.database_path());
    REQUIRE(database);
    for (std::size_t i = 0; i < titles.size(); ++i) {
        const madoguchi::notifications::TemplateText text{"{{title}}", "本文 {{title}}", "", ""};
        const calendar::Instant at{start.unix_seconds + static_cast<std::int64_t>(i) * 60};
        REQUIRE(database.value().transaction([&] {
            return notifications::deliver_to_inbox(database.value(), "ticket.status_changed", {user_id}, text,
                                                   {{"title", titles[i]}}, {}, madoguchi::server::audit::system_actor, at);
        }));
    }
}

std::vector<std::string> titles_of(const json& page) {
    std::vector<std::string> titles;
    for (const auto& entry : page["notifications"]) titles.push_back(entry["title_ja"]);
    return titles;
}

httplib::Result post_empty(SignedIn& user, const std::string& path) { return post_json(user, path, json::object()); }

}  // namespace

TEST_CASE("a user reads only their own notifications and marks them read, one or all", "[notifications][inbox]") {
    RunningApp server;
    auto sato = signed_in_user(server, {"sato", {Role::staff}});
    auto suzuki = signed_in_user(server, {"suzuki", {Role::staff}});
    deliver(server, sato.user["id"], {"一", "二", "三"});
    deliver(server, suzuki.user["id"], {"鈴木さんへ"});

    const auto own = get_ok(sato, "/api/v1/me/notifications");
    CHECK(titles_of(own) == std::vector<std::string>{"三", "二", "一"});
    CHECK(own["unread"] == 3);
    CHECK(own["notifications"][0]["body_ja"] == "本文 三");
    CHECK(own["notifications"][0]["title_en"] == "");  // a Japanese-only template
    const auto theirs = get_ok(suzuki, "/api/v1/me/notifications");
    REQUIRE(theirs["notifications"].size() == 1);
    const auto suzuki_entry = theirs["notifications"][0]["id"].get<std::int64_t>();

    // Another's entry is not found, and stays unread.
    const auto foreign = post_empty(sato, "/api/v1/me/notifications/" + std::to_string(suzuki_entry) + "/read");
    REQUIRE(foreign);
    CHECK(foreign->status == 404);
    CHECK(json_of(foreign)["error"]["code"] == "not_found");
    CHECK(get_ok(suzuki, "/api/v1/me/notifications")["unread"] == 1);
    const auto malformed = post_empty(sato, "/api/v1/me/notifications/abc/read");
    REQUIRE(malformed);
    CHECK(malformed->status == 400);
    // Without the CSRF token a post is refused, like every other.
    const auto forged = server.client()->Post("/api/v1/me/notifications/read-all", httplib::Headers{{"Cookie", sato.cookie}},
                                              "{}", "application/json");
    REQUIRE(forged);
    CHECK(forged->status == 403);

    const auto second = own["notifications"][1]["id"].get<std::int64_t>();
    const auto read = audited(server, [&] { return post_empty(sato, "/api/v1/me/notifications/" + std::to_string(second) + "/read"); });
    REQUIRE(read);
    CHECK(read->status == 204);
    auto after = get_ok(sato, "/api/v1/me/notifications");
    CHECK(after["unread"] == 2);
    CHECK_FALSE(after["notifications"][1]["read_at"].is_null());
    CHECK(after["notifications"][0]["read_at"].is_null());
    CHECK(titles_of(get_ok(sato, "/api/v1/me/notifications?unread=true")) == std::vector<std::string>{"三", "一"});
    // Read again: still read, at its first time, and nothing more audited.
    const auto read_at = after["notifications"][1]["read_at"];
    const auto audits = audit_rows(server);
    const auto again = post_empty(sato, "/api/v1/me/notifications/" + std::to_string(second) + "/read");
    REQUIRE(again);
    CHECK(again->status == 204);
    CHECK(get_ok(sato, "/api/v1/me/notifications")["notifications"][1]["read_at"] == read_at);
    CHECK(audit_rows(server) == audits);

    const auto all = audited(server, [&] { return post_empty(sato, "/api/v1/me/notifications/read-all"); });
    REQUIRE(all);
    CHECK(all->status == 204);
    CHECK(get_ok(sato, "/api/v1/me/notifications")["unread"] == 0);
    CHECK(get_ok(sato, "/api/v1/me/notifications?unread=true")["notifications"].empty());
    CHECK(get_ok(suzuki, "/api/v1/me/notifications")["unread"] == 1);  // another's untouched
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'notification.read_all' "
                                             "AND after_json LIKE '%\"marked\":2%'") == 1);
}

TEST_CASE("the inbox pages newest first by cursor and names bad parameters", "[notifications][inbox]") {
    RunningApp server;
    auto sato = signed_in_user(server, {"sato", {Role::staff}});
    deliver(server, sato.user["id"], {"1", "2", "3", "4", "5"});

    const auto first = get_ok(sato, "/api/v1/me/notifications?limit=2");
    CHECK(titles_of(first) == std::vector<std::string>{"5", "4"});
    CHECK(first["unread"] == 5);
    REQUIRE(first["next_cursor"].is_string());
    const auto second = get_ok(sato, "/api/v1/me/notifications?limit=2&cursor=" + first["next_cursor"].get<std::string>());
    CHECK(titles_of(second) == std::vector<std::string>{"3", "2"});
    const auto last = get_ok(sato, "/api/v1/me/notifications?limit=2&cursor=" + second["next_cursor"].get<std::string>());
    CHECK(titles_of(last) == std::vector<std::string>{"1"});
    CHECK(last["next_cursor"].is_null());

    const auto bad = sato.client->Get("/api/v1/me/notifications?unread=yes&limit=0&cursor=%25%25");
    REQUIRE(bad);
    CHECK(bad->status == 400);
    CHECK(error_fields(bad) == std::vector<std::string>{"cursor", "limit", "unread"});
}

TEST_CASE("entries older than 180 days are forgotten when new ones arrive", "[notifications][inbox]") {
    RunningApp server;
    auto sato = signed_in_user(server, {"sato", {Role::staff}});
    const auto now = calendar::now();
    deliver(server, sato.user["id"], {"半年以上前"}, calendar::Instant{now.unix_seconds - 181LL * 86400});
    deliver(server, sato.user["id"], {"先月"}, calendar::Instant{now.unix_seconds - 30LL * 86400});
    CHECK(get_ok(sato, "/api/v1/me/notifications")["notifications"].size() == 2);
    deliver(server, sato.user["id"], {"今日"}, now);
    CHECK(titles_of(get_ok(sato, "/api/v1/me/notifications")) == std::vector<std::string>{"今日", "先月"});
}
