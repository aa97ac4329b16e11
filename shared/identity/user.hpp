#pragma once
// A user account's own fields and their rules, shared by the command line, the import, the
// admin API and the client's admin view.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "identity/role.hpp"
#include "validation/field_problem.hpp"

namespace madoguchi::identity {

struct UserFields {
    std::string login;          // 2–64 of a–z 0–9 . _ - (lower case), starting with a letter or digit
    std::string name;           // 氏名: 1–100 characters, no control characters
    std::string name_kana;      // フリガナ: optional, at most 100, so staff are found by reading
    std::string division_code;  // a divisions.code: 1–32 of A–Z a–z 0–9 _ -
    std::vector<Role> roles;    // at least one
    std::string vendor_company; // required for the vendor role, at most 100; empty otherwise
    std::string email;          // optional, at most 254, one '@' with text on both sides
};

// reason keys: field.required, field.invalid_login, field.too_long_100, field.control_character,
// field.invalid_utf8, field.invalid_division_code, field.no_roles, field.vendor_company_required,
// field.invalid_email. At most one problem per field, in field order.
std::vector<validation::FieldProblem> validate(const UserFields& user);

// Logins are compared in lower case: "Suzuki" and "suzuki" are one account.
std::string normalise_login(std::string_view login);
bool is_valid_login(std::string_view login);
bool is_valid_division_code(std::string_view code);
// At most 254 bytes, one '@' with text on both sides, no spaces or control characters (also
// what keeps an address from breaking an e-mail's header lines).
bool is_plausible_email(std::string_view email);

// Passwords: 12–256 bytes of valid UTF-8 (a passphrase may be Japanese). reason keys:
// field.password_too_short, field.password_too_long, field.invalid_utf8.
std::vector<validation::FieldProblem> validate_password(std::string_view password);
inline constexpr std::size_t minimum_password_length = 12;

}  // namespace madoguchi::identity
