// Trend figures against cases worked out by hand. The desk's day is 08:30–18:15;
// 2026-11-21/22 is a weekend and 2026-11-23 (Mon) 勤労感謝の日, so Fri 11-20 is followed by
// the business day Tue 11-24.
#include <catch2/catch.hpp>

#include <vector>

#include "sla_test_support.hpp"
#include "tickets/ticket_trends.hpp"

using namespace madoguchi::tickets;
using madoguchi::calendar::Date;
using madoguchi::tickets::testing::at;
using enum TicketState;

namespace {

TrendTicket ticket(TicketKind kind, TicketState state, const char* category, const char* division, const char* created,
                   std::vector<StateChange> changes = {}) {
    TrendTicket t;
    t.kind = kind;
    t.state = state;
    t.category = category;
    t.division_code = division;
    t.created_at = at(created);
    t.changes = std::move(changes);
    t.hours = desk_hours();
    return t;
}

StateChange to(TicketState state, const char* when) { return {at(when), state}; }

// Two weeks, Mon 2026-11-16 to Sun 2026-11-29, and tickets around them.
std::vector<TrendTicket> fortnight() {
    const auto inquiry = TicketKind::inquiry;
    std::vector<TrendTicket> tickets;
    // Fri 17:50 → taken up Tue 08:40: 25 + 10 = 35 minutes; resolved Tue 10:30: 25 + 120 = 145.
    tickets.push_back(ticket(TicketKind::incident, closed, "device", "MIN-SOM", "2026-11-20T17:50:00+09:00",
                             {to(in_progress, "2026-11-24T08:40:00+09:00"), to(resolved, "2026-11-24T10:30:00+09:00"),
                              to(closed, "2026-11-25T09:00:00+09:00")}));
    tickets.back().device_class = "mfp";
    // A public reply at 10:20 before the first move: 20. Resolution 10:00–11:00 runs (60), the
    // wait for the requester until Tue 09:00 pauses, 09:00–09:30 runs (30): 90.
    tickets.push_back(ticket(inquiry, resolved, "software", "MIN-SOM", "2026-11-16T10:00:00+09:00",
                             {to(in_progress, "2026-11-16T10:30:00+09:00"),
                              to(waiting_requester, "2026-11-16T11:00:00+09:00"),
                              to(in_progress, "2026-11-17T09:00:00+09:00"), to(resolved, "2026-11-17T09:30:00+09:00")}));
    tickets.back().first_response_at = at("2026-11-16T10:20:00+09:00");
    // Wed 18:00 → Thu 08:45: 15 before closing, 15 after opening; not resolved yet.
    tickets.push_back(ticket(inquiry, in_progress, "software", "MIN-JIN", "2026-11-18T18:00:00+09:00",
                             {to(in_progress, "2026-11-19T08:45:00+09:00")}));
    // Sent on Saturday: nothing counts until Tue 08:30; taken up 09:45 (75), resolved 10:15 (105).
    // Its category names a device class.
    tickets.push_back(ticket(inquiry, resolved, "mfp", "MIN-SOM", "2026-11-21T12:00:00+09:00",
                             {to(in_progress, "2026-11-24T09:45:00+09:00"), to(resolved, "2026-11-24T10:15:00+09:00")}));
    // Withdrawn after 10 minutes: a first response, never a resolution.
    tickets.push_back(ticket(inquiry, cancelled, "other", "MIN-JIN", "2026-11-16T09:00:00+09:00",
                             {to(cancelled, "2026-11-16T09:10:00+09:00")}));
    tickets.push_back(ticket(TicketKind::incident, received, "software", "MIN-JIN", "2026-11-25T10:00:00+09:00"));
    // Outside the period on either side (Tokyo dates: 11-30 00:10 Tokyo is 11-29 UTC).
    tickets.push_back(ticket(inquiry, received, "software", "MIN-SOM", "2026-11-15T23:59:00+09:00"));
    tickets.push_back(ticket(inquiry, received, "software", "MIN-SOM", "2026-11-30T00:10:00+09:00"));
    return tickets;
}

const TrendCount& count_of(const std::vector<TrendCount>& counts, const std::string& key) {
    for (const auto& count : counts) {
        if (count.key == key) return count;
    }
    FAIL("no count for " << key);
    throw;
}

const TicketTrends& fortnight_trends() {
    static const auto tickets = fortnight();
    static const auto trends = compute_trends(tickets, {{2026, 11, 16}, {2026, 11, 29}}, at("2026-11-27T12:00:00+09:00"));
    return trends;
}

}  // namespace

TEST_CASE("trends count the tickets created within the period by kind, category, class and division", "[tickets][trends]") {
    const auto& trends = fortnight_trends();
    CHECK(trends.total == 6);
    REQUIRE(trends.by_kind.size() == 7);
    CHECK(trends.by_kind[0].key == "inquiry");
    CHECK(trends.by_kind[0].count == 4);
    CHECK(count_of(trends.by_kind, "incident").count == 2);
    CHECK(count_of(trends.by_kind, "security_incident").count == 0);

    REQUIRE(trends.by_category.size() == 4);
    CHECK(trends.by_category[0].key == "software");
    CHECK(trends.by_category[0].count == 3);
    CHECK(count_of(trends.by_category, "other").count == 1);

    // The linked device's class, or the category naming one; the rest have none, listed last.
    REQUIRE(trends.by_device_class.size() == 2);
    CHECK(trends.by_device_class[0].key == "mfp");
    CHECK(trends.by_device_class[0].count == 2);
    CHECK(trends.by_device_class[1].key.empty());
    CHECK(trends.by_device_class[1].count == 4);

    // A tie keeps the codes in order.
    REQUIRE(trends.by_division.size() == 2);
    CHECK(trends.by_division[0].key == "MIN-JIN");
    CHECK(trends.by_division[0].count == 3);
    CHECK(trends.by_division[1].count == 3);
}

TEST_CASE("trends list every week of the period, empty ones too", "[tickets][trends]") {
    const auto& weeks = fortnight_trends().by_week;
    REQUIRE(weeks.size() == 2);
    CHECK(weeks[0].key == "2026-W47");
    CHECK(weeks[0].count == 5);  // Saturday's ticket belongs to the week it was sent in
    CHECK(weeks[1].key == "2026-W48");
    CHECK(weeks[1].count == 1);
}

TEST_CASE("only categories seen twice or more recur", "[tickets][trends]") {
    const auto& recurring = fortnight_trends().recurring;
    REQUIRE(recurring.size() == 1);
    CHECK(recurring[0].category == "software");
    CHECK(recurring[0].device_class.empty());
    CHECK(recurring[0].count == 3);
}

TEST_CASE("response and resolution times are business minutes across the weekend and the holiday", "[tickets][trends]") {
    const auto& trends = fortnight_trends();
    const auto& inquiry_response = trends.first_response[0];
    CHECK(inquiry_response.kind == TicketKind::inquiry);
    // 10, 20, 30, 75: the median is the 2nd, p90 the 4th.
    CHECK(inquiry_response.samples == 4);
    CHECK(inquiry_response.median_minutes == 20);
    CHECK(inquiry_response.p90_minutes == 75);
    // 90 and 105; the withdrawn inquiry is no resolution.
    const auto& inquiry_resolution = trends.resolution[0];
    CHECK(inquiry_resolution.samples == 2);
    CHECK(inquiry_resolution.median_minutes == 90);
    CHECK(inquiry_resolution.p90_minutes == 105);
    // The incident still waiting for its first response is no sample.
    const auto& incident_response = trends.first_response[1];
    CHECK(incident_response.kind == TicketKind::incident);
    CHECK(incident_response.samples == 1);
    CHECK(incident_response.median_minutes == 35);
    CHECK(trends.resolution[1].median_minutes == 145);
    CHECK(trends.resolution[1].p90_minutes == 145);
    CHECK(trends.first_response[2].samples == 0);
    CHECK_FALSE(trends.first_response[2].median_minutes);
}

TEST_CASE("security incidents are counted received, closed and open per month", "[tickets][trends]") {
    const auto security = TicketKind::security_incident;
    const std::vector<TrendTicket> tickets{
        // Reported before the period, closed in October.
        ticket(security, closed, "service", "MIN-SOM", "2026-09-10T10:00:00+09:00",
               {to(escalated, "2026-09-10T11:00:00+09:00"), to(closed, "2026-10-05T15:00:00+09:00")}),
        // Reported in October and still open.
        ticket(security, planning, "device", "MIN-SOM", "2026-10-10T10:00:00+09:00",
               {to(escalated, "2026-10-10T10:30:00+09:00"), to(planning, "2026-10-12T09:00:00+09:00")}),
        // Reported and closed in November.
        ticket(security, closed, "service", "MIN-JIN", "2026-11-02T10:00:00+09:00",
               {to(escalated, "2026-11-02T10:30:00+09:00"), to(closed, "2026-11-20T17:00:00+09:00")}),
        // Open since August.
        ticket(security, in_progress, "device", "MIN-JIN", "2026-08-01T10:00:00+09:00",
               {to(escalated, "2026-08-01T11:00:00+09:00"), to(in_progress, "2026-08-03T09:00:00+09:00")}),
        // Results reported is no end: the IT office may continue the response.
        ticket(security, results_reported, "device", "MIN-JIN", "2026-10-31T23:30:00+09:00",
               {to(escalated, "2026-11-01T09:00:00+09:00"), to(results_reported, "2026-11-05T09:00:00+09:00")}),
    };
    const auto trends = compute_trends(tickets, {{2026, 10, 1}, {2026, 12, 15}}, at("2026-11-25T12:00:00+09:00"));
    CHECK(trends.total == 3);
    CHECK(count_of(trends.by_kind, "security_incident").count == 3);
    REQUIRE(trends.security_incidents.size() == 3);
    const auto& october = trends.security_incidents[0];
    CHECK(october.month == "2026-10");
    CHECK(october.received == 2);
    CHECK(october.closed == 1);
    CHECK(october.open == 3);
    const auto& november = trends.security_incidents[1];
    CHECK(november.month == "2026-11");
    CHECK(november.received == 1);
    CHECK(november.closed == 1);
    CHECK(november.open == 3);  // as of now, 11-25
    // December has not begun.
    const auto& december = trends.security_incidents[2];
    CHECK(december.month == "2026-12");
    CHECK(december.received == 0);
    CHECK(december.closed == 0);
    CHECK(december.open == 0);
}

TEST_CASE("ISO weeks belong to the year of their Thursday", "[tickets][trends]") {
    CHECK(iso_week_of({2026, 11, 16}) == "2026-W47");
    CHECK(iso_week_of({2026, 12, 31}) == "2026-W53");
    CHECK(iso_week_of({2027, 1, 1}) == "2026-W53");
    CHECK(iso_week_of({2027, 1, 4}) == "2027-W01");
    CHECK(iso_week_of({2024, 12, 30}) == "2025-W01");
}

TEST_CASE("a trend period runs forwards over at most two years", "[tickets][trends]") {
    CHECK(check_trend_period({{2026, 11, 1}, {2026, 11, 1}}) == TrendRangeProblem::none);
    CHECK(check_trend_period({{2026, 11, 2}, {2026, 11, 1}}) == TrendRangeProblem::reversed);
    CHECK(check_trend_period({{2025, 1, 1}, {2026, 12, 31}}) == TrendRangeProblem::none);
    CHECK(check_trend_period({{2024, 1, 1}, {2025, 12, 31}}) == TrendRangeProblem::none);
    CHECK(check_trend_period({{2025, 1, 1}, {2027, 1, 2}}) == TrendRangeProblem::too_long);
    // Tokyo midnight is 15:00 UTC the day before.
    CHECK(madoguchi::calendar::format_iso8601_utc(period_start({{2026, 11, 1}, {2026, 11, 30}})) == "2026-10-31T15:00:00Z");
    CHECK(madoguchi::calendar::format_iso8601_utc(period_end({{2026, 11, 1}, {2026, 11, 30}})) == "2026-11-30T15:00:00Z");
}

TEST_CASE("nearest-rank percentiles", "[tickets][trends]") {
    CHECK_FALSE(nearest_rank({}, 50));
    CHECK(nearest_rank({7}, 90) == 7);
    CHECK(nearest_rank({5, 1, 3}, 50) == 3);
    CHECK(nearest_rank({10, 20, 30, 40, 50, 60, 70, 80, 90, 100}, 90) == 90);
    CHECK(nearest_rank({10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110}, 90) == 100);
}
