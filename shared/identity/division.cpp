#include "identity/division.hpp"

#include <algorithm>
#include <string>

#include "identity/user.hpp"
#include "text/utf8.hpp"

namespace madoguchi::identity {
namespace {

std::string name_problem(std::string_view value, bool required) {
    const auto decoded = text::decode_utf8(value);
    if (!decoded) return "field.invalid_utf8";
    if (required && std::all_of(decoded->begin(), decoded->end(), text::is_blank)) return "field.required";
    if (std::any_of(decoded->begin(), decoded->end(), text::is_control)) return "field.control_character";
    if (decoded->size() > 100) return "field.too_long_100";
    return {};
}

}  // namespace

std::vector<validation::FieldProblem> validate_division(std::string_view code, std::string_view parent_code,
                                                        std::string_view name_ja, std::string_view name_en) {
    std::vector<validation::FieldProblem> problems;
    if (code.empty()) {
        problems.push_back({"code", "field.required"});
    } else if (!is_valid_division_code(code)) {
        problems.push_back({"code", "field.invalid_division_code"});
    }
    if (!parent_code.empty() && !is_valid_division_code(parent_code)) {
        problems.push_back({"parent_code", "field.invalid_division_code"});
    }
    if (auto problem = name_problem(name_ja, true); !problem.empty()) problems.push_back({"name_ja", problem});
    if (auto problem = name_problem(name_en, false); !problem.empty()) problems.push_back({"name_en", problem});
    return problems;
}

}  // namespace madoguchi::identity
