#pragma once
// Free text as an FTS5 query over a trigram index (tokenize='trigram'). Text of 3 characters or
// more is the whole text as one quoted phrase, so what people type ("AND", "*", "-x", NEAR(, a
// quote) is never read as an FTS operator, and the phrase matches exactly where the text occurs
// as a substring. Text of 1 or 2 characters is found as the beginning of trigrams: the index's
// vocabulary (an fts5vocab 'row' table) lists those that begin with it, and the query is any of
// them. For that, the indexed text ends with `trigram_index_end`, so that its last two
// characters begin a trigram too.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace madoguchi::server::store {

// Written after the text in the index (SQL: `text || char(31, 31)`). Text holding U+001F is
// never looked up in the index, so the end marker is never found as if it were text.
inline constexpr std::string_view trigram_index_end = "\x1f\x1f";

// The MATCH expression for `text` of 3 characters or more, or empty when the caller must scan:
// fewer than 3 characters, text that is not UTF-8 (the tokenizer would read its bytes as other
// characters), text with a NUL (FTS5 reads its query up to the first one) or with U+001F.
std::optional<std::string> trigram_phrase(std::string_view text);

// For text of 1 or 2 characters: the MATCH expression of the trigrams that begin with it, read
// from `vocabulary`; "" when none does (nothing matches). Empty (scan instead) for other text,
// and when those trigrams occur in more than `max_rows` rows in all, or are more than 512: a
// character as common as "の" begins hundreds of trigrams, and reading all their rows costs
// more than a scan.
Result<std::optional<std::string>> trigram_prefix_query(Database& database, std::string_view vocabulary,
                                                        std::string_view text, std::int64_t max_rows);

}  // namespace madoguchi::server::store
