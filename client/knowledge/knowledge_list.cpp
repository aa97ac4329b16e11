#include "knowledge/knowledge_list.hpp"

#include "api/form_errors.hpp"
#include "api/query_string.hpp"

namespace madoguchi::client {
namespace {

// The server's page limit: the desk's library is hundreds of articles, one page holds them.
constexpr const char* page_size = "200";

}  // namespace

std::string audiences_text(const std::vector<knowledge::Audience>& audiences, i18n::Language language) {
    std::string text;
    for (const auto audience : audiences) {
        if (!text.empty()) text += i18n::text("knowledge.audience.separator", language);
        text += i18n::text("knowledge.audience." + std::string(knowledge::audience_name(audience)), language);
    }
    return text;
}

std::string feedback_text(const ArticleEntry& entry) {
    return std::to_string(entry.solved_count) + " / " + std::to_string(entry.unsolved_count);
}

KnowledgeList::KnowledgeList(i18n::Language language)
    : language_(language),
      table_({{"knowledge.column.question", 0.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return articles_[row].current.question; }},
              {"knowledge.column.category", 8.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return articles_[row].current.category; }},
              {"knowledge.column.audiences", 10.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return audiences_text(articles_[row].current.audiences, language_); }},
              {"knowledge.column.state", 6.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) {
                   return i18n::text("knowledge.state." + std::string(knowledge::state_name(articles_[row].current.state)),
                                     language_);
               }},
              {"knowledge.column.version", 4.0F, CellAlignment::right, SortKind::number,
               [this](std::size_t row) { return std::to_string(articles_[row].current.version); },
               [this](std::size_t row) { return static_cast<double>(articles_[row].current.version); }},
              {"knowledge.column.solved", 6.0F, CellAlignment::right, SortKind::number,
               [this](std::size_t row) { return feedback_text(articles_[row]); },
               [this](std::size_t row) { return static_cast<double>(articles_[row].solved_count); }}},
             0) {}

std::string KnowledgeList::request_path() const {
    return with_query("/api/v1/knowledge/articles",
                      {{"q", search}, {"audience", audience}, {"state", state_filter}, {"limit", page_size}});
}

void KnowledgeList::load(ApiClient& api) {
    state_ = State::loading;
    const auto generation = ++generation_;
    api.get(request_path(), [this, generation](const ApiResult& result) {
        if (generation == generation_) accept(result);
    });
}

void KnowledgeList::accept(const ApiResult& result) {
    if (!result.ok()) {
        state_ = State::failed;
        error_text_ = client::error_text(result.error, language_);
        return;
    }
    const auto document = nlohmann::json::parse(result.body, nullptr, false);
    articles_.clear();
    if (document.is_object() && document.contains("articles") && document["articles"].is_array()) {
        for (const auto& json : document["articles"]) {
            if (auto entry = article_entry_from_json(json)) articles_.push_back(std::move(*entry));
        }
    }
    total_ = document.is_object() ? document.value("total", static_cast<std::int64_t>(articles_.size()))
                                  : static_cast<std::int64_t>(articles_.size());
    state_ = State::loaded;
    table_.set_rows(articles_.size());
}

const ArticleEntry* KnowledgeList::current() const {
    const auto row = table_.current_row();
    return row && *row < articles_.size() ? &articles_[*row] : nullptr;
}

void KnowledgeList::replace(const ArticleEntry& entry) {
    for (auto& article : articles_) {
        if (article.id == entry.id) {
            article = entry;
            table_.contents_changed();
            return;
        }
    }
    articles_.push_back(entry);
    ++total_;
    table_.set_rows(articles_.size());
}

void KnowledgeList::set_language(i18n::Language language) {
    if (language == language_) return;
    language_ = language;
    table_.contents_changed();
}

}  // namespace madoguchi::client
