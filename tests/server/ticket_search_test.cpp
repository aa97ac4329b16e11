// Ticket search through the trigram index (migration 19) over real HTTP and SQLite: for every
// query, the same tickets and total as contains() reading every row; FTS operators typed by
// people stay plain text; staff still see only their own; cursors page through the matches;
// the index follows tickets written before and after the migration.
#include <catch2/catch.hpp>

#include <set>

#include "calendar/tokyo_time.hpp"
#include "configuration_test_support.hpp"
#include "identity_test_support.hpp"
#include "inquiry_test_support.hpp"
#include "knowledge_test_support.hpp"
#include "migration_test_support.hpp"
#include "server_test_support.hpp"
#include "store/database.hpp"
#include "tickets/demo_tickets.hpp"
#include "tickets/ticket_store.hpp"

using namespace madoguchi::testing;
using nlohmann::json;
namespace store = madoguchi::server::store;

namespace {

// Titles that hold what people type as FTS5 syntax, widths and scripts the folding joins.
const std::vector<std::pair<std::string, std::string>> crafted{
    {"AND OR NOT の意味", "検索語に AND と書いた"},
    {"引用符 \"テスト\" 付き", "a\"b と \"\" と ''"},
    {"ワイルドカード * と -x", "NEAR(a b) と col:abc と ^先頭"},
    {"ＭＦＰ１２の紙詰まり", "ﾌﾟﾘﾝﾀｰが止まる 山田　太郎"},
    {"絵文字 🙂🙂🙂", "50% 割引_テスト"},
    // Characters found nowhere else, at the very end: one or two characters are found as the
    // beginning of trigrams, and the index's end marker makes the last two begin one too.
    {"末尾の確認", "最後の二文字はゑゐ"},
};

std::vector<std::int64_t> ids_of(const json& page) {
    std::vector<std::int64_t> ids;
    for (const auto& ticket : page["tickets"]) ids.push_back(ticket["id"].get<std::int64_t>());
    return ids;
}

struct Found {
    std::set<std::int64_t> ids;
    std::int64_t total = 0;
    bool capped = false;  // the total is "or more"
};

// Every ticket GET /api/v1/tickets?q= lists for `text`, page after page.
Found searched(SignedIn& reader, const std::string& text) {
    Found found;
    auto path = "/api/v1/tickets" + query_of("q", text) + "&limit=100";
    std::optional<std::string> cursor;
    do {
        const auto page = get_ok(reader, path + (cursor ? "&cursor=" + *cursor : ""));
        found.total = page["total"].get<std::int64_t>();
        found.capped = page["total_capped"].get<bool>();
        for (const auto id : ids_of(page)) CHECK(found.ids.insert(id).second);  // no ticket twice across pages
        cursor = page["next_cursor"].is_null() ? std::nullopt : std::optional(page["next_cursor"].get<std::string>());
    } while (cursor);
    return found;
}

// What contains() over every row finds: the search before the index.
std::set<std::int64_t> scanned(const std::filesystem::path& database_path, const std::string& text,
                               const std::string& scope = "1") {
    auto database = store::Database::open(database_path);
    REQUIRE(database);
    auto select = database.value().prepare("SELECT id FROM tickets WHERE contains(search_text, search_fold(?1)) AND " + scope);
    REQUIRE(select);
    select.value().bind(1, text);
    std::set<std::int64_t> ids;
    while (select.value().step().value()) ids.insert(select.value().column_int(0));
    return ids;
}

void seed(const RunningApp& server, std::int64_t count) {
    auto database = store::Database::open(server.database_path());
    REQUIRE(database);
    const auto now = *madoguchi::calendar::parse_iso8601("2026-11-25T12:00:00+09:00").instant;
    REQUIRE(database.value().transaction([&]() -> store::Status {
        auto written = madoguchi::server::tickets::seed_demo_tickets(
            database.value(), {.count = count, .seed = 3, .now = now, .days = 90, .audited = false}, {"cli", "", ""});
        if (!written) return store::Error{written.error()};
        return store::success();
    }));
}

json opened(const RunningApp& server, SignedIn& user, const std::string& title, const std::string& body) {
    const auto response = audited(server, [&] {
        return post_json(user, "/api/v1/tickets", {{"kind", "inquiry"}, {"title", title}, {"body", body}, {"category", "device"}});
    });
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 201);
    return json_of(response)["ticket"];
}

}  // namespace

TEST_CASE("the index finds exactly what reading every row finds, for any text people type", "[tickets][search]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    auto staff = signed_in_user(server, {"staff1", {Role::staff}});
    add_user(server, {"staff2", {Role::staff}, "D-JINJI"});
    add_user(server, {"ito1", {Role::it_office}});
    seed(server, 400);
    std::vector<std::string> numbers;
    for (const auto& [title, body] : crafted) numbers.push_back(opened(server, staff, title, body)["number"].get<std::string>());

    const std::vector<std::string> queries{
        // Japanese: kana in either script and width, kanji, one and two characters.
        "ぷりんたー", "プリンター", "ﾌﾟﾘﾝﾀｰ", "紙詰まり", "印刷", "紙", "詰ま", "ﾌﾟ", "山田 太郎", "山田　太郎",
        // Letters and digits, full and half width; ticket numbers whole and in part.
        "ＭＦＰ１２", "mfp12", "MFP", numbers[0], numbers[3].substr(4), "INC-", "000", "12", "1", "2026-0",
        // FTS5 syntax as plain text.
        "AND", "and or not", "\"", "\"\"", "a\"b", "\"テスト\"", "*", "ド *", "-x", "NEAR(", "NEAR(a b)", "col:abc",
        "^先頭", "''", "50%", "_テ", "🙂🙂🙂", "🙂",
        // The end of a text, one and two characters; the index's end marker as typed.
        "ゑゐ", "ゐ", "ゑ", "はゑ", std::string("ゐ\x1f"), std::string("\x1f"), std::string("\x1f\x1f"), "ゐ ",
        // Nothing, and bytes that are not UTF-8.
        "存在しない語句", std::string("\xff\xfe\xfd", 3), std::string("ab\0cd", 5)};
    for (const auto& query : queries) {
        INFO("q=" << query);
        const auto expected = scanned(server.database_path(), query);
        const auto found = searched(desk, query);
        CHECK(found.ids == expected);
        CHECK(found.total == static_cast<std::int64_t>(expected.size()));
        CHECK_FALSE(found.capped);
    }
    // The queries above are not all trivially empty or full.
    CHECK(scanned(server.database_path(), "紙詰まり").size() > 5);
    CHECK(scanned(server.database_path(), "紙詰まり").size() < 400);
    CHECK(scanned(server.database_path(), "-x").size() == 1);
    CHECK(scanned(server.database_path(), "a\"b").size() == 1);
    CHECK(scanned(server.database_path(), "ゐ").size() == 1);

    // Staff find only their own, as without the index.
    const auto staff_id = std::to_string(staff.user["id"].get<std::int64_t>());
    for (const auto& query : {"ぷりんたー", "紙詰まり", "AND", "紙"}) {
        INFO("q=" << query);
        CHECK(searched(staff, query).ids == scanned(server.database_path(), query, "requester_user_id = " + staff_id));
    }
}

TEST_CASE("search pages through matches with the other filters and sorts applied", "[tickets][search]") {
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    add_user(server, {"staff1", {Role::staff}});
    add_user(server, {"ito1", {Role::it_office}});
    seed(server, 300);
    const std::string text = "ぷりんた";
    const auto incidents = scanned(server.database_path(), text, "kind = 'incident'");
    REQUIRE(incidents.size() > 3);
    for (const auto* sort : {"-created_at", "created_at", "sla_due_at", "-sla_due_at"}) {
        INFO("sort=" << sort);
        std::vector<std::int64_t> listed;
        std::string path = "/api/v1/tickets" + query_of("q", text) + "&kind=incident&limit=2&sort=" + sort;
        std::optional<std::string> cursor;
        do {
            const auto page = get_ok(desk, path + (cursor ? "&cursor=" + *cursor : ""));
            CHECK(page["total"] == incidents.size());
            for (const auto id : ids_of(page)) listed.push_back(id);
            cursor = page["next_cursor"].is_null() ? std::nullopt : std::optional(page["next_cursor"].get<std::string>());
        } while (cursor);
        CHECK(std::set<std::int64_t>(listed.begin(), listed.end()) == incidents);
        CHECK(listed.size() == incidents.size());
    }
}

TEST_CASE("a search matching more tickets than are read by id finds the same, filtered, scoped and paged",
          "[tickets][search]") {
    // Over 1,000 matches the rows are kept through in_id_set() while the query walks its order
    // or its filters' index, instead of being read by id.
    RunningApp server;
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    auto staff = signed_in_user(server, {"staff1", {Role::staff}});
    add_user(server, {"staff2", {Role::staff}, "D-JINJI"});
    add_user(server, {"ito1", {Role::it_office}});
    seed(server, 1500);
    for (int i = 0; i < 3; ++i) opened(server, staff, "自席のプリンター " + std::to_string(i), "印刷できない");
    const std::string every_number = "000";  // in every ticket number
    const auto all = scanned(server.database_path(), every_number);
    REQUIRE(all.size() > 1000);
    const auto found = searched(desk, every_number);
    CHECK(found.ids == all);
    CHECK(found.total == static_cast<std::int64_t>(all.size()));

    // A character in a third of the tickets or more (here a digit of every number) is read row by
    // row: the pages still list every match, and the count stops at 1,000 and says so.
    const auto digit = searched(desk, "0");
    CHECK(digit.ids == scanned(server.database_path(), "0"));
    CHECK(digit.ids.size() > 1000);
    CHECK(digit.total == 1000);
    CHECK(digit.capped);
    // Under 1,000 matches such a search counts them all.
    const auto digit_incidents = get_ok(desk, "/api/v1/tickets?q=0&kind=incident&limit=10");
    CHECK(digit_incidents["total"] == scanned(server.database_path(), "0", "kind = 'incident'").size());
    CHECK(digit_incidents["total_capped"] == false);

    const auto incidents = scanned(server.database_path(), every_number, "kind = 'incident'");
    REQUIRE(incidents.size() > 10);
    REQUIRE(incidents.size() < all.size());
    std::vector<std::int64_t> listed;
    std::optional<std::string> cursor;
    do {
        const auto page = get_ok(desk, "/api/v1/tickets?q=000&kind=incident&limit=100&sort=sla_due_at" +
                                           (cursor ? "&cursor=" + *cursor : std::string()));
        CHECK(page["total"] == incidents.size());
        for (const auto id : ids_of(page)) listed.push_back(id);
        cursor = page["next_cursor"].is_null() ? std::nullopt : std::optional(page["next_cursor"].get<std::string>());
    } while (cursor);
    CHECK(std::set<std::int64_t>(listed.begin(), listed.end()) == incidents);
    CHECK(listed.size() == incidents.size());

    // Staff among many matches still see only their own.
    const auto theirs = scanned(server.database_path(), every_number,
                                "requester_user_id = " + std::to_string(staff.user["id"].get<std::int64_t>()));
    REQUIRE(theirs.size() < all.size());
    const auto mine = searched(staff, every_number);
    CHECK(mine.ids == theirs);
    CHECK(mine.total == static_cast<std::int64_t>(theirs.size()));
}

TEST_CASE("migration 19 indexes the tickets already there and keeps their timeline", "[tickets][search][migrations]") {
    TempDir temp;
    auto opened_database = store::Database::open(temp.path() / "before.db");
    REQUIRE(opened_database);
    auto& database = opened_database.value();
    madoguchi::testing::migrate_below(database, 19);
    REQUIRE(database.execute(
        "INSERT INTO divisions (code, name_ja) VALUES ('D-SOUMU', '総務課');"
        "INSERT INTO users (id, login, name, division_code, created_at, updated_at) VALUES "
        "(7, 'sato', '佐藤 花子', 'D-SOUMU', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"));
    const auto at = *madoguchi::calendar::parse_iso8601("2026-03-02T10:00:00+09:00").instant;
    namespace tickets = madoguchi::server::tickets;
    auto written = tickets::insert_ticket(database,
                                          {tickets::TicketKind::inquiry, tickets::TicketState::received, "プリンタが動かない",
                                           "紙詰まりの表示が消えません", 7, "D-SOUMU", "device",
                                           tickets::Priority::p4, "", ""},
                                          at);
    REQUIRE(written);
    const auto event_of = [](std::string type) {
        tickets::TicketEvent event;
        event.occurred_at = "2026-03-02T01:00:00Z";
        event.actor = "sato";
        event.type = std::move(type);
        return event;
    };
    REQUIRE(tickets::insert_event(database, written.value(), 7, event_of("linked")));

    REQUIRE(store::migrate(database));
    auto found = database.query_int("SELECT rowid FROM tickets_search WHERE tickets_search MATCH '\"ぷりんた\"'");
    REQUIRE(found);
    CHECK(found.value() == written.value());
    CHECK(database.query_int("SELECT count(*) FROM ticket_events WHERE type = 'linked'").value() == 1);
    CHECK(tickets::insert_event(database, written.value(), 7, event_of("unlinked")));
}

TEST_CASE("migration 26 reindexes the tickets already there so one or two characters find them", "[tickets][search][migrations]") {
    TempDir temp;
    auto opened_database = store::Database::open(temp.path() / "before.db");
    REQUIRE(opened_database);
    auto& database = opened_database.value();
    madoguchi::testing::migrate_below(database, 26);
    REQUIRE(database.execute(
        "INSERT INTO divisions (code, name_ja) VALUES ('D-SOUMU', '総務課');"
        "INSERT INTO users (id, login, name, division_code, created_at, updated_at) VALUES "
        "(7, 'sato', '佐藤 花子', 'D-SOUMU', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"));
    namespace tickets = madoguchi::server::tickets;
    const auto insert = [&](std::string title, std::string body) {
        const auto at = *madoguchi::calendar::parse_iso8601("2026-03-02T10:00:00+09:00").instant;
        auto written = tickets::insert_ticket(database,
                                              {tickets::TicketKind::inquiry, tickets::TicketState::received, std::move(title),
                                               std::move(body), 7, "D-SOUMU", "device", tickets::Priority::p4, "", ""},
                                              at);
        REQUIRE(written);
        return written.value();
    };
    const auto before = insert("プリンタが動かない", "紙詰まりの表示が消えませんゑゐ");
    REQUIRE(store::migrate(database));
    const auto after = insert("スキャナの設定", "共有フォルダに保存できないゐ");

    const auto ids_for = [&](const std::string& text) {
        tickets::TicketQuery query;
        query.text = text;
        query.scope.everything = true;
        auto page = tickets::list_tickets(database, query);
        REQUIRE(page);
        std::set<std::int64_t> ids;
        for (const auto& ticket : page.value().tickets) ids.insert(ticket.id);
        CHECK(page.value().total == static_cast<std::int64_t>(ids.size()));
        return ids;
    };
    CHECK(ids_for("ゑゐ") == std::set<std::int64_t>{before});
    CHECK(ids_for("ゐ") == std::set<std::int64_t>{before, after});
    CHECK(ids_for("紙詰") == std::set<std::int64_t>{before});
    CHECK(ids_for("ぷりんた") == std::set<std::int64_t>{before});
    CHECK(ids_for("すきゃな") == std::set<std::int64_t>{after});
    CHECK(ids_for("ない") == std::set<std::int64_t>{before, after});
    // The index holds no copy of the text: rows come from tickets.
    CHECK(database.query_int("SELECT count(*) FROM tickets_search_terms WHERE term = 'ゑゐ' || char(31)").value() == 1);
}
