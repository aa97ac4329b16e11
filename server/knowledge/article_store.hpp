#pragma once
// Knowledge articles in SQLite (tables knowledge_articles, knowledge_article_versions,
// knowledge_feedback; migration 15): the current article, every version of it, and the
// readers' "this solved it" counts. Routes decide who may; this file only stores.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "knowledge/article.hpp"
#include "store/database.hpp"

namespace madoguchi::server::knowledge {

using madoguchi::knowledge::ArticleState;
using madoguchi::knowledge::ArticleVersion;
using madoguchi::knowledge::Audience;

struct ArticleRow {
    std::int64_t id = 0;
    ArticleVersion current;  // the newest version: content, state, who changed it last and why
    std::string created_at;
    std::string created_by;
    std::optional<std::int64_t> source_ticket_id;
    std::int64_t solved_count = 0;    // readers who said it solved their matter
    std::int64_t unsolved_count = 0;  // … and who said it did not
};

// {"id","question","answer","category","audiences","state","version","created_at","created_by",
//  "updated_at","updated_by","reason","source_ticket_id","solved_count","unsolved_count"}
nlohmann::json to_json(const ArticleRow& row);

// Inserts the article as `first` (version 1) with its version row; its id.
store::Result<std::int64_t> insert_article(store::Database& database, const ArticleVersion& first,
                                           std::optional<std::int64_t> source_ticket_id);
store::Result<std::optional<ArticleRow>> find_article(store::Database& database, std::int64_t id);

// Writes `next` (whose version must be `read_version` + 1) over the article and keeps it as a
// version row; false when the stored version is no longer `read_version`.
store::Result<bool> write_version(store::Database& database, std::int64_t id, const ArticleVersion& next,
                                  std::int64_t read_version);

// Newest first.
store::Result<std::vector<ArticleVersion>> article_versions(store::Database& database, std::int64_t id);

struct ArticleQuery {
    std::vector<std::string> terms;  // folded (article_search.hpp); every one must be found
    std::optional<Audience> audience;
    std::optional<ArticleState> state;
    bool published_for_staff = false;  // a staff reader: only published staff articles exist
    std::int64_t limit = 50;
    std::int64_t offset = 0;
};

struct ArticlePage {
    std::vector<ArticleRow> articles;  // newest change first
    std::int64_t total = 0;
};

store::Result<ArticlePage> list_articles(store::Database& database, const ArticleQuery& query);

// Every article of the audience in the state, by id (the FAQ export, suggestions, a restore).
store::Result<std::vector<ArticleRow>> articles_for(store::Database& database, Audience audience,
                                                    std::optional<ArticleState> state);

store::Status insert_feedback(store::Database& database, std::int64_t article_id, bool solved, std::int64_t user_id,
                              const std::string& at);

}  // namespace madoguchi::server::knowledge
