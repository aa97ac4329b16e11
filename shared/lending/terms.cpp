#include "lending/terms.hpp"

#include <algorithm>
#include <array>

#include "validation/text_rules.hpp"

namespace madoguchi::lending {
namespace {

constexpr std::array<std::string_view, 1> forms{"loan_request"};

}  // namespace

std::span<const std::string_view> terms_forms() { return forms; }

bool is_terms_form(std::string_view form) { return std::find(forms.begin(), forms.end(), form) != forms.end(); }

std::vector<validation::FieldProblem> validate(const TermsText& text) {
    std::vector<validation::FieldProblem> problems;
    if (auto problem = validation::text_problem(text.text_ja, terms_text_limit, true, true); !problem.empty()) {
        problems.push_back({"text_ja", problem});
    }
    if (auto problem = validation::text_problem(text.text_en, terms_text_limit, false, true); !problem.empty()) {
        problems.push_back({"text_en", problem});
    }
    return problems;
}

}  // namespace madoguchi::lending
