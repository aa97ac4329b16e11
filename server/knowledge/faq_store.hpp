#pragma once
// FAQ exports in SQLite (table faq_exports; migration 15): every file handed out, kept as a
// backup version that can be downloaded again or restored.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace madoguchi::server::knowledge {

struct FaqExport {
    std::int64_t id = 0;
    std::string created_at;
    std::string created_by;
    std::int64_t article_count = 0;
    std::int64_t bytes = 0;
};

// {"id","created_at","created_by","article_count","bytes"}
nlohmann::json to_json(const FaqExport& saved);

store::Result<FaqExport> insert_faq_export(store::Database& database, const std::string& csv, std::int64_t article_count,
                                           const std::string& at, const std::string& by);
// Newest first.
store::Result<std::vector<FaqExport>> list_faq_exports(store::Database& database);
// The file's bytes; empty when there is no such export.
store::Result<std::optional<std::string>> faq_export_csv(store::Database& database, std::int64_t id);

}  // namespace madoguchi::server::knowledge
