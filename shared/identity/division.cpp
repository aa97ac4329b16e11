#include "identity/division.hpp"

#include <algorithm>
#include <string>

#include "identity/user.hpp"
#include "validation/text_rules.hpp"

namespace madoguchi::identity {
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
    if (auto problem = validation::text_problem(name_ja, 100, true); !problem.empty()) problems.push_back({"name_ja", problem});
    if (auto problem = validation::text_problem(name_en, 100, false); !problem.empty()) problems.push_back({"name_en", problem});
    return problems;
}

}  // namespace madoguchi::identity
