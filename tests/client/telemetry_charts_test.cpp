// A device's counter and toner charts keep true time: every hour (or day) from the first value
// to the last value or poll has its category, a silent stretch included, and a category where
// nothing was read holds NaN (a gap), not the value before it.
#include <catch2/catch.hpp>

#include <cmath>

#include "telemetry/device_telemetry.hpp"

using namespace madoguchi;
using i18n::Language;

namespace {

calendar::Instant at(const char* iso) {
    const auto parsed = calendar::parse_iso8601(iso).instant;
    REQUIRE(parsed);
    return *parsed;
}

// The values with NaN written as -1, so a whole series compares at once.
std::vector<double> shown(const std::vector<double>& values) {
    std::vector<double> out;
    for (const auto value : values) out.push_back(std::isnan(value) ? -1.0 : value);
    return out;
}

}  // namespace

TEST_CASE("a device silent for hours keeps those hours on its charts, as gaps", "[telemetry][client][charts]") {
    client::DeviceTelemetryRecord record;
    // 10:05, 11:10 and 15:00 Tokyo time; the last poll (no answer) at 17:30.
    record.counters = {{at("2026-11-25T01:05:00Z"), 1000.0}, {at("2026-11-25T02:10:00Z"), 1040.0}, {at("2026-11-25T06:00:00Z"), 1200.0}};
    record.polled_at = at("2026-11-25T08:30:00Z");
    record.toner_history = {{"black", {{at("2026-11-25T01:05:00Z"), 50.0}, {at("2026-11-25T02:10:00Z"), std::nullopt},
                                       {at("2026-11-25T06:00:00Z"), 48.0}}},
                            {"cyan", {{at("2026-11-25T01:05:00Z"), std::nullopt}}}};

    const auto counters = client::counter_chart(record, Language::ja);
    CHECK(counters.categories == std::vector<std::string>{"11/25 10時", "11/25 11時", "11/25 12時", "11/25 13時",
                                                          "11/25 14時", "11/25 15時", "11/25 16時", "11/25 17時"});
    REQUIRE(counters.series.size() == 1);
    CHECK(shown(counters.series[0].values) == std::vector<double>{1000, 1040, -1, -1, -1, 1200, -1, -1});
    CHECK(counters.well_formed());

    const auto toners = client::toner_chart(record, Language::en);
    CHECK(toners.categories.front() == "11/25 10:00");
    CHECK(toners.categories.size() == 8);
    // Cyan was never measured: no line. Black is not carried into the hours it was not read.
    REQUIRE(toners.series.size() == 1);
    CHECK(toners.series[0].name == "Black");
    CHECK(shown(toners.series[0].values) == std::vector<double>{50, -1, -1, -1, -1, 48, -1, -1});
}

TEST_CASE("beyond three days the charts have a category for every Tokyo day, silent days too", "[telemetry][client][charts]") {
    client::DeviceTelemetryRecord record;
    // Two readings on 11/20 (the later one counts), 11/21 just before midnight in Tokyo, then
    // nothing until 11/26 (00:30 in Tokyo is still 11/25 in UTC) and 11/29.
    record.counters = {{at("2026-11-20T01:00:00Z"), 100.0}, {at("2026-11-20T05:00:00Z"), 150.0},
                       {at("2026-11-21T14:59:00Z"), 300.0}, {at("2026-11-25T15:30:00Z"), 900.0},
                       {at("2026-11-29T03:00:00Z"), 1300.0}};
    const auto chart = client::counter_chart(record, Language::ja);
    CHECK(chart.categories == std::vector<std::string>{"11/20", "11/21", "11/22", "11/23", "11/24", "11/25", "11/26", "11/27",
                                                       "11/28", "11/29"});
    REQUIRE(chart.series.size() == 1);
    CHECK(shown(chart.series[0].values) == std::vector<double>{150, 300, -1, -1, -1, -1, 900, -1, -1, 1300});
}

TEST_CASE("a device never read has no chart", "[telemetry][client][charts]") {
    client::DeviceTelemetryRecord record;
    record.polled_at = at("2026-11-25T08:30:00Z");
    CHECK(client::counter_chart(record, Language::ja).categories.empty());
    CHECK(client::toner_chart(record, Language::ja).series.empty());
}
