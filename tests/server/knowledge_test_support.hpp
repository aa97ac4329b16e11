#pragma once
// Knowledge articles written and read over HTTP for the knowledge tests: each call checks its
// status and, for changes, that the audit trail grew (post_json / patch_json: configuration_test_support).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "configuration_test_support.hpp"
#include "identity_test_support.hpp"

namespace madoguchi::testing {

nlohmann::json article_body(const std::string& question, const std::string& answer, const std::string& category,
                            const std::vector<std::string>& audiences);

std::string article_path(const nlohmann::json& article, const std::string& rest = "");

// POST /api/v1/knowledge/articles; REQUIREs 201; the article.
nlohmann::json write_article(const RunningApp& server, SignedIn& desk, const nlohmann::json& body);
// The article written and published; the published article.
nlohmann::json published_article(const RunningApp& server, SignedIn& desk, const nlohmann::json& body);
// POST …/transitions to `to` under the article's current version; REQUIREs 200; the article.
nlohmann::json moved_article(const RunningApp& server, SignedIn& desk, const nlohmann::json& article, const std::string& to);
// GET /api/v1/knowledge/articles/{id}; REQUIREs 200; the document ({"article","versions"}).
nlohmann::json read_article(SignedIn& reader, const nlohmann::json& article);

// The questions GET /api/v1/knowledge/articles lists for this query string ("?q=…").
std::vector<std::string> questions_listed(SignedIn& reader, const std::string& query = "");

// "?q=" with the text percent-encoded.
std::string query_of(const std::string& name, const std::string& value);

}  // namespace madoguchi::testing
