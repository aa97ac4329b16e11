#include "identity/division_store.hpp"

namespace madoguchi::server::identity {

nlohmann::json to_json(const Division& division) {
    return {{"code", division.code},
            {"parent_code", division.parent_code.empty() ? nlohmann::json(nullptr) : nlohmann::json(division.parent_code)},
            {"name_ja", division.name_ja},
            {"name_en", division.name_en}};
}

store::Result<std::optional<Division>> find_division(store::Database& database, std::string_view code) {
    auto select =
        database.prepare("SELECT code, coalesce(parent_code, ''), name_ja, name_en FROM divisions WHERE code = ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, code);
    auto row = select.value().step();
    if (!row) return store::Error{row.error()};
    if (!row.value()) return std::optional<Division>();
    const auto& statement = select.value();
    return std::optional<Division>(
        Division{statement.column_text(0), statement.column_text(1), statement.column_text(2), statement.column_text(3)});
}

store::Result<std::vector<Division>> list_divisions(store::Database& database) {
    // Depth-first walk of the tree, so each division follows its parent; char(1) as the path
    // separator sorts a division's children before its next sibling.
    auto select = database.prepare(
        "WITH RECURSIVE tree (code, parent_code, name_ja, name_en, path) AS ("
        " SELECT code, '', name_ja, name_en, code FROM divisions WHERE parent_code IS NULL"
        " UNION ALL SELECT d.code, d.parent_code, d.name_ja, d.name_en, tree.path || char(1) || d.code"
        " FROM divisions d JOIN tree ON d.parent_code = tree.code)"
        " SELECT code, parent_code, name_ja, name_en FROM tree ORDER BY path");
    if (!select) return store::Error{select.error()};
    std::vector<Division> divisions;
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        const auto& statement = select.value();
        divisions.push_back(
            {statement.column_text(0), statement.column_text(1), statement.column_text(2), statement.column_text(3)});
    }
    return divisions;
}

store::Status upsert_division(store::Database& database, const Division& division) {
    auto upsert = database.prepare(
        "INSERT INTO divisions (code, parent_code, name_ja, name_en) VALUES (?1, nullif(?2, ''), ?3, ?4) "
        "ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, name_ja = excluded.name_ja, "
        "name_en = excluded.name_en");
    if (!upsert) return store::Error{upsert.error()};
    upsert.value().bind(1, division.code).bind(2, division.parent_code).bind(3, division.name_ja).bind(4, division.name_en);
    if (auto done = upsert.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

}  // namespace madoguchi::server::identity
