#pragma once
// The FAQ suggestions above the inquiry form: the knowledge base's matches for the 件名
// being typed, each with its answer and "これで解決しました".
#include "i18n/catalog.hpp"
#include "tickets/faq_suggestions.hpp"

namespace madoguchi::client {

// Draws nothing while there is no match.
void draw_faq_suggestions(FaqSuggestions& suggestions, i18n::Language language);

}  // namespace madoguchi::client
