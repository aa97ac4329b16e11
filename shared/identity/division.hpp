#pragma once
// 課室: the rules for a division's own fields, shared by the command line, the import and the
// admin views. Whether the parent exists is the store's business.
#include <string_view>
#include <vector>

#include "validation/field_problem.hpp"

namespace madoguchi::identity {

// code: a division code (is_valid_division_code); parent_code: empty or a division code;
// name_ja: 1–100 characters; name_en: at most 100. No control characters in names.
// reason keys: field.required, field.invalid_division_code, field.too_long_100,
// field.control_character, field.invalid_utf8. Fields: code, parent_code, name_ja, name_en.
std::vector<validation::FieldProblem> validate_division(std::string_view code, std::string_view parent_code,
                                                        std::string_view name_ja, std::string_view name_en);

}  // namespace madoguchi::identity
