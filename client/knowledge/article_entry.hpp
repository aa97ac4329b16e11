#pragma once
// One knowledge article as the desk's screens hold it: the API's article document read into
// the shared version type, with its id and the readers' feedback counts.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "knowledge/article.hpp"

namespace madoguchi::client {

struct ArticleEntry {
    std::int64_t id = 0;
    knowledge::ArticleVersion current;  // changed_at / changed_by: the last change
    std::int64_t solved_count = 0;
    std::int64_t unsolved_count = 0;
    std::optional<std::int64_t> source_ticket_id;
};

std::optional<ArticleEntry> article_entry_from_json(const nlohmann::json& json);
// The "article" member of an answer's body ({"article": …}); empty when it has none.
std::optional<ArticleEntry> answered_article(const std::string& body);

std::string article_path(std::int64_t id);  // /api/v1/knowledge/articles/{id}

}  // namespace madoguchi::client
