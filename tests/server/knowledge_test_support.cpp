#include "knowledge_test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace madoguchi::testing {

using nlohmann::json;

json article_body(const std::string& question, const std::string& answer, const std::string& category,
                  const std::vector<std::string>& audiences) {
    return {{"question", question}, {"answer", answer}, {"category", category}, {"audiences", audiences}};
}

std::string article_path(const json& article, const std::string& rest) {
    return "/api/v1/knowledge/articles/" + std::to_string(article["id"].get<std::int64_t>()) + rest;
}

json write_article(const RunningApp& server, SignedIn& desk, const json& body) {
    const auto response = audited(server, [&] { return post_json(desk, "/api/v1/knowledge/articles", body); });
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 201);
    return json_of(response)["article"];
}

json moved_article(const RunningApp& server, SignedIn& desk, const json& article, const std::string& to) {
    const auto current = read_article(desk, article)["article"];
    const auto response = audited(server, [&] {
        return post_json(desk, article_path(article, "/transitions"), {{"to", to}, {"version", current["version"]}});
    });
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 200);
    return json_of(response)["article"];
}

json published_article(const RunningApp& server, SignedIn& desk, const json& body) {
    return moved_article(server, desk, write_article(server, desk, body), "published");
}

json read_article(SignedIn& reader, const json& article) {
    const auto response = reader.client->Get(article_path(article).c_str());
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 200);
    return json_of(response);
}

std::string query_of(const std::string& name, const std::string& value) {
    std::string query = "?" + name + "=";
    for (const unsigned char c : value) {
        if (std::isalnum(c)) {
            query += static_cast<char>(c);
        } else {
            char escaped[4];
            std::snprintf(escaped, sizeof escaped, "%%%02X", c);
            query += escaped;
        }
    }
    return query;
}

std::vector<std::string> questions_listed(SignedIn& reader, const std::string& query) {
    const auto response = reader.client->Get(("/api/v1/knowledge/articles" + query).c_str());
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 200);
    std::vector<std::string> questions;
    const auto page = json_of(response);
    for (const auto& article : page["articles"]) questions.push_back(article["question"].get<std::string>());
    CHECK(page["total"] == questions.size());
    std::sort(questions.begin(), questions.end());
    return questions;
}

}  // namespace madoguchi::testing
