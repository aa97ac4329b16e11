#pragma once
// User-facing text, Japanese first and English second, from the per-area files assets/i18n/*.json
// (embedded at build time so the client needs no extra request and the server none at all).
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::i18n {

enum class Language { ja, en };

std::string_view language_code(Language language);

// The text for `key` in `language`; the key itself when the catalog has no such entry,
// so a missing string is visible rather than blank.
const std::string& text(std::string_view key, Language language);

// Both texts of a key, for API errors that carry `message` and `message_ja`.
struct Texts {
    const std::string& ja;
    const std::string& en;
};
Texts texts(std::string_view key);

bool has_key(std::string_view key);
// Every key of every area file, sorted; loading throws std::logic_error when two files
// define the same key.
std::vector<std::string> keys();

}  // namespace madoguchi::i18n
