#pragma once
// How typed words find articles, the same for the desk's list and the staff form's
// suggestions: the text is split into words at spaces (ASCII or the IME's full-width U+3000),
// each folded like search_text (kana, width and case do not matter). The list wants every
// word; suggestions rank the articles by where their words are found.
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::knowledge {

// The folded words of `query`, in order, none empty.
std::vector<std::string> search_terms(std::string_view query);

// What search_text holds for an article: its question, answer and category, folded.
std::string article_search_text(std::string_view question, std::string_view answer, std::string_view category);

// 0 when no word is found; otherwise higher for each word found, most for a word of the
// question (3), then of the category (2), then of the answer (1): the staff member types a
// title, which reads most like a question.
int suggestion_score(const std::vector<std::string>& terms, std::string_view question, std::string_view answer,
                     std::string_view category);

inline constexpr std::size_t max_suggestions = 5;

}  // namespace madoguchi::knowledge
