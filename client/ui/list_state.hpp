#pragma once
// What a list shows instead of rows (一覧の状態表示): nothing there yet, nothing matching the
// filters, still loading, or failed to load. The same pieces for every list, so staff always
// see why a list is empty and what they can do about it. Each returns true when its button
// was pressed this frame.
#include <string_view>

#include "i18n/catalog.hpp"

namespace madoguchi::client {

// No rows at all: the caller's message, and a button when `action_key` is not empty.
bool draw_empty_state(std::string_view message_key, std::string_view action_key, i18n::Language language);
// Rows exist but the filters hide them all; the button clears the filters.
bool draw_no_matches_state(i18n::Language language);
void draw_loading_state(i18n::Language language);
// `message` is already in the user's language (a server's message_ja, or a catalog text);
// the button retries.
bool draw_error_state(std::string_view message, i18n::Language language);

}  // namespace madoguchi::client
