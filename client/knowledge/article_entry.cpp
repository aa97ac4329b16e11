#include "knowledge/article_entry.hpp"

namespace madoguchi::client {

std::optional<ArticleEntry> article_entry_from_json(const nlohmann::json& json) {
    if (!json.is_object() || !json.contains("id") || !json["id"].is_number_integer()) return std::nullopt;
    auto as_version = json;
    as_version["changed_at"] = json.value("updated_at", "");
    as_version["changed_by"] = json.value("updated_by", "");
    auto version = knowledge::version_from_json(as_version);
    if (!version) return std::nullopt;
    ArticleEntry entry{json["id"].get<std::int64_t>(), std::move(*version), json.value("solved_count", std::int64_t{0}),
                       json.value("unsolved_count", std::int64_t{0}), std::nullopt};
    if (json.contains("source_ticket_id") && json["source_ticket_id"].is_number_integer()) {
        entry.source_ticket_id = json["source_ticket_id"].get<std::int64_t>();
    }
    return entry;
}

std::optional<ArticleEntry> answered_article(const std::string& body) {
    const auto document = nlohmann::json::parse(body, nullptr, false);
    if (!document.is_object() || !document.contains("article")) return std::nullopt;
    return article_entry_from_json(document["article"]);
}

std::string article_path(std::int64_t id) { return "/api/v1/knowledge/articles/" + std::to_string(id); }

}  // namespace madoguchi::client
