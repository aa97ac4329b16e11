#include "configuration/settings_store.hpp"

namespace madoguchi::server::configuration {

namespace domain = madoguchi::configuration;

store::Result<std::vector<domain::SettingsVersion>> list_settings_versions(store::Database& database,
                                                                           std::int64_t item_id) {
    auto headers = database.prepare(
        "SELECT number, changed_by, changed_at, reason FROM setting_versions WHERE item_id = ?1 ORDER BY number DESC");
    if (!headers) return store::Error{headers.error()};
    headers.value().bind(1, item_id);
    std::vector<domain::SettingsVersion> versions;
    while (true) {
        auto row = headers.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        const auto& s = headers.value();
        versions.push_back({s.column_int(0), s.column_text(1), s.column_text(2), s.column_text(3), {}});
    }
    auto values = database.prepare("SELECT number, parameter, value FROM setting_values WHERE item_id = ?1");
    if (!values) return store::Error{values.error()};
    values.value().bind(1, item_id);
    while (true) {
        auto row = values.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) return versions;
        const auto& s = values.value();
        // Newest first: number n sits at index (newest - n).
        const auto index = versions.front().number - s.column_int(0);
        if (index >= 0 && index < static_cast<std::int64_t>(versions.size())) {
            versions[static_cast<std::size_t>(index)].values.emplace(s.column_text(1), s.column_text(2));
        }
    }
}

store::Status insert_settings_version(store::Database& database, std::int64_t item_id,
                                      const domain::SettingsVersion& version) {
    auto header = database.prepare(
        "INSERT INTO setting_versions (item_id, number, changed_by, changed_at, reason) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!header) return store::Error{header.error()};
    header.value().bind(1, item_id).bind(2, version.number).bind(3, version.changed_by).bind(4, version.changed_at)
        .bind(5, version.reason);
    if (auto done = header.value().step(); !done) return store::Error{done.error()};
    auto value = database.prepare(
        "INSERT INTO setting_values (item_id, number, parameter, value) VALUES (?1, ?2, ?3, ?4)");
    if (!value) return store::Error{value.error()};
    for (const auto& [parameter, text] : version.values) {
        value.value().reset().bind(1, item_id).bind(2, version.number).bind(3, parameter).bind(4, text);
        if (auto done = value.value().step(); !done) return store::Error{done.error()};
    }
    return store::success();
}

}  // namespace madoguchi::server::configuration
