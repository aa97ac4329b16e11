#pragma once
// ナレッジ's list for the desk: the articles the search and the audience/state filters find,
// asked of the server (the search folds kana and width there), shown in the UI kit's table
// with each article's state, audiences, version and how many readers it solved.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/api_client.hpp"
#include "i18n/catalog.hpp"
#include "knowledge/article_entry.hpp"
#include "ui/table_model.hpp"

namespace madoguchi::client {

class KnowledgeList {
public:
    enum class State { idle, loading, loaded, failed };

    explicit KnowledgeList(i18n::Language language);

    // The search: words typed (kana or kanji), an audience and a state ("" for any).
    std::string search;
    std::string audience;
    std::string state_filter;
    // GET /api/v1/knowledge/articles with the search; the answer replaces the rows.
    void load(ApiClient& api);
    // The address load() asks; public for tests.
    std::string request_path() const;
    // Reads the answer; public for tests with fixtures.
    void accept(const ApiResult& result);

    State state() const { return state_; }
    const std::string& error_text() const { return error_text_; }
    const std::vector<ArticleEntry>& articles() const { return articles_; }
    std::int64_t total() const { return total_; }
    TableModel& table() { return table_; }
    const ArticleEntry* current() const;
    // An article as a change answered it: its row shows it at once (a new one is added).
    void replace(const ArticleEntry& entry);
    void set_language(i18n::Language language);

private:
    State state_ = State::idle;
    std::string error_text_;
    std::vector<ArticleEntry> articles_;
    std::int64_t total_ = 0;
    std::uint64_t generation_ = 0;  // answers to an older search are dropped
    i18n::Language language_;
    TableModel table_;
};

// "職員・チャットボット": the audiences' labels joined.
std::string audiences_text(const std::vector<knowledge::Audience>& audiences, i18n::Language language);
// "12 / 3": solved / not solved.
std::string feedback_text(const ArticleEntry& entry);

}  // namespace madoguchi::client
