#include <catch2/catch.hpp>

#include "calendar/tokyo_time.hpp"
#include "migration_test_support.hpp"
#include "server_test_support.hpp"
#include "store/database.hpp"
#include "tickets/ticket_store.hpp"

using madoguchi::testing::TempDir;
namespace store = madoguchi::server::store;
namespace tickets = madoguchi::server::tickets;
namespace calendar = madoguchi::calendar;

namespace {

std::int64_t count(store::Database& database, const std::string& sql) {
    auto value = database.query_int(sql);
    REQUIRE(value);
    REQUIRE(value.value());
    return *value.value();
}

}  // namespace

TEST_CASE("migration 17 turns inquiries into tickets under their numbers, and those without a requester stay",
          "[inquiries][migrations]") {
    TempDir temp;
    auto opened = store::Database::open(temp.path() / "before.db");
    REQUIRE(opened);
    auto& database = opened.value();
    madoguchi::testing::migrate_below(database, 17);
    REQUIRE(database.execute(
        "INSERT INTO divisions (code, name_ja) VALUES ('D-SOUMU', '総務課');"
        "INSERT INTO users (id, login, name, division_code, created_at, updated_at) VALUES "
        "(7, 'sato', '佐藤 花子', 'D-SOUMU', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
        "INSERT INTO inquiries (number, number_year, number_sequence, requester_name, division, contact, category, "
        "subject, body, status, received_at, requester_user_id) VALUES "
        "('INQ-2026-000001', 2026, 1, '名無し', '不明', '内線0', 'other', '署名前の件', '本文', 'received', "
        "'2026-03-01T00:00:00Z', NULL),"
        "('INQ-2026-000002', 2026, 2, '佐藤 花子', '総務課', '内線1234', 'device', 'プリンタが動かない', "
        "'紙詰まりの表示が消えません', 'received', '2026-03-02T01:00:00Z', 7);"));

    auto migrated = store::migrate(database);
    INFO((migrated ? std::string() : migrated.error()));
    REQUIRE(migrated);

    auto row = database.prepare(
        "SELECT t.kind, t.state, t.title, t.body, t.requester_user_id, t.division_code, t.category, t.priority, "
        "t.created_at, c.requester_name, c.division, c.contact, e.type, e.to_state, e.actor, e.occurred_at "
        "FROM tickets t JOIN inquiry_contacts c ON c.ticket_id = t.id JOIN ticket_events e ON e.ticket_id = t.id "
        "WHERE t.number = 'INQ-2026-000002'");
    REQUIRE(row);
    REQUIRE(row.value().step().value());
    const auto& copied = row.value();
    CHECK(copied.column_text(0) == "inquiry");
    CHECK(copied.column_text(1) == "received");
    CHECK(copied.column_text(2) == "プリンタが動かない");
    CHECK(copied.column_text(3) == "紙詰まりの表示が消えません");
    CHECK(copied.column_int(4) == 7);
    CHECK(copied.column_text(5) == "D-SOUMU");
    CHECK(copied.column_text(6) == "device");
    CHECK(copied.column_text(7) == "p4");
    CHECK(copied.column_text(8) == "2026-03-02T01:00:00Z");
    CHECK(copied.column_text(9) == "佐藤 花子");
    CHECK(copied.column_text(10) == "総務課");
    CHECK(copied.column_text(11) == "内線1234");
    CHECK(copied.column_text(12) == "created");
    CHECK(copied.column_text(13) == "received");
    CHECK(copied.column_text(14) == "sato");
    CHECK(copied.column_text(15) == "2026-03-02T01:00:00Z");
    CHECK(count(database, "SELECT count(*) FROM ticket_events") == 1);
    // Found by the ticket search, which folds kana and width.
    CHECK(count(database, "SELECT count(*) FROM tickets WHERE instr(search_text, search_fold('ﾌﾟﾘﾝﾀ')) > 0") == 1);

    // The one from before sign-in has no requester to name: it stays, and keeps its number taken.
    CHECK(count(database, "SELECT count(*) FROM inquiries") == 1);
    CHECK(count(database, "SELECT count(*) FROM inquiries WHERE number = 'INQ-2026-000001'") == 1);
    CHECK(count(database, "SELECT count(*) FROM tickets") == 1);
    auto next = tickets::insert_ticket(database,
                                       {tickets::TicketKind::inquiry, tickets::TicketState::received, "次", "次の件", 7,
                                        "D-SOUMU", "other", tickets::Priority::p4, "", ""},
                                       *calendar::parse_iso8601("2026-06-01T00:00:00Z").instant);
    REQUIRE(next);
    CHECK(count(database, "SELECT count(*) FROM tickets WHERE number = 'INQ-2026-000003' AND id = " +
                              std::to_string(next.value())) == 1);
}
