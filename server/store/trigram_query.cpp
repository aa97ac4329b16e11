#include "store/trigram_query.hpp"

#include "text/utf8.hpp"

namespace madoguchi::server::store {

namespace {

// The number of characters of `text`, or empty when the index must not be asked for it.
std::optional<std::size_t> indexable_length(std::string_view text) {
    const auto characters = madoguchi::text::decode_utf8(text);
    if (!characters || text.find('\0') != std::string_view::npos || text.find('\x1f') != std::string_view::npos) {
        return std::nullopt;
    }
    return characters->size();
}

// Inside an FTS5 string a quote is written twice; nothing else is special there.
void append_quoted(std::string& expression, std::string_view text) {
    expression += '"';
    for (const char byte : text) {
        if (byte == '"') expression += '"';
        expression += byte;
    }
    expression += '"';
}

// Beyond this many trigrams the expression itself grows costly to parse and merge.
constexpr int max_terms = 512;

}  // namespace

std::optional<std::string> trigram_phrase(std::string_view text) {
    const auto length = indexable_length(text);
    if (!length || *length < 3) return std::nullopt;
    std::string phrase;
    append_quoted(phrase, text);
    return phrase;
}

Result<std::optional<std::string>> trigram_prefix_query(Database& database, std::string_view vocabulary,
                                                        std::string_view text, std::int64_t max_rows) {
    const auto length = indexable_length(text);
    if (!length || *length < 1 || *length > 2) return std::optional<std::string>();
    // Terms compare as bytes: every term beginning with `text` lies between it and `text`
    // followed by 0xF5, a byte no UTF-8 character holds.
    auto terms = database.prepare("SELECT term, doc FROM " + std::string(vocabulary) + " WHERE term >= ?1 AND term < ?2");
    if (!terms) return Error{terms.error()};
    std::string beyond(text);
    beyond += '\xf5';
    terms.value().bind(1, text).bind(2, beyond);
    std::string expression;
    std::int64_t rows = 0;
    int count = 0;
    while (true) {
        auto row = terms.value().step();
        if (!row) return Error{row.error()};
        if (!row.value()) break;
        rows += terms.value().column_int(1);
        if (rows > max_rows || ++count > max_terms) return std::optional<std::string>();
        if (!expression.empty()) expression += " OR ";
        append_quoted(expression, terms.value().column_text(0));
    }
    return std::optional<std::string>(std::move(expression));
}

}  // namespace madoguchi::server::store
