#include "store/trigram_query.hpp"

#include "text/utf8.hpp"

namespace madoguchi::server::store {

std::optional<std::string> trigram_phrase(std::string_view text) {
    const auto characters = madoguchi::text::decode_utf8(text);
    if (!characters || characters->size() < 3 || text.find('\0') != std::string_view::npos) return std::nullopt;
    std::string phrase = "\"";
    for (const char byte : text) {
        // Inside an FTS5 string a quote is written twice; nothing else is special there.
        if (byte == '"') phrase += '"';
        phrase += byte;
    }
    phrase += '"';
    return phrase;
}

}  // namespace madoguchi::server::store
