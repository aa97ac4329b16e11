#include "tickets/faq_suggestions.hpp"

#include <nlohmann/json.hpp>

#include "api/query_string.hpp"

namespace madoguchi::client {
namespace {

// Spaces (ASCII and the full-width U+3000) around a title do not change what it asks.
std::string trimmed(const std::string& text) {
    constexpr std::string_view ideographic_space = "\xE3\x80\x80";
    std::string_view view = text;
    while (true) {
        if (!view.empty() && (view.front() == ' ' || view.front() == '\t')) {
            view.remove_prefix(1);
        } else if (view.starts_with(ideographic_space)) {
            view.remove_prefix(ideographic_space.size());
        } else if (!view.empty() && (view.back() == ' ' || view.back() == '\t')) {
            view.remove_suffix(1);
        } else if (view.ends_with(ideographic_space)) {
            view.remove_suffix(ideographic_space.size());
        } else {
            return std::string(view);
        }
    }
}

std::size_t code_points(std::string_view text) {
    std::size_t count = 0;
    for (const char byte : text) count += (static_cast<unsigned char>(byte) & 0xC0U) != 0x80U ? 1 : 0;
    return count;
}

std::string text_member(const nlohmann::json& object, const char* name) {
    const auto found = object.find(name);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

}  // namespace

std::vector<FaqSuggestion> faq_suggestions_from_json(const std::string& body) {
    std::vector<FaqSuggestion> suggestions;
    const auto parsed = nlohmann::json::parse(body, nullptr, false);
    if (!parsed.is_object() || !parsed.contains("items") || !parsed["items"].is_array()) return suggestions;
    for (const auto& item : parsed["items"]) {
        if (!item.is_object() || !item.contains("id") || !item["id"].is_number_integer()) continue;
        suggestions.push_back({item["id"].get<std::int64_t>(), text_member(item, "question"),
                               text_member(item, "answer"), text_member(item, "category")});
    }
    return suggestions;
}

void FaqSuggestions::typed(const std::string& title, Clock::time_point now) {
    const auto query = trimmed(title);
    if (query != typed_) {
        typed_ = query;
        changed_at_ = now;
        pending_ = true;
    }
    if (!pending_ || now - changed_at_ < search_pause) return;
    pending_ = false;
    if (typed_ == searched_) return;
    searched_ = typed_;
    if (code_points(typed_) < shortest_query) {
        items_.clear();
        shown_query_.clear();
        return;
    }
    search(typed_);
}

void FaqSuggestions::search(const std::string& query) {
    api_.get(with_query("/api/v1/knowledge/suggest", {{"q", query}}), [this, query](const ApiResult& result) {
        // An answer to an older query is not what the title says any more.
        if (query != searched_) return;
        shown_query_ = query;
        // Suggestions only help: a knowledge base that is not there (404) or fails shows none.
        items_ = result.ok() ? faq_suggestions_from_json(result.body) : std::vector<FaqSuggestion>();
    });
}

void FaqSuggestions::mark_solved(std::int64_t id) {
    if (sending_.contains(id) || sent_.contains(id)) return;
    sending_.insert(id);
    failed_.erase(id);
    HttpRequest request{"POST", "/api/v1/knowledge/articles/" + std::to_string(id) + "/feedback",
                        nlohmann::json{{"solved", true}}.dump(), {}};
    api_.send(std::move(request), [this, id](const ApiResult& result) {
        sending_.erase(id);
        (result.ok() ? sent_ : failed_).insert(id);
    });
}

FaqSuggestions::Feedback FaqSuggestions::feedback(std::int64_t id) const {
    if (sending_.contains(id)) return Feedback::sending;
    if (sent_.contains(id)) return Feedback::sent;
    if (failed_.contains(id)) return Feedback::failed;
    return Feedback::none;
}

}  // namespace madoguchi::client
