#pragma once
// Strict UTF-8 decoding for validating what people type (and what requests carry).
#include <optional>
#include <string>
#include <string_view>

namespace madoguchi::text {

// The code points of `text`; empty when it is not well-formed UTF-8 (RFC 3629: no overlong
// forms, no surrogates, nothing above U+10FFFF, no truncated sequences).
std::optional<std::u32string> decode_utf8(std::string_view text);

// Appends the UTF-8 bytes of one code point.
void append_utf8(std::string& out, char32_t code_point);
// The UTF-8 form of `code_points`.
std::string encode_utf8(std::u32string_view code_points);

// ASCII whitespace (space, \t, \n, \v, \f, \r) and the ideographic space U+3000, which
// Japanese input methods type for the space bar.
bool is_blank(char32_t code_point);

// C0 controls (U+0000–U+001F), DEL and the C1 controls (U+0080–U+009F).
bool is_control(char32_t code_point);

}  // namespace madoguchi::text
