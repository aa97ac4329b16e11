#include "telemetry_billing_support.hpp"

#include <catch2/catch.hpp>

#include "calendar/tokyo_time.hpp"
#include "store/database.hpp"

namespace madoguchi::testing {
namespace {

std::string quoted(const std::string& text) {
    std::string out = "'";
    for (const char c : text) {
        out += c;
        if (c == '\'') out += '\'';
    }
    return out + "'";
}

std::int64_t unix_seconds(const std::string& iso) {
    const auto parsed = calendar::parse_iso8601(iso);
    REQUIRE(parsed.instant);
    return parsed.instant->unix_seconds;
}

}  // namespace

void PrinterFleet::execute(const std::string& sql) {
    auto database = server::store::Database::open(server.database_path());
    REQUIRE(database);
    INFO(sql);
    REQUIRE(database.value().execute(sql));
}

std::int64_t PrinterFleet::count(const std::string& sql) {
    auto database = server::store::Database::open(server.database_path());
    REQUIRE(database);
    auto value = database.value().query_int(sql);
    REQUIRE(value);
    return value.value().value_or(0);
}

std::int64_t PrinterFleet::model(const std::string& maker, const std::string& name) {
    execute("INSERT INTO device_models (maker, name, class) VALUES (" + quoted(maker) + ", " + quoted(name) + ", 'mfp')");
    return count("SELECT id FROM device_models WHERE name = " + quoted(name));
}

std::int64_t PrinterFleet::floor(const std::string& building, const std::string& floor_name) {
    execute("INSERT INTO locations (building, floor) VALUES (" + quoted(building) + ", " + quoted(floor_name) + ")");
    return count("SELECT max(id) FROM locations");
}

std::int64_t PrinterFleet::printer(const std::string& tag, std::int64_t model_id, std::int64_t location_id,
                                   const std::string& division) {
    execute("INSERT OR IGNORE INTO divisions (code, name_ja) VALUES (" + quoted(division) + ", " +
            quoted(division + "課") + ")");
    execute("INSERT INTO devices (asset_tag, class, model_id, location_id, division_code, network_address, snmp_profile, "
            "state, updated_at) VALUES (" + quoted(tag) + ", 'mfp', " + std::to_string(model_id) + ", " +
            (location_id == 0 ? std::string("NULL") : std::to_string(location_id)) + ", " + quoted(division) +
            ", '10.20.3.10', 'ricoh-v2c', 'installed', '2026-04-01T00:00:00Z')");
    return count("SELECT id FROM devices WHERE asset_tag = " + quoted(tag));
}

void PrinterFleet::counter(std::int64_t device, const std::string& at, std::int64_t pages, int unit) {
    execute("INSERT INTO telemetry_samples (device_id, kind, at, payload) VALUES (" + std::to_string(device) + ", 3, " +
            std::to_string(unix_seconds(at)) + ", '[" + std::to_string(pages) + "," + std::to_string(unit) + ",[]]')");
}

void PrinterFleet::firmware(std::int64_t device, const std::string& at, const std::string& version) {
    execute("INSERT INTO telemetry_samples (device_id, kind, at, payload) VALUES (" + std::to_string(device) + ", 4, " +
            std::to_string(unix_seconds(at)) + ", " + quoted(nlohmann::json::array({version, "RICOH IM C3510F"}).dump()) +
            ")");
}

}  // namespace madoguchi::testing
