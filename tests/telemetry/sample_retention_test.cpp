// Retention of the samples in SQLite: raw for 14 days, hourly for a year, daily beyond, with
// samples written at chosen times and the compaction run as of a chosen instant.
#include <catch2/catch.hpp>

#include "telemetry/fleet_sim_support.hpp"
#include "telemetry/sample_retention.hpp"

namespace madoguchi::testing {
namespace {

constexpr std::int64_t hour = 3600;
constexpr std::int64_t day = 86400;

void add_sample(server::store::Database& database, std::int64_t at, std::int64_t count, int resolution = 0) {
    auto insert = database.prepare(
        "INSERT INTO telemetry_samples (device_id, kind, at, payload, resolution) VALUES (1, 3, ?1, ?2, ?3)");
    REQUIRE(insert);
    insert.value().bind(1, at).bind(2, "[" + std::to_string(count) + ",7,[]]").bind(3, std::int64_t{resolution});
    REQUIRE(insert.value().step());
}

std::string rows_at(server::store::Database& database, const std::string& where) {
    auto rows = database.prepare("SELECT at, resolution, payload FROM telemetry_samples WHERE " + where + " ORDER BY at");
    REQUIRE(rows);
    std::string text;
    for (;;) {
        auto row = rows.value().step();
        REQUIRE(row);
        if (!row.value()) break;
        text += std::to_string(rows.value().column_int(0)) + " " + std::to_string(rows.value().column_int(1)) + " " +
                rows.value().column_text(2) + "\n";
    }
    return text;
}

}  // namespace

TEST_CASE("telemetry: samples fold to hourly after 14 days and to Tokyo days after a year, each once") {
    TempDir folder;
    auto database = telemetry_database(folder.path());
    const auto now = calendar::parse_iso8601("2026-11-26T00:00:00Z").instant->unix_seconds;
    // Two hours of quarter-hourly counters 20 days ago: two hourly rows, each its hour's last value.
    const auto old = now - 20 * day;
    for (int k = 0; k < 8; ++k) add_sample(database, old + k * 15 * 60, 1000 + k);
    // Three days ago: kept raw.
    for (int k = 0; k < 4; ++k) add_sample(database, now - 3 * day + k * 15 * 60, 2000 + k);
    // Raw rows 400 days ago, 09:00, 15:00, 21:00 and 03:00 Tokyo time: two Tokyo days.
    const auto ancient = now - 400 * day;
    for (int k = 0; k < 4; ++k) add_sample(database, ancient + k * 6 * hour, 3000 + k);
    // Hourly rows 380 days ago from 09:00 Tokyo time for a day: two Tokyo days.
    const auto year_old = now - 380 * day;
    for (int k = 0; k < 24; ++k) add_sample(database, year_old + k * hour, 4000 + k, 1);

    auto compacted = server::telemetry::compact_samples(database, calendar::Instant{now}, {});
    REQUIRE(compacted);
    CHECK(compacted.value().rows_folded == 36);
    CHECK(compacted.value().rows_written == 6);
    CHECK(rows_at(database, "at < " + std::to_string(now - 14 * day) + " AND at > " + std::to_string(now - 30 * day)) ==
          std::to_string(old) + " 1 [1003,7,[]]\n" + std::to_string(old + hour) + " 1 [1007,7,[]]\n");
    CHECK(query_number(database, "SELECT count(*) FROM telemetry_samples WHERE resolution = 0") == 4);
    // Tokyo midnight is 15:00 UTC the day before.
    const auto tokyo_midnight = [](std::int64_t at) { return (at + 9 * hour) / day * day - 9 * hour; };
    CHECK(rows_at(database, "at < " + std::to_string(now - 390 * day)) ==
          std::to_string(tokyo_midnight(ancient)) + " 2 [3002,7,[]]\n" + std::to_string(tokyo_midnight(ancient) + day) +
              " 2 [3003,7,[]]\n");
    CHECK(rows_at(database, "at BETWEEN " + std::to_string(now - 390 * day) + " AND " + std::to_string(now - 370 * day)) ==
          std::to_string(tokyo_midnight(year_old)) + " 2 [4014,7,[]]\n" + std::to_string(tokyo_midnight(year_old) + day) +
              " 2 [4023,7,[]]\n");
    CHECK(query_number(database, "SELECT count(*) FROM audit_log WHERE action = 'telemetry.samples_compacted'") == 1);

    // A second run finds nothing more to fold and records nothing.
    auto again = server::telemetry::compact_samples(database, calendar::Instant{now}, {});
    REQUIRE(again);
    CHECK(again.value().rows_folded == 0);
    CHECK(query_number(database, "SELECT count(*) FROM telemetry_samples") == 10);
    CHECK(query_number(database, "SELECT count(*) FROM audit_log WHERE action = 'telemetry.samples_compacted'") == 1);

    // An hour later the rows of 14 days and an hour ago are still raw: only whole past hours fold.
    add_sample(database, now - 14 * day + 10 * 60, 5000);
    auto later = server::telemetry::compact_samples(database, calendar::Instant{now + 5 * 60}, {});
    REQUIRE(later);
    CHECK(later.value().rows_folded == 0);
}

}  // namespace madoguchi::testing
