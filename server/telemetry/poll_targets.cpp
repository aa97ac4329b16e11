#include "telemetry/poll_targets.hpp"

#include <algorithm>
#include <chrono>

namespace madoguchi::server::telemetry {
namespace {

std::vector<std::string> split_agents(const std::string& list) {
    std::vector<std::string> agents;
    std::size_t from = 0;
    while (from <= list.size()) {
        const auto comma = std::min(list.find(',', from), list.size());
        if (comma > from) agents.push_back(list.substr(from, comma - from));
        from = comma + 1;
    }
    return agents;
}

// The rows of each table a stored reading holds (for the walk's repetitions): an array's length,
// 0 for another value, nullopt where the reading has no such member or is not JSON.
TableRows table_rows(const nlohmann::json& reading) {
    const auto rows = [&reading](const char* table) -> std::optional<std::size_t> {
        if (!reading.is_object()) return std::nullopt;
        const auto found = reading.find(table);
        if (found == reading.end()) return std::nullopt;
        return found->is_array() ? found->size() : 0;
    };
    return {rows("supplies"), rows("alerts"), rows("ricoh_counters"), rows("ricoh_toners")};
}

}  // namespace

std::string expand_profile_text(const std::string& text, const std::string& asset_tag) {
    constexpr std::string_view token = "{asset_tag}";
    std::string expanded;
    std::size_t from = 0;
    for (auto at = text.find(token); at != std::string::npos; at = text.find(token, from)) {
        expanded.append(text, from, at - from);
        expanded += asset_tag;
        from = at + token.size();
    }
    expanded.append(text, from);
    return expanded;
}

store::Result<std::vector<PollTarget>> load_poll_targets(store::Database& database, const TargetOptions& options) {
    auto statement = database.prepare(
        "SELECT d.id, d.asset_tag, d.network_address, p.version, p.community, p.v3_user, p.v3_auth_passphrase, "
        "p.v3_priv_passphrase, p.v3_context, p.port, "
        "s.reading, s.status_read_at, s.supplies_read_at, s.counters_read_at, s.firmware_read_at FROM devices d "
        "JOIN telemetry_snmp_profiles p ON p.name = d.snmp_profile "
        "LEFT JOIN telemetry_device_state s ON s.device_id = d.id "
        "WHERE d.network_address <> '' AND (?1 IS NULL OR d.id = ?1) "
        // Devices silent last time go first: their timeouts then run beside the others' answers
        // instead of trailing the cycle.
        "ORDER BY coalesce(s.reachable, 1), d.id");
    if (!statement) return store::Error{statement.error()};
    if (options.device_id) statement.value().bind(1, *options.device_id);
    const auto agents = split_agents(options.agent_override);
    std::vector<PollTarget> targets;
    for (;;) {
        auto row = statement.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        auto& s = statement.value();
        PollTarget target;
        target.device_id = s.column_int(0);
        target.asset_tag = s.column_text(1);
        target.agent = agents.empty() ? s.column_text(2) + ":" + std::to_string(s.column_int(9))
                                      : agents[static_cast<std::size_t>(target.device_id) % agents.size()];
        auto& c = target.credentials;
        c.version = s.column_text(3) == "v3" ? SnmpCredentials::Version::v3 : SnmpCredentials::Version::v2c;
        c.community = expand_profile_text(s.column_text(4), target.asset_tag);
        c.user = s.column_text(5);
        c.auth_passphrase = s.column_text(6);
        c.priv_passphrase = s.column_text(7);
        c.context = expand_profile_text(s.column_text(8), target.asset_tag);
        // The last reading, parsed once for the walk: its table sizes and its supplies' layout.
        const auto reading = s.column_is_null(10) ? nlohmann::json() : nlohmann::json::parse(s.column_text(10), nullptr, false);
        target.last_rows = table_rows(reading);
        target.supply_layout = supply_layout_from_json(reading);
        for (std::size_t slot = 0; slot < target.last_read.size(); ++slot) {
            const auto column = 11 + static_cast<int>(slot);
            if (s.column_is_null(column)) continue;
            target.last_read[slot] = std::chrono::system_clock::time_point{std::chrono::seconds{s.column_int(column)}};
        }
        targets.push_back(std::move(target));
    }
    return targets;
}

}  // namespace madoguchi::server::telemetry
