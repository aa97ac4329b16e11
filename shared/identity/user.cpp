#include "identity/user.hpp"

#include <algorithm>

#include "text/utf8.hpp"
#include "validation/text_rules.hpp"

namespace madoguchi::identity {
namespace {

bool is_lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

bool is_code_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

}  // namespace

bool is_plausible_email(std::string_view email) {
    const auto at = email.find('@');
    return email.size() <= 254 && at != std::string_view::npos && at > 0 && at + 1 < email.size() &&
           email.find('@', at + 1) == std::string_view::npos &&
           std::none_of(email.begin(), email.end(), [](char c) { return c == ' ' || static_cast<unsigned char>(c) < 0x21; });
}

std::string normalise_login(std::string_view login) {
    std::string lowered(login);
    for (auto& c : lowered) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return lowered;
}

bool is_valid_login(std::string_view login) {
    return login.size() >= 2 && login.size() <= 64 && is_lower_alnum(login.front()) &&
           std::all_of(login.begin(), login.end(), [](char c) { return is_lower_alnum(c) || c == '.' || c == '_' || c == '-'; });
}

bool is_valid_division_code(std::string_view code) {
    return !code.empty() && code.size() <= 32 && std::all_of(code.begin(), code.end(), is_code_char);
}

std::vector<validation::FieldProblem> validate(const UserFields& user) {
    std::vector<validation::FieldProblem> problems;
    if (user.login.empty()) {
        problems.push_back({"login", "field.required"});
    } else if (!is_valid_login(user.login)) {
        problems.push_back({"login", "field.invalid_login"});
    }
    if (auto problem = validation::text_problem(user.name, 100, true); !problem.empty()) problems.push_back({"name", problem});
    if (auto problem = validation::text_problem(user.name_kana, 100, false); !problem.empty()) {
        problems.push_back({"name_kana", problem});
    }
    if (user.division_code.empty()) {
        problems.push_back({"division_code", "field.required"});
    } else if (!is_valid_division_code(user.division_code)) {
        problems.push_back({"division_code", "field.invalid_division_code"});
    }
    if (user.roles.empty()) problems.push_back({"roles", "field.no_roles"});
    if (auto problem = validation::text_problem(user.vendor_company, 100, has_role(user.roles, Role::vendor)); !problem.empty()) {
        problems.push_back({"vendor_company", problem == "field.required" ? "field.vendor_company_required" : problem});
    }
    if (!user.email.empty() && !is_plausible_email(user.email)) problems.push_back({"email", "field.invalid_email"});
    return problems;
}

std::vector<validation::FieldProblem> validate_password(std::string_view password) {
    if (!text::decode_utf8(password)) return {{"password", "field.invalid_utf8"}};
    if (password.size() < minimum_password_length) return {{"password", "field.password_too_short"}};
    if (password.size() > 256) return {{"password", "field.password_too_long"}};
    return {};
}

}  // namespace madoguchi::identity
