// The demo tickets seed-demo writes and the bench multiplies: every kind, timelines that follow
// each kind's workflow, an audit record per ticket, the same tickets for the same seed, and
// trends that count them.
#include <catch2/catch.hpp>

#include <set>

#include "cli_test_support.hpp"
#include "identity_test_support.hpp"
#include "inquiry_test_support.hpp"
#include "server_test_support.hpp"
#include "store/database.hpp"
#include "tickets/demo_tickets.hpp"
#include "tickets/workflow.hpp"
#include "transaction_test_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;
namespace domain = madoguchi::tickets;
namespace store = madoguchi::server::store;

namespace {

const auto demo_now = *madoguchi::calendar::parse_iso8601("2026-11-25T12:00:00+09:00").instant;

// A desk to seed tickets into: staff in two divisions, operators and the IT office.
void add_people(const RunningApp& server) {
    add_user(server, {"staff1", {Role::staff}, "D-SOMU"});
    add_user(server, {"staff2", {Role::staff}, "D-JINJI"});
    add_user(server, {"staff3", {Role::staff}, "D-JINJI"});
    add_user(server, {"desk1", {Role::desk_operator}});
    add_user(server, {"desk2", {Role::desk_operator}});
    add_user(server, {"ito1", {Role::it_office}});
}

std::int64_t seeded(const RunningApp& server, std::uint64_t seed, std::int64_t count) {
    std::int64_t written = 0;
    write_in_transaction(server.database_path(), [&](store::Database& database) -> store::Status {
        auto result = madoguchi::server::tickets::seed_demo_tickets(
            database, {.count = count, .seed = seed, .now = demo_now, .days = 180}, {"cli", "", ""});
        if (!result) return store::Error{result.error()};
        written = result.value();
        return store::success();
    });
    return written;
}

std::string fingerprint(const RunningApp& server) {
    auto database = store::Database::open(server.database_path());
    REQUIRE(database);
    auto select = database.value().prepare(
        "SELECT group_concat(number || kind || state || title || division_code || created_at, ',') "
        "FROM (SELECT * FROM tickets ORDER BY id)");
    REQUIRE(select);
    REQUIRE(select.value().step());
    return select.value().column_text(0);
}

}  // namespace

TEST_CASE("demo tickets cover every kind along their workflows, each audited", "[tickets][trends][seed]") {
    RunningApp server;
    add_people(server);
    REQUIRE(seeded(server, 5, 300) == 300);
    const auto& db = server.database_path();
    CHECK(count_rows(db, "SELECT count(*) FROM tickets") == 300);
    CHECK(count_rows(db, "SELECT count(DISTINCT kind) FROM tickets") == 7);
    CHECK(count_rows(db, "SELECT count(DISTINCT number) FROM tickets") == 300);
    CHECK(count_rows(db, "SELECT count(*) FROM tickets WHERE state = 'closed'") > 50);
    CHECK(count_rows(db, "SELECT count(*) FROM tickets WHERE state IN ('received', 'in_progress', 'draft')") > 5);
    CHECK(count_rows(db, "SELECT count(*) FROM ticket_events WHERE type = 'created'") == 300);
    CHECK(count_rows(db, "SELECT count(*) FROM ticket_events WHERE type = 'approval' AND role = 'it_office'") > 0);
    CHECK(count_rows(db, "SELECT count(*) FROM audit_log WHERE action = 'ticket.created' AND actor = 'cli'") == 300);
    CHECK(madoguchi_cli({"audit", "verify", "--db", db.string()}).exit_code == 0);
    // Open tickets carry their SLA due time, as a real write stores it.
    CHECK(count_rows(db, "SELECT count(*) FROM tickets WHERE state = 'received' AND kind = 'inquiry' AND sla_due_at IS NULL") == 0);

    // Every move is one the kind's workflow allows, from the state the ticket was in, and the
    // ticket stands where its last move took it.
    auto database = store::Database::open(db);
    REQUIRE(database);
    auto events = database.value().prepare(
        "SELECT t.id, t.kind, t.state, e.type, coalesce(e.from_state, ''), e.to_state FROM ticket_events e "
        "JOIN tickets t ON t.id = e.ticket_id ORDER BY t.id, e.id");
    REQUIRE(events);
    auto& row = events.value();
    std::int64_t ticket = 0;
    std::string kind_name, stored_state, current;
    int moves = 0;
    const auto ends_where_stored = [&] { CHECK(current == stored_state); };
    while (row.step().value()) {
        if (row.column_int(0) != ticket) {
            if (ticket != 0) ends_where_stored();
            ticket = row.column_int(0);
            kind_name = row.column_text(1);
            stored_state = row.column_text(2);
            CHECK(row.column_text(3) == "created");
            current = row.column_text(5);
            continue;
        }
        INFO("ticket " << ticket << " " << kind_name << ": " << row.column_text(4) << " → " << row.column_text(5));
        CHECK(row.column_text(4) == current);
        const auto kind = *domain::parse_kind(kind_name);
        const auto from = *domain::parse_ticket_state(row.column_text(4));
        const auto to = *domain::parse_ticket_state(row.column_text(5));
        bool allowed = false;
        for (const auto& move : domain::workflow_of(kind).transitions) allowed = allowed || (move.from == from && move.to == to);
        CHECK(allowed);
        current = row.column_text(5);
        ++moves;
    }
    ends_where_stored();
    CHECK(moves > 300);
}

TEST_CASE("the same seed gives the same demo tickets, another seed others", "[tickets][trends][seed]") {
    RunningApp first, same, other;
    for (const auto* server : {&first, &same, &other}) add_people(*server);
    seeded(first, 5, 120);
    seeded(same, 5, 120);
    seeded(other, 6, 120);
    CHECK(fingerprint(first) == fingerprint(same));
    CHECK(fingerprint(first) != fingerprint(other));
}

TEST_CASE("trends count the demo tickets created in the range", "[tickets][trends][seed]") {
    RunningApp server;
    add_people(server);
    seeded(server, 5, 200);
    auto ito = sign_in(server, "ito1");
    const auto response = ito.client->Get("/api/v1/tickets/trends?from=2026-09-01&to=2026-11-30");
    REQUIRE(response);
    REQUIRE(response->status == 200);
    const auto trends = json_of(response);
    CHECK(trends["total"] == count_rows(server.database_path(),
                                        "SELECT count(*) FROM tickets WHERE created_at >= '2026-08-31T15:00:00Z'"));
    std::int64_t by_kind = 0;
    for (const auto& count : trends["by_kind"]) by_kind += count["count"].get<std::int64_t>();
    CHECK(by_kind == trends["total"]);
    CHECK(trends["by_division"].size() == 2);
    CHECK(trends["first_response"][0]["samples"].get<std::int64_t>() > 0);
    CHECK(trends["resolution"][0]["median_minutes"].is_number());
}
