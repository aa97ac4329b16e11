#pragma once
// The rules free-text fields share (names, addresses, notes), so that every form refuses the
// same text with the same words.
#include <cstddef>
#include <string>
#include <string_view>

namespace madoguchi::validation {

// The first problem as a catalog key, or empty when the text is fine, checked in this order:
// field.invalid_utf8, field.required (blank when required), field.control_character (newline
// and tab are allowed in multi-line text), field.too_long_<limit> (more than `limit` code
// points; the catalog holds a text per limit used).
std::string text_problem(std::string_view value, std::size_t limit, bool required, bool multiline = false);

}  // namespace madoguchi::validation
