#include "identity/user_changes.hpp"

#include "identity/division_store.hpp"

namespace madoguchi::server::identity {

void apply_body(http::BodyReader& body, UserFields& fields, bool creating, std::vector<std::string>& unknown_roles) {
    if (creating) fields.login = madoguchi::identity::normalise_login(body.string("login"));
    if (auto name = body.optional_string("name")) fields.name = *name;
    if (auto kana = body.optional_string("name_kana")) fields.name_kana = *kana;
    if (auto division = body.optional_string("division_code")) fields.division_code = *division;
    if (auto company = body.optional_string("vendor_company")) fields.vendor_company = *company;
    if (auto email = body.optional_string("email")) fields.email = *email;
    if (auto names = body.optional_strings("roles")) {
        fields.roles.clear();
        for (const auto role : madoguchi::identity::all_roles()) {
            if (std::find(names->begin(), names->end(), madoguchi::identity::role_name(role)) != names->end()) {
                fields.roles.push_back(role);
            }
        }
        for (const auto& name : *names) {
            if (!madoguchi::identity::parse_role(name)) unknown_roles.push_back(name);
        }
    }
}

store::Result<std::optional<api::ApiError>> check_user(store::Database& database, const UserFields& fields,
                                                       std::optional<std::int64_t> existing_id) {
    auto error = api::make_error("validation_failed");
    for (const auto& problem : madoguchi::identity::validate(fields)) api::add_field(error, problem.field, problem.reason_key);
    if (!error.fields.contains("division_code")) {
        auto division = find_division(database, fields.division_code);
        if (!division) return store::Error{division.error()};
        if (!division.value()) api::add_field(error, "division_code", "field.unknown_division");
    }
    if (!existing_id && !error.fields.contains("login")) {
        auto taken = find_user_by_login(database, fields.login);
        if (!taken) return store::Error{taken.error()};
        if (taken.value()) api::add_field(error, "login", "field.login_taken");
    }
    if (error.fields.empty()) return std::optional<api::ApiError>();
    return std::optional<api::ApiError>(error);
}

store::Result<bool> removes_last_admin(store::Database& database, const UserRecord& before, const UserFields& after,
                                       bool disabled_after) {
    const bool was_admin = !before.disabled && madoguchi::identity::has_role(before.fields.roles, Role::admin);
    const bool stays_admin = !disabled_after && madoguchi::identity::has_role(after.roles, Role::admin);
    if (!was_admin || stays_admin) return false;
    auto admins = count_enabled_with_role(database, Role::admin);
    if (!admins) return store::Error{admins.error()};
    return admins.value() <= 1;
}

}  // namespace madoguchi::server::identity
