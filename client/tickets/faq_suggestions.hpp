#pragma once
// FAQ suggestions beside the staff inquiry form (deflection): while the 件名 is typed, the
// knowledge base's matching answers, so a staff member may find the answer before asking.
// "これで解決しました" tells the knowledge base the article helped; the draft stays (the user
// discards it if they like).
#include <chrono>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "api/api_client.hpp"

namespace madoguchi::client {

struct FaqSuggestion {
    std::int64_t id = 0;
    std::string question;
    std::string answer;
    std::string category;
};

class FaqSuggestions {
public:
    using Clock = std::chrono::steady_clock;
    // Typing pauses this long before a search goes out (each key would be too many).
    static constexpr std::chrono::milliseconds search_pause{400};
    // Shorter titles match too much to help.
    static constexpr std::size_t shortest_query = 2;

    explicit FaqSuggestions(ApiClient& api) : api_(api) {}

    // The title as it reads now; once per frame. A changed title searches after the pause.
    void typed(const std::string& title, Clock::time_point now);
    const std::vector<FaqSuggestion>& items() const { return items_; }
    // The query whose answer `items()` shows.
    const std::string& shown_query() const { return shown_query_; }

    // "これで解決しました" for one suggestion; sent once.
    void mark_solved(std::int64_t id);
    enum class Feedback { none, sending, sent, failed };
    Feedback feedback(std::int64_t id) const;

private:
    void search(const std::string& query);

    ApiClient& api_;
    std::string typed_;
    std::string searched_;  // the latest query sent (or cleared)
    Clock::time_point changed_at_{};
    bool pending_ = false;
    std::string shown_query_;
    std::vector<FaqSuggestion> items_;
    std::set<std::int64_t> sending_;
    std::set<std::int64_t> sent_;
    std::set<std::int64_t> failed_;
};

// {"items":[{"id","question","answer","category"}]}; items that are no objects or lack an id are skipped.
std::vector<FaqSuggestion> faq_suggestions_from_json(const std::string& body);

}  // namespace madoguchi::client
