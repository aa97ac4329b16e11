#pragma once
// 利用規約 (terms of use), versioned per form (申請書): admins publish a new version as a whole
// text in Japanese and English; a request must accept the current version of its form, and
// the version accepted stays recorded on it.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "validation/field_problem.hpp"

namespace madoguchi::lending {

// The forms that carry terms: "loan_request" (貸出申請) now; the lost/stolen report and the
// extension request come with their forms.
std::span<const std::string_view> terms_forms();
bool is_terms_form(std::string_view form);

inline constexpr std::size_t terms_text_limit = 20000;

struct TermsText {
    std::string text_ja;  // required
    std::string text_en;  // may be empty (Japanese only)
};

// field.required, field.too_long_20000, field.invalid_utf8 under "text_ja" / "text_en".
std::vector<validation::FieldProblem> validate(const TermsText& text);

}  // namespace madoguchi::lending
