#include "inventory/device_history.hpp"

#include "audit/audit_appender.hpp"
#include "store/multi_row_insert.hpp"

namespace madoguchi::server::inventory {
namespace {

nlohmann::json stored_json(const store::Statement& row, int column) {
    if (row.column_is_null(column)) return nullptr;
    auto parsed = nlohmann::json::parse(row.column_text(column), nullptr, false);
    return parsed.is_discarded() ? nlohmann::json(nullptr) : parsed;
}

}  // namespace

store::Status record_device_change(store::Database& database, std::int64_t device_id, const audit::AuditEntry& entry,
                                   const std::string& reason) {
    auto appender = audit::Appender::open(database);
    if (!appender) return store::Error{appender.error()};
    auto audit_id = appender.value().append(entry, calendar::now());
    if (!audit_id) return store::Error{audit_id.error()};
    auto link = database.prepare("INSERT INTO device_history (device_id, audit_id, reason) VALUES (?1, ?2, ?3)");
    if (!link) return store::Error{link.error()};
    link.value().bind(1, device_id).bind(2, audit_id.value()).bind(3, reason);
    if (auto linked = link.value().step(); !linked) return store::Error{linked.error()};
    return store::success();
}

store::Status record_state_change(store::Database& database, std::int64_t device_id,
                                  madoguchi::inventory::AssetState from, madoguchi::inventory::AssetState to,
                                  const std::string& reason, const audit::Actor& actor) {
    const audit::AuditEntry entry{actor,
                                  "device.transitioned",
                                  "device",
                                  std::to_string(device_id),
                                  nlohmann::json{{"state", madoguchi::inventory::state_name(from)}},
                                  nlohmann::json{{"state", madoguchi::inventory::state_name(to)}, {"reason", reason}}};
    return record_device_change(database, device_id, entry, reason);
}

store::Status link_device_changes(store::Database& database, const std::vector<DeviceChangeLink>& links) {
    static const std::vector<std::string_view> columns{"device_id", "audit_id"};
    return store::insert_rows(database, "device_history", columns, links.size(),
                              [&](std::size_t index, store::RowBinder& row) {
                                  row.bind(1, links[index].device_id).bind(2, links[index].audit_id);
                              });
}

store::Result<std::vector<nlohmann::json>> device_history(store::Database& database, std::int64_t device_id) {
    auto select = database.prepare(
        "SELECT a.id, a.occurred_at, a.actor, a.action, h.reason, a.before_json, a.after_json "
        "FROM device_history h JOIN audit_log a ON a.id = h.audit_id WHERE h.device_id = ?1 ORDER BY a.id DESC");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, device_id);
    std::vector<nlohmann::json> entries;
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) return entries;
        const auto& s = select.value();
        entries.push_back({{"id", s.column_int(0)},
                           {"occurred_at", s.column_text(1)},
                           {"actor", s.column_text(2)},
                           {"action", s.column_text(3)},
                           {"reason", s.column_text(4)},
                           {"before", stored_json(s, 5)},
                           {"after", stored_json(s, 6)}});
    }
}

}  // namespace madoguchi::server::inventory
