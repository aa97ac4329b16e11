// SLA clocks against cases worked out by hand. The desk's day is 08:30–18:15 (585 minutes);
// 2026-11-21/22 is a weekend, 2026-11-23 (Mon) 勤労感謝の日, 2026-12-29..2027-01-03 the
// year-end closure (2027-01-04 is a Monday).
#include <catch2/catch.hpp>

#include <vector>

#include "inventory/device_class.hpp"
#include "tickets/sla_clock.hpp"
#include "tickets/workflow.hpp"
#include "sla_test_support.hpp"

using namespace madoguchi::tickets;
using madoguchi::tickets::testing::at;
using madoguchi::tickets::testing::iso;
using enum TicketState;

namespace {

SlaSettings desk(TicketKind kind, Priority priority) { return {sla_targets(kind, priority), desk_hours()}; }

SlaClock clock_of(TicketKind kind, Priority priority, const char* created, const std::vector<StateChange>& changes,
                  const char* now) {
    return compute_sla_clock({kind, at(created), changes, std::nullopt}, desk(kind, priority), at(now));
}

}  // namespace

TEST_CASE("a Friday evening incident is due after the weekend and the holiday", "[tickets][sla]") {
    // Incident P2: first response 30, resolution 585. Created Fri 17:50: 25 minutes left that
    // day. Response: 5 more minutes from the next business day, Tue 11-24 08:30 → 08:35.
    // Resolution: 585 − 25 = 560 on Tue, 08:30 + 9 h 20 min → 17:50.
    const auto clock = clock_of(TicketKind::incident, Priority::p2, "2026-11-20T17:50:00+09:00", {},
                                "2026-11-24T09:00:00+09:00");
    CHECK(iso(clock.first_response.due_at) == "2026-11-24T08:35:00+09:00");
    CHECK(iso(clock.resolution.due_at) == "2026-11-24T17:50:00+09:00");
    // By Tue 09:00: 25 minutes on Friday and 30 on Tuesday; Sat, Sun and Mon count nothing.
    CHECK(clock.first_response.elapsed_minutes == 55);
    CHECK(clock.first_response.remaining_minutes == -25);
    CHECK(clock.first_response.breached);
    CHECK_FALSE(clock.first_response.near_breach);
    CHECK(clock.resolution.elapsed_minutes == 55);
    CHECK(clock.resolution.remaining_minutes == 530);
    CHECK_FALSE(clock.resolution.breached);
    CHECK_FALSE(clock.resolution.near_breach);
    CHECK_FALSE(clock.paused);
    CHECK(iso(clock.due_at) == "2026-11-24T08:35:00+09:00");
}

TEST_CASE("a ticket read the very minute it is opened already has its due times", "[tickets][sla]") {
    // The server stores sla_due_at as it creates the ticket: nothing has elapsed yet.
    const auto clock = clock_of(TicketKind::incident, Priority::p2, "2026-11-20T17:50:00+09:00", {},
                                "2026-11-20T17:50:00+09:00");
    CHECK(iso(clock.first_response.due_at) == "2026-11-24T08:35:00+09:00");
    CHECK(iso(clock.resolution.due_at) == "2026-11-24T17:50:00+09:00");
    CHECK(clock.first_response.elapsed_minutes == 0);
    CHECK_FALSE(clock.first_response.breached);
    CHECK(iso(clock.due_at) == "2026-11-24T08:35:00+09:00");
}

TEST_CASE("a response just before its due time is met, and stops that clock", "[tickets][sla]") {
    // Same incident, taken up on Tue 08:34: 25 + 4 = 29 minutes of 30.
    const auto clock = clock_of(TicketKind::incident, Priority::p2, "2026-11-20T17:50:00+09:00",
                                {{at("2026-11-24T08:34:00+09:00"), in_progress}}, "2026-11-24T12:00:00+09:00");
    CHECK(iso(clock.first_response.completed_at) == "2026-11-24T08:34:00+09:00");
    CHECK(iso(clock.first_response.due_at) == "2026-11-24T08:35:00+09:00");
    CHECK(clock.first_response.elapsed_minutes == 29);
    CHECK_FALSE(clock.first_response.breached);
    CHECK_FALSE(clock.first_response.near_breach);
    // sla_due_at moves on to the resolution.
    CHECK(iso(clock.due_at) == "2026-11-24T17:50:00+09:00");
}

TEST_CASE("a public reply before any move is the first response", "[tickets][sla]") {
    const std::vector<StateChange> none;
    const TicketTimeline timeline{TicketKind::inquiry, at("2026-11-24T10:00:00+09:00"), none,
                                  at("2026-11-24T10:10:30+09:00")};
    const auto clock =
        compute_sla_clock(timeline, desk(TicketKind::inquiry, Priority::p1), at("2026-11-24T11:00:00+09:00"));
    // Seconds are dropped: 10:10.
    CHECK(iso(clock.first_response.completed_at) == "2026-11-24T10:10:00+09:00");
    CHECK(clock.first_response.elapsed_minutes == 10);
}

TEST_CASE("the year-end closure counts nothing", "[tickets][sla]") {
    // Inquiry P3: response 120, resolution 2925 (5 days). Created Mon 12-28 17:00: 75 minutes
    // that day. Response: 45 more from Mon 2027-01-04 08:30 → 09:15. Resolution: 2850 more =
    // 4 full days (01-04..01-07, 2340) + 510 on Fri 01-08: 08:30 + 8 h 30 min → 17:00.
    const auto clock = clock_of(TicketKind::inquiry, Priority::p3, "2026-12-28T17:00:00+09:00", {},
                                "2026-12-31T12:00:00+09:00");
    CHECK(iso(clock.first_response.due_at) == "2027-01-04T09:15:00+09:00");
    CHECK(iso(clock.resolution.due_at) == "2027-01-08T17:00:00+09:00");
    CHECK(clock.first_response.elapsed_minutes == 75);
    // 75 of 120 is 62 %: neither near nor breached over the closure.
    CHECK_FALSE(clock.first_response.near_breach);
    CHECK_FALSE(clock.first_response.breached);
}

TEST_CASE("waiting for the requester overnight pauses the clock", "[tickets][sla]") {
    // Inquiry P2: response 60, resolution 1170. Created Wed 11-25 10:00, taken up 10:20,
    // question to the requester 16:00 (360 minutes run), answer Thu 10:00... 11:00.
    // Left after the pause: 1170 − 360 = 810. Thu 11:00–18:15 is 435, 375 more on Fri:
    // 08:30 + 6 h 15 min → 14:45.
    const std::vector<StateChange> changes{{at("2026-11-25T10:20:00+09:00"), in_progress},
                                           {at("2026-11-25T16:00:00+09:00"), waiting_requester},
                                           {at("2026-11-26T11:00:00+09:00"), in_progress}};
    const TicketTimeline timeline{TicketKind::inquiry, at("2026-11-25T10:00:00+09:00"), changes, std::nullopt};
    const auto settings = desk(TicketKind::inquiry, Priority::p2);

    SECTION("while paused the resolution has no due time") {
        const auto clock = compute_sla_clock(timeline, settings, at("2026-11-26T10:00:00+09:00"));
        CHECK(clock.paused);
        CHECK(clock.resolution.elapsed_minutes == 360);
        CHECK(clock.resolution.remaining_minutes == 810);
        CHECK(iso(clock.resolution.due_at) == "none");
        CHECK(iso(clock.due_at) == "none");
        CHECK_FALSE(clock.resolution.near_breach);
    }
    SECTION("after the answer it runs again from where it stopped") {
        const auto clock = compute_sla_clock(timeline, settings, at("2026-11-26T12:00:00+09:00"));
        CHECK_FALSE(clock.paused);
        CHECK(clock.resolution.elapsed_minutes == 420);
        CHECK(iso(clock.resolution.due_at) == "2026-11-27T14:45:00+09:00");
        CHECK(iso(clock.due_at) == "2026-11-27T14:45:00+09:00");
        CHECK(iso(clock.first_response.completed_at) == "2026-11-25T10:20:00+09:00");
    }
}

TEST_CASE("near breach from 80 %, breach only after the due minute", "[tickets][sla]") {
    // Incident P1: resolution 240. Created Tue 11-24 09:00 and taken up 09:05: due 13:00.
    const std::vector<StateChange> changes{{at("2026-11-24T09:05:00+09:00"), in_progress}};
    const TicketTimeline timeline{TicketKind::incident, at("2026-11-24T09:00:00+09:00"), changes, std::nullopt};
    const auto settings = desk(TicketKind::incident, Priority::p1);

    const auto before = compute_sla_clock(timeline, settings, at("2026-11-24T12:11:00+09:00"));
    CHECK(before.resolution.elapsed_minutes == 191);  // 79.6 %
    CHECK_FALSE(before.resolution.near_breach);

    const auto near = compute_sla_clock(timeline, settings, at("2026-11-24T12:12:00+09:00"));
    CHECK(near.resolution.elapsed_minutes == 192);  // 80 %
    CHECK(near.resolution.near_breach);
    CHECK(iso(near.resolution.due_at) == "2026-11-24T13:00:00+09:00");

    const auto at_due = compute_sla_clock(timeline, settings, at("2026-11-24T13:00:59+09:00"));
    CHECK(at_due.resolution.remaining_minutes == 0);
    CHECK_FALSE(at_due.resolution.breached);
    CHECK(at_due.resolution.near_breach);

    const auto after = compute_sla_clock(timeline, settings, at("2026-11-24T13:01:00+09:00"));
    CHECK(after.resolution.breached);
    CHECK_FALSE(after.resolution.near_breach);
    CHECK(after.resolution.remaining_minutes == -1);
}

TEST_CASE("resolving stops the clock, reopening starts it again", "[tickets][sla]") {
    // Incident P1 from Tue 09:00, resolved 12:30 (210 minutes), closed-out... reopened 14:00.
    std::vector<StateChange> changes{{at("2026-11-24T09:05:00+09:00"), in_progress},
                                     {at("2026-11-24T12:30:00+09:00"), resolved}};
    const TicketTimeline timeline{TicketKind::incident, at("2026-11-24T09:00:00+09:00"), changes, std::nullopt};
    const auto settings = desk(TicketKind::incident, Priority::p1);

    const auto resolved_clock = compute_sla_clock(timeline, settings, at("2026-11-24T16:00:00+09:00"));
    CHECK(iso(resolved_clock.resolution.completed_at) == "2026-11-24T12:30:00+09:00");
    CHECK(resolved_clock.resolution.elapsed_minutes == 210);
    CHECK_FALSE(resolved_clock.resolution.breached);
    CHECK_FALSE(resolved_clock.resolution.near_breach);  // 87 %, but met
    CHECK(iso(resolved_clock.due_at) == "none");

    changes.push_back({at("2026-11-24T14:00:00+09:00"), closed});
    const TicketTimeline closed_timeline{TicketKind::incident, at("2026-11-24T09:00:00+09:00"), changes, std::nullopt};
    CHECK(iso(compute_sla_clock(closed_timeline, settings, at("2026-11-24T16:00:00+09:00")).resolution.completed_at) ==
          "2026-11-24T12:30:00+09:00");

    changes.back() = {at("2026-11-24T14:00:00+09:00"), in_progress};
    const TicketTimeline reopened{TicketKind::incident, at("2026-11-24T09:00:00+09:00"), changes, std::nullopt};
    // 30 minutes were left: due 14:30; by 14:20, 210 + 20 = 230 run.
    const auto clock = compute_sla_clock(reopened, settings, at("2026-11-24T14:20:00+09:00"));
    CHECK(iso(clock.resolution.completed_at) == "none");
    CHECK(clock.resolution.elapsed_minutes == 230);
    CHECK(iso(clock.resolution.due_at) == "2026-11-24T14:30:00+09:00");
    CHECK(clock.resolution.near_breach);
}

TEST_CASE("a clock that ran past its due time stays breached while paused", "[tickets][sla]") {
    // Inquiry P1: resolution 585 from Tue 08:30 is due at 18:15 the same day. The question to
    // the requester at 18:20 came after the due time had passed.
    const std::vector<StateChange> changes{{at("2026-11-24T08:40:00+09:00"), in_progress},
                                           {at("2026-11-24T18:20:00+09:00"), waiting_requester}};
    const auto clock = clock_of(TicketKind::inquiry, Priority::p1, "2026-11-24T08:30:00+09:00", changes,
                                "2026-11-25T09:00:00+09:00");
    CHECK(clock.paused);
    CHECK(iso(clock.resolution.due_at) == "2026-11-24T18:15:00+09:00");
    CHECK(clock.resolution.elapsed_minutes == 585);
    CHECK(clock.resolution.breached);
}

TEST_CASE("vendor hours make a later due time than the desk's", "[tickets][sla]") {
    // Incident P2 about an MFP, created Fri 11-20 17:20; targets 30 / 585.
    // Desk hours: response 17:50 the same day; resolution 55 on Fri + 530 on Tue → 17:20.
    // Vendor: reception 9:00–17:30 leaves 10 on Fri, 20 more from Tue 09:00 → 09:20;
    // service 9:00–17:00 is closed by 17:20: Tue 480, then 105 on Wed → 10:45.
    const std::vector<StateChange> none;
    const TicketTimeline timeline{TicketKind::incident, at("2026-11-20T17:20:00+09:00"), none, std::nullopt};
    const auto targets = sla_targets(TicketKind::incident, Priority::p2);
    const auto now = at("2026-11-20T17:25:00+09:00");

    const auto desk_clock = compute_sla_clock(timeline, {targets, desk_hours()}, now);
    CHECK(iso(desk_clock.first_response.due_at) == "2026-11-20T17:50:00+09:00");
    CHECK(iso(desk_clock.resolution.due_at) == "2026-11-24T17:20:00+09:00");

    const auto vendor_hours = sla_hours(madoguchi::inventory::find_device_class("mfp"), true);
    const auto vendor_clock = compute_sla_clock(timeline, {targets, vendor_hours}, now);
    CHECK(iso(vendor_clock.first_response.due_at) == "2026-11-24T09:20:00+09:00");
    CHECK(iso(vendor_clock.resolution.due_at) == "2026-11-25T10:45:00+09:00");
    CHECK(vendor_clock.resolution.elapsed_minutes == 0);
    CHECK(vendor_clock.first_response.elapsed_minutes == 5);
}

TEST_CASE("a kind without targets still counts its time", "[tickets][sla]") {
    const auto clock = clock_of(TicketKind::change, Priority::p2, "2026-11-24T09:00:00+09:00",
                                {{at("2026-11-24T10:00:00+09:00"), submitted}}, "2026-11-24T11:00:00+09:00");
    CHECK(clock.resolution.elapsed_minutes == 120);
    CHECK_FALSE(clock.resolution.target_minutes.has_value());
    CHECK_FALSE(clock.resolution.remaining_minutes.has_value());
    CHECK(iso(clock.resolution.due_at) == "none");
    CHECK_FALSE(clock.resolution.breached);
    CHECK(iso(clock.due_at) == "none");
}

TEST_CASE("the clock as the server stores it and the client reads it", "[tickets][sla]") {
    const auto clock = clock_of(TicketKind::incident, Priority::p2, "2026-11-20T17:50:00+09:00", {},
                                "2026-11-24T09:00:00+09:00");
    const auto json = to_json(clock);
    CHECK(json["due_at"] == "2026-11-23T23:35:00Z");
    CHECK(json["paused"] == false);
    CHECK(json["first_response"]["breached"] == true);
    CHECK(json["first_response"]["completed_at"].is_null());
    CHECK(json["resolution"]["due_at"] == "2026-11-24T08:50:00Z");
    CHECK(json["resolution"]["target_minutes"] == 585);
    CHECK(json["resolution"]["remaining_minutes"] == 530);
}
