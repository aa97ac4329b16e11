#include "knowledge/faq_store.hpp"

namespace madoguchi::server::knowledge {

nlohmann::json to_json(const FaqExport& saved) {
    return {{"id", saved.id},
            {"created_at", saved.created_at},
            {"created_by", saved.created_by},
            {"article_count", saved.article_count},
            {"bytes", saved.bytes}};
}

store::Result<FaqExport> insert_faq_export(store::Database& database, const std::string& csv, std::int64_t article_count,
                                           const std::string& at, const std::string& by) {
    auto insert = database.prepare(
        "INSERT INTO faq_exports (created_at, created_by, article_count, csv) VALUES (?1, ?2, ?3, ?4)");
    if (!insert) return store::Error{insert.error()};
    insert.value().bind(1, at).bind(2, by).bind(3, article_count).bind_blob(4, csv);
    if (auto done = insert.value().step(); !done) return store::Error{done.error()};
    return FaqExport{database.last_insert_id(), at, by, article_count, static_cast<std::int64_t>(csv.size())};
}

store::Result<std::vector<FaqExport>> list_faq_exports(store::Database& database) {
    auto select = database.prepare(
        "SELECT id, created_at, created_by, article_count, length(csv) FROM faq_exports ORDER BY id DESC");
    if (!select) return store::Error{select.error()};
    auto& statement = select.value();
    std::vector<FaqExport> exports;
    while (true) {
        auto stepped = statement.step();
        if (!stepped) return store::Error{stepped.error()};
        if (!stepped.value()) return exports;
        exports.push_back({statement.column_int(0), statement.column_text(1), statement.column_text(2),
                           statement.column_int(3), statement.column_int(4)});
    }
}

store::Result<std::optional<std::string>> faq_export_csv(store::Database& database, std::int64_t id) {
    auto select = database.prepare("SELECT csv FROM faq_exports WHERE id = ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, id);
    auto stepped = select.value().step();
    if (!stepped) return store::Error{stepped.error()};
    if (!stepped.value()) return std::optional<std::string>();
    return std::optional<std::string>(select.value().column_blob(0));
}

}  // namespace madoguchi::server::knowledge
