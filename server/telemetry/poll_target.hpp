#pragma once
// Whom the poller asks and how: one device's agent address and SNMP credentials.
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "telemetry/poll_schedule.hpp"
#include "telemetry/supply_layout.hpp"

namespace madoguchi::server::telemetry {

struct SnmpCredentials {
    enum class Version { v2c, v3 };
    Version version = Version::v2c;
    std::string community;      // v2c
    std::string user;           // v3, authPriv with SHA and AES-128
    std::string auth_passphrase;
    std::string priv_passphrase;
    std::string context;        // v3 context name (snmpsim picks the device's data by it)
};

// The rows of each walked table in the device's last reading (telemetry_device_state.reading);
// empty: not known (never read, or not a table this device was asked for yet).
struct TableRows {
    std::optional<std::size_t> supplies;
    std::optional<std::size_t> alerts;
    std::optional<std::size_t> ricoh_counters;
    std::optional<std::size_t> ricoh_toners;
};

struct PollTarget {
    std::int64_t device_id = 0;
    std::string asset_tag;
    std::string agent;  // "10.20.3.15" or "127.0.0.1:16161" (net-snmp peer name, UDP)
    SnmpCredentials credentials;
    TableRows last_rows;
    // The supplies layout of the last reading (nullopt: supplies never read).
    std::optional<SupplyLayout> supply_layout;
    KindTimes last_read;            // telemetry_device_state's *_read_at
    KindsDue kinds = every_kind();  // what this poll asks of the device
};

// No kind of the device was ever read: a device new to the fleet, or one silent since it came.
inline bool never_read(const PollTarget& target) {
    return std::none_of(target.last_read.begin(), target.last_read.end(), [](const auto& at) { return at.has_value(); });
}

struct PollSettings {
    // Requests in flight at most (one per device at a time). Above the offline devices a
    // cycle meets (about 10 % of the 723), so their timeouts all run at once.
    int window = 128;
    std::chrono::milliseconds timeout{1000};
    int retries = 1;
    // GETBULK max-repetitions at most; a device whose tables are known asks fewer
    // (walk_repetitions, device_walk.hpp).
    int repetitions = 16;
};

}  // namespace madoguchi::server::telemetry
