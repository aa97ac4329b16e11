// SLA fields of stored tickets against hand-computed instants: sla_due_at written with the
// ticket, and the sweep (recompute_open_ticket_clocks) raising near-breach and breach flags
// as business time passes, over a weekend.
#include <catch2/catch.hpp>

#include "calendar/tokyo_time.hpp"
#include "identity_test_support.hpp"
#include "server_test_support.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "tickets/ticket_sla.hpp"
#include "tickets/ticket_store.hpp"

using namespace madoguchi::testing;
using nlohmann::json;
namespace calendar = madoguchi::calendar;
namespace store = madoguchi::server::store;
namespace tickets = madoguchi::server::tickets;
namespace domain = madoguchi::tickets;

namespace {

calendar::Instant tokyo(int year, int month, int day, int hour, int minute) {
    return calendar::from_tokyo(calendar::Date{year, month, day}, (hour * 60 + minute) * 60);
}

struct Flags {
    std::string due;
    std::int64_t breached;
    std::int64_t near;
    friend bool operator==(const Flags&, const Flags&) = default;
};

Flags flags_of(store::Database& database, std::int64_t id) {
    auto select = database.prepare("SELECT coalesce(sla_due_at, ''), sla_breached, sla_near_breach FROM tickets WHERE id = ?1");
    REQUIRE(select);
    select.value().bind(1, id);
    REQUIRE(select.value().step());
    return {select.value().column_text(0), select.value().column_int(1), select.value().column_int(2)};
}

}  // namespace

TEST_CASE("a p4 incident opened Friday 17:00 is due for first response Monday 9:15, near breach from 8:52, breached after",
          "[tickets][sla]") {
    RunningApp server;
    const auto requester = add_user(server, {"staff1", {Role::staff}});
    auto opened = store::Database::open(server.database_path());
    REQUIRE(opened);
    auto& database = opened.value();
    // Friday 2026-11-27: 75 business minutes to 18:15, then 45 on Monday from 8:30 (120 in all).
    const auto friday = tokyo(2026, 11, 27, 17, 0);
    std::int64_t id = 0;
    auto created = database.transaction([&]() -> store::Status {
        const tickets::NewTicket ticket{domain::TicketKind::incident, domain::TicketState::received, "紙詰まり", "3階",
                                        requester, test_division, "device", domain::Priority::p4, "individual", "medium"};
        auto inserted = tickets::insert_ticket(database, ticket, friday);
        if (!inserted) return store::Error{inserted.error()};
        id = inserted.value();
        auto row = tickets::find_ticket(database, id);
        if (!row) return store::Error{row.error()};
        auto clock = tickets::store_sla_clock(database, *row.value(), friday);
        if (!clock) return store::Error{clock.error()};
        return store::success();
    });
    REQUIRE(created);
    const std::string due = "2026-11-30T00:15:00Z";
    CHECK(flags_of(database, id) == Flags{due, 0, 0});

    const auto sweep = [&](calendar::Instant now) {
        std::int64_t changed = -1;
        auto swept = database.transaction([&]() -> store::Status {
            auto count = tickets::recompute_open_ticket_clocks(database, now);
            if (!count) return store::Error{count.error()};
            changed = count.value();
            return store::success();
        });
        REQUIRE(swept);
        return changed;
    };
    // Saturday counts nothing; Monday 8:50 is 95 of 120 minutes (under 80 %), 8:52 is 97.
    CHECK(sweep(tokyo(2026, 11, 28, 12, 0)) == 0);
    CHECK(sweep(tokyo(2026, 11, 30, 8, 50)) == 0);
    CHECK(flags_of(database, id) == Flags{due, 0, 0});
    CHECK(sweep(tokyo(2026, 11, 30, 8, 52)) == 1);
    CHECK(flags_of(database, id) == Flags{due, 0, 1});
    CHECK(sweep(tokyo(2026, 11, 30, 9, 30)) == 1);
    CHECK(flags_of(database, id).breached == 1);
    CHECK(flags_of(database, id).near == 0);
}

TEST_CASE("a ticket created over HTTP stores the due instant its own timeline gives", "[tickets][sla][api]") {
    RunningApp server;
    auto staff = signed_in_user(server, {"staff1", {Role::staff}});
    const auto response = staff.client->Post(
        "/api/v1/tickets",
        json{{"kind", "security_incident"}, {"title", "不審なメール"}, {"body", "添付を開いてしまった"}, {"category", "service"},
             {"impact", "division"}, {"urgency", "high"}}.dump(),
        "application/json");
    REQUIRE(response);
    REQUIRE(response->status == 201);
    const auto ticket = json_of(response)["ticket"];
    CHECK(ticket["priority"] == "p2");
    const auto created_at = calendar::parse_iso8601(ticket["created_at"].get<std::string>()).instant;
    REQUIRE(created_at);
    // The same computation from the stored row, by hand: the policy's 15 business minutes of
    // the desk's hours from the creation, no state change yet.
    const domain::TicketTimeline timeline{domain::TicketKind::security_incident, *created_at, {}, std::nullopt};
    const domain::SlaSettings settings{domain::sla_targets(domain::TicketKind::security_incident, domain::Priority::p2),
                                       domain::desk_hours()};
    const auto expected = domain::compute_sla_clock(timeline, settings, *created_at);
    REQUIRE(expected.due_at);
    CHECK(ticket["sla_due_at"] == calendar::format_iso8601_utc(*expected.due_at));
    CHECK(json_of(response)["sla"]["first_response"]["target_minutes"] == 15);
}
