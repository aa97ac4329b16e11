#pragma once
// Files that operators bring (CSV exports from Excel or the personnel system) come in UTF-8
// or in Windows' Shift_JIS (CP932); everything inside Madoguchi is UTF-8.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace madoguchi::server::text {

enum class Encoding {
    automatic,  // UTF-8 when the bytes are valid UTF-8, otherwise CP932
    utf8,
    cp932,
};

// "auto", "utf-8" (or "utf8"), "cp932" (or "shift_jis", "sjis"), any case.
std::optional<Encoding> parse_encoding(std::string_view name);
std::string_view encoding_name(Encoding encoding);

struct DecodedText {
    std::string utf8;   // without a byte order mark
    Encoding encoding;  // the one used: utf8 or cp932
};

struct DecodeError {
    std::size_t line = 0;  // physical line (1-based) of the first byte that cannot be read
    std::string message;   // English, naming the byte and the encoding
};

std::variant<DecodedText, DecodeError> decode_text(std::string_view bytes, Encoding encoding);

}  // namespace madoguchi::server::text
