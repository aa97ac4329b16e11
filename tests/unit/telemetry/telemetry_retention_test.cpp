// Retention plans on 2026-11-26T12:00Z: raw kept 14 days (to 2026-11-12T12:00Z), hourly
// kept 365 days (to 2025-11-26T12:00Z).
#include <catch2/catch.hpp>

#include <vector>

#include "calendar/tokyo_time.hpp"
#include "telemetry/retention.hpp"

using namespace madoguchi::telemetry;
using madoguchi::calendar::Instant;
using madoguchi::calendar::format_iso8601_utc;
using madoguchi::calendar::parse_iso8601;

namespace {

Instant at(const char* iso) { return *parse_iso8601(iso).instant; }

const Instant now = at("2026-11-26T12:00:00Z");

}  // namespace

TEST_CASE("bucket starts: the UTC hour, the Tokyo day", "[telemetry][retention]") {
    CHECK(format_iso8601_utc(bucket_start(at("2026-11-12T10:45:12Z"), Resolution::hourly)) == "2026-11-12T10:00:00Z");
    // 2026-11-12T16:30Z is 01:30 on the 13th in Tokyo: the day starts at 15:00Z on the 12th.
    CHECK(format_iso8601_utc(bucket_start(at("2026-11-12T16:30:00Z"), Resolution::daily)) == "2026-11-12T15:00:00Z");
    CHECK(format_iso8601_utc(bucket_start(at("2026-11-12T14:30:00Z"), Resolution::daily)) == "2026-11-11T15:00:00Z");
    CHECK(format_iso8601_utc(bucket_start(at("1969-12-31T23:30:00Z"), Resolution::hourly)) == "1969-12-31T23:00:00Z");
}

TEST_CASE("raw samples fold into their hour once the whole hour is past 14 days", "[telemetry][retention]") {
    const std::vector<Instant> raw{
        at("2026-11-20T08:00:00Z"),  // 6 days old: kept
        at("2026-11-12T10:15:00Z"),  // hour 10:00–11:00 ended before 12:00: folds
        at("2026-11-12T10:45:00Z"),
        at("2026-11-12T11:30:00Z"),  // hour ends 12:00, exactly the limit: folds
        at("2026-11-12T12:10:00Z"),  // hour ends 13:00: kept, with the rest of its hour
        at("2027-01-01T00:00:00Z"),  // in the future: kept
    };
    const auto plan = retention_plan(raw, Resolution::raw, now, RetentionRules{});
    REQUIRE(plan.size() == 2);
    CHECK(plan[0].into == Resolution::hourly);
    CHECK(format_iso8601_utc(plan[0].bucket) == "2026-11-12T10:00:00Z");
    CHECK(plan[0].members == std::vector<std::size_t>{1, 2});
    CHECK(format_iso8601_utc(plan[1].bucket) == "2026-11-12T11:00:00Z");
    CHECK(plan[1].members == std::vector<std::size_t>{3});
}

TEST_CASE("hourly rows fold into their Tokyo day once the whole day is past a year", "[telemetry][retention]") {
    const std::vector<Instant> hourly{
        at("2025-11-25T14:00:00Z"),  // 23:00 on 11-25 in Tokyo: the day ended 15:00Z, before the limit
        at("2025-11-25T02:00:00Z"),  // 11:00 the same Tokyo day
        at("2025-11-26T14:00:00Z"),  // 23:00 on 11-26: that day ends after the limit, kept
        at("2025-11-26T02:00:00Z"),  // 11:00 on 11-26: kept with its day
    };
    const auto plan = retention_plan(hourly, Resolution::hourly, now, RetentionRules{});
    REQUIRE(plan.size() == 1);
    CHECK(plan[0].into == Resolution::daily);
    CHECK(format_iso8601_utc(plan[0].bucket) == "2025-11-24T15:00:00Z");
    CHECK(plan[0].members == std::vector<std::size_t>{0, 1});
    // Daily rows are kept for good.
    CHECK(retention_plan(hourly, Resolution::daily, now, RetentionRules{}).empty());
}

TEST_CASE("raw samples older than a year go straight to their day", "[telemetry][retention]") {
    const std::vector<Instant> raw{at("2024-05-01T03:00:00Z"), at("2024-05-01T04:00:00Z")};
    const auto plan = retention_plan(raw, Resolution::raw, now, RetentionRules{});
    REQUIRE(plan.size() == 1);
    CHECK(plan[0].into == Resolution::daily);
    CHECK(plan[0].members.size() == 2);
    // Absurd settings are bounded rather than overflowing.
    RetentionRules silly;
    silly.raw_days = INT64_MAX;
    silly.hourly_days = INT64_MAX;
    CHECK(retention_plan(raw, Resolution::raw, now, silly).empty());
}
