#include "knowledge/article_search.hpp"

#include "text/search_fold.hpp"

namespace madoguchi::knowledge {
namespace {

constexpr std::string_view ideographic_space = "\xE3\x80\x80";

bool contains(std::string_view folded, std::string_view term) { return folded.find(term) != std::string_view::npos; }

}  // namespace

std::vector<std::string> search_terms(std::string_view query) {
    std::string spaced;
    spaced.reserve(query.size());
    for (std::size_t at = 0; at < query.size();) {
        if (query.substr(at).starts_with(ideographic_space)) {
            spaced += ' ';
            at += ideographic_space.size();
        } else {
            spaced += query[at++];
        }
    }
    std::vector<std::string> terms;
    std::size_t start = 0;
    while (start < spaced.size()) {
        auto end = spaced.find_first_of(" \t\r\n", start);
        if (end == std::string::npos) end = spaced.size();
        if (end > start) {
            auto folded = text::fold_for_search(std::string_view(spaced).substr(start, end - start));
            if (!folded.empty()) terms.push_back(std::move(folded));
        }
        start = end + 1;
    }
    return terms;
}

std::string article_search_text(std::string_view question, std::string_view answer, std::string_view category) {
    // Newlines keep a word from being found across two fields.
    std::string text(question);
    text += '\n';
    text += answer;
    text += '\n';
    text += category;
    return text::fold_for_search(text);
}

int suggestion_score(const std::vector<std::string>& terms, std::string_view question, std::string_view answer,
                     std::string_view category) {
    const auto folded_question = text::fold_for_search(question);
    const auto folded_answer = text::fold_for_search(answer);
    const auto folded_category = text::fold_for_search(category);
    int score = 0;
    for (const auto& term : terms) {
        if (contains(folded_question, term)) {
            score += 3;
        } else if (contains(folded_category, term)) {
            score += 2;
        } else if (contains(folded_answer, term)) {
            score += 1;
        }
    }
    return score;
}

}  // namespace madoguchi::knowledge
