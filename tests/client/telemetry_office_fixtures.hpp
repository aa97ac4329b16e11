#pragma once
// The telemetry office tabs' tests against a real server: the desk, the IT office, an
// auditor and two vendors signed in, and printers, toner orders, counter and firmware samples
// and chatbot probes written straight into the server's database, as the poller and the
// probe job would have written them.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>

#include "calendar/tokyo_time.hpp"
#include "lending_desk_fixtures.hpp"
#include "store/database.hpp"

namespace madoguchi::testing {

inline std::string sql_text(const std::string& text) {
    std::string out = "'";
    for (const char c : text) {
        out += c;
        if (c == '\'') out += '\'';
    }
    return out + "'";
}

struct TelemetryOffice {
    ServerProcess server{MADOGUCHI_SERVER_BINARY};

    TelemetryOffice() {
        add_account(server, "desk1", {identity::Role::desk_operator});
        add_account(server, "itoffice1", {identity::Role::it_office});
        add_account(server, "audit1", {identity::Role::auditor});
        add_account(server, "ricoh1", {identity::Role::vendor});
        add_account(server, "other1", {identity::Role::vendor});
        execute("UPDATE users SET vendor_company = 'リコージャパン株式会社' WHERE login = 'ricoh1'");
        execute("UPDATE users SET vendor_company = '他社サービス株式会社' WHERE login = 'other1'");
    }

    void execute(const std::string& sql) {
        auto database = server::store::Database::open(server.data_dir() / "madoguchi.db");
        REQUIRE(database);
        INFO(sql);
        REQUIRE(database.value().execute(sql));
    }
    std::int64_t number(const std::string& sql) {
        auto database = server::store::Database::open(server.data_dir() / "madoguchi.db");
        REQUIRE(database);
        auto value = database.value().query_int(sql);
        REQUIRE(value);
        return value.value().value_or(0);
    }

    std::int64_t model(const std::string& maker, const std::string& name) {
        execute("INSERT INTO device_models (maker, name, class) VALUES (" + sql_text(maker) + ", " + sql_text(name) + ", 'mfp')");
        return number("SELECT id FROM device_models WHERE name = " + sql_text(name));
    }
    // A polled MFP of the model in the division, with its toner delivery address and contact.
    std::int64_t printer(const std::string& tag, std::int64_t model_id, const std::string& division = "D-SOUMU") {
        execute("INSERT OR IGNORE INTO divisions (code, name_ja) VALUES (" + sql_text(division) + ", " + sql_text(division + "課") + ")");
        execute("INSERT INTO devices (asset_tag, class, model_id, division_code, network_address, snmp_profile, state, "
                "toner_delivery_address, toner_contact, updated_at) VALUES (" +
                sql_text(tag) + ", 'mfp', " + std::to_string(model_id) + ", " + sql_text(division) +
                ", '10.20.3.10', 'ricoh-v2c', 'installed', '本館10階 総務課前', '総務課 山田 内線1234', '2026-04-01T00:00:00Z')");
        return number("SELECT id FROM devices WHERE asset_tag = " + sql_text(tag));
    }
    // A toner order as the poller places it, `hours` ago.
    std::int64_t toner_order(std::int64_t device, const std::string& colour, const std::string& state, const std::string& vendor,
                             int hours) {
        const auto at = calendar::format_iso8601_utc(calendar::Instant{calendar::now().unix_seconds - hours * 3600LL});
        const bool closed = state == "collected" || state == "replaced";
        execute("INSERT INTO telemetry_toner_orders (device_id, colour, state, reason, level_at_order, delivery_address, contact, "
                "vendor_company, created_at, updated_at, closed_at) SELECT id, " + sql_text(colour) + ", " + sql_text(state) +
                ", 'level_threshold', 8, toner_delivery_address, toner_contact, " + sql_text(vendor) + ", '" + at + "', '" + at +
                "', " + (closed ? "'" + at + "'" : std::string("NULL")) + " FROM devices WHERE id = " + std::to_string(device));
        return number("SELECT max(id) FROM telemetry_toner_orders");
    }
    // prtMarkerLifeCount in impressions at an instant (a counter sample, kind 3).
    void counter(std::int64_t device, calendar::Instant at, std::int64_t pages) {
        execute("INSERT INTO telemetry_samples (device_id, kind, at, payload) VALUES (" + std::to_string(device) + ", 3, " +
                std::to_string(at.unix_seconds) + ", '[" + std::to_string(pages) + ",7,[]]')");
    }
    // The firmware a device reported at an instant (kind 4).
    void firmware(std::int64_t device, calendar::Instant at, const std::string& version) {
        execute("INSERT INTO telemetry_samples (device_id, kind, at, payload) VALUES (" + std::to_string(device) + ", 4, " +
                std::to_string(at.unix_seconds) + ", " + sql_text(nlohmann::json::array({version, "RICOH IM C3510F"}).dump()) + ")");
    }
    // Chatbot health checks a minute apart from `start`: 'U' up (120 ms), 'D' down (503).
    void probes(calendar::Instant start, const std::string& pattern) {
        std::string sql;
        for (std::size_t i = 0; i < pattern.size(); ++i) {
            const bool up = pattern[i] == 'U';
            sql += "INSERT INTO chatbot_probes (at, up, http_status, response_milliseconds, failure) VALUES ('" +
                   calendar::format_iso8601_utc(calendar::Instant{start.unix_seconds + static_cast<std::int64_t>(i) * 60}) + "', " +
                   (up ? "1, 200, 120, ''" : "0, 503, 40, 'http_status'") + ");";
        }
        execute(sql);
    }
};

}  // namespace madoguchi::testing
