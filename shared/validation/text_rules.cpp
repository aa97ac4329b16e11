#include "validation/text_rules.hpp"

#include <algorithm>

#include "text/utf8.hpp"

namespace madoguchi::validation {

std::string text_problem(std::string_view value, std::size_t limit, bool required, bool multiline) {
    const auto decoded = text::decode_utf8(value);
    if (!decoded) return "field.invalid_utf8";
    if (required && std::all_of(decoded->begin(), decoded->end(), text::is_blank)) return "field.required";
    const auto refused = [multiline](char32_t c) { return text::is_control(c) && !(multiline && (c == U'\n' || c == U'\t')); };
    if (std::any_of(decoded->begin(), decoded->end(), refused)) return "field.control_character";
    if (decoded->size() > limit) return "field.too_long_" + std::to_string(limit);
    return {};
}

}  // namespace madoguchi::validation
