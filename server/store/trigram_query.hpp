#pragma once
// Free text as an FTS5 query over a trigram index (tokenize='trigram'): the whole text as one
// quoted phrase, so what people type ("AND", "*", "-x", NEAR(, a quote) is never read as an
// FTS operator, and the phrase matches exactly where the text occurs as a substring.
#include <optional>
#include <string>
#include <string_view>

namespace madoguchi::server::store {

// The MATCH expression for `text`, or empty when the index cannot answer it and the caller
// must scan: fewer than 3 characters (a trigram index holds no shorter token, so "ab" would
// match nothing), text that is not UTF-8 (the tokenizer would read its bytes as other
// characters) and text with a NUL (FTS5 reads its query up to the first one).
std::optional<std::string> trigram_phrase(std::string_view text);

}  // namespace madoguchi::server::store
