#include "telemetry/counter_samples.hpp"

#include <charconv>
#include <nlohmann/json.hpp>
#include <string_view>

namespace madoguchi::server::telemetry {

namespace domain = madoguchi::telemetry;

namespace {

// A JSON integer at `at` (no leading zeros, a minus only where allowed) that fits 64 bits;
// empty, `at` unmoved, for anything else.
std::optional<std::int64_t> json_integer(std::string_view text, std::size_t& at, bool negative_allowed) {
    std::size_t digits = at;
    if (negative_allowed && digits < text.size() && text[digits] == '-') ++digits;
    if (digits >= text.size() || text[digits] < '0' || text[digits] > '9') return std::nullopt;
    if (text[digits] == '0' && digits + 1 < text.size() && text[digits + 1] >= '0' && text[digits + 1] <= '9') return std::nullopt;
    std::int64_t value = 0;
    const auto [end, problem] = std::from_chars(text.data() + at, text.data() + text.size(), value);
    if (problem != std::errc{}) return std::nullopt;
    at = static_cast<std::size_t>(end - text.data());
    return value;
}

// "[[1,2],[3,4]]" or "[]": the Ricoh counters the poller stores third; true when `at` starts
// exactly that (moving past it).
bool integer_pairs(std::string_view text, std::size_t& at) {
    if (at >= text.size() || text[at] != '[') return false;
    ++at;
    if (at < text.size() && text[at] == ']') return ++at, true;
    for (;;) {
        if (at >= text.size() || text[at] != '[') return false;
        ++at;
        if (at < text.size() && text[at] != ']') {
            for (;;) {
                if (!json_integer(text, at, true)) return false;
                if (at < text.size() && text[at] == ',') {
                    ++at;
                    continue;
                }
                break;
            }
        }
        if (at >= text.size() || text[at] != ']') return false;
        ++at;
        if (at < text.size() && text[at] == ',') {
            ++at;
            continue;
        }
        if (at >= text.size() || text[at] != ']') return false;
        return ++at, true;
    }
}

// The poller's own shape "[1234,7,[[1,100],…]]" read without building a JSON document: a year
// of hourly counters is millions of payloads. Only text that is exactly that shape (valid
// JSON, no spaces) is read here; anything else is left to the JSON parser, so both read every
// payload alike.
std::optional<std::optional<std::int64_t>> page_count_fast(std::string_view payload) {
    if (payload.empty() || payload.front() != '[') return std::nullopt;
    std::size_t at = 1;
    const auto count = json_integer(payload, at, true);
    if (!count) return std::nullopt;
    std::optional<std::int64_t> unit;
    if (at < payload.size() && payload[at] == ',') {
        ++at;
        unit = json_integer(payload, at, true);
        if (!unit) return std::nullopt;
        if (at < payload.size() && payload[at] == ',') {
            ++at;
            if (!integer_pairs(payload, at)) return std::nullopt;
        }
    }
    if (at + 1 != payload.size() || payload[at] != ']') return std::nullopt;
    if (unit && !domain::counts_pages(*unit)) return std::optional<std::int64_t>{};
    return std::optional<std::int64_t>{*count};
}

}  // namespace

std::optional<std::int64_t> page_count(const std::string& payload) {
    if (const auto fast = page_count_fast(payload)) return *fast;
    const auto values = nlohmann::json::parse(payload, nullptr, false);
    if (!values.is_array() || values.empty() || !values[0].is_number_integer()) return std::nullopt;
    if (values.size() > 1 && values[1].is_number_integer() && !domain::counts_pages(values[1].get<std::int64_t>())) {
        return std::nullopt;
    }
    return values[0].get<std::int64_t>();
}

store::Status for_each_device_counters(store::Database& database, calendar::Instant from, calendar::Instant to,
                                       const DeviceCounters& device) {
    auto query = database.prepare(
        "SELECT device_id, at, payload FROM telemetry_samples WHERE kind = 3 AND at >= ?1 AND at < ?2 "
        "ORDER BY device_id, at");
    if (!query) return store::Error{query.error()};
    query.value().bind(1, from.unix_seconds).bind(2, to.unix_seconds);
    std::vector<domain::CounterSample> samples;
    std::int64_t current = 0;
    for (;;) {
        auto row = query.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        auto& q = query.value();
        if (q.column_int(0) != current && !samples.empty()) {
            if (auto done = device(current, samples); !done) return done;
            samples.clear();
        }
        current = q.column_int(0);
        samples.push_back({calendar::Instant{q.column_int(1)}, page_count(q.column_text(2))});
    }
    if (!samples.empty()) return device(current, samples);
    return store::success();
}

store::Result<std::vector<domain::CounterSample>> device_counters(store::Database& database, std::int64_t device_id,
                                                                  calendar::Instant from, calendar::Instant to) {
    auto query = database.prepare(
        "SELECT at, payload FROM telemetry_samples WHERE device_id = ?1 AND kind = 3 AND at >= ?2 AND at < ?3 ORDER BY at");
    if (!query) return store::Error{query.error()};
    query.value().bind(1, device_id).bind(2, from.unix_seconds).bind(3, to.unix_seconds);
    std::vector<domain::CounterSample> samples;
    for (;;) {
        auto row = query.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        samples.push_back({calendar::Instant{query.value().column_int(0)}, page_count(query.value().column_text(1))});
    }
    return samples;
}

store::Result<std::optional<domain::CounterSample>> last_readable_counter(store::Database& database, std::int64_t device_id,
                                                                        calendar::Instant not_before,
                                                                        calendar::Instant before) {
    auto query = database.prepare(
        "SELECT at, payload FROM telemetry_samples WHERE device_id = ?1 AND kind = 3 AND at >= ?2 AND at < ?3 "
        "ORDER BY at DESC");
    if (!query) return store::Error{query.error()};
    query.value().bind(1, device_id).bind(2, not_before.unix_seconds).bind(3, before.unix_seconds);
    for (;;) {
        auto row = query.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) return std::optional<domain::CounterSample>{};
        const auto value = page_count(query.value().column_text(1));
        if (value && *value >= 0) return std::optional<domain::CounterSample>{{calendar::Instant{query.value().column_int(0)}, value}};
    }
}

store::Result<std::vector<std::int64_t>> devices_with_counters(store::Database& database) {
    // Hops from one device id to the next through the primary key instead of reading every
    // sample: a year of hourly counters is millions of rows for a few hundred devices.
    auto query = database.prepare(
        "WITH RECURSIVE ids(id) AS (SELECT min(device_id) FROM telemetry_samples "
        "UNION ALL SELECT (SELECT min(device_id) FROM telemetry_samples WHERE device_id > ids.id) FROM ids "
        "WHERE ids.id IS NOT NULL) "
        "SELECT id FROM ids WHERE id IS NOT NULL "
        "AND EXISTS (SELECT 1 FROM telemetry_samples s WHERE s.device_id = ids.id AND s.kind = 3) ORDER BY id");
    if (!query) return store::Error{query.error()};
    std::vector<std::int64_t> devices;
    for (;;) {
        auto row = query.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        devices.push_back(query.value().column_int(0));
    }
    return devices;
}

}  // namespace madoguchi::server::telemetry
