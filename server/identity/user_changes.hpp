#pragma once
// Reading a user from an API body, and the rules an admin's change must keep: the division
// exists, the login is free, and the last enabled admin keeps the role.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>

#include "api/api_error.hpp"
#include "http/body_reader.hpp"
#include "identity/user_store.hpp"

namespace madoguchi::server::identity {

// Applies the members present in the body (name, division_code, roles, vendor_company,
// email; login only when `creating`) onto `fields`; type problems and unknown roles noted.
void apply_body(http::BodyReader& body, UserFields& fields, bool creating, std::vector<std::string>& unknown_roles);

// 422 validation_failed with every problem, or empty when the change may be stored.
store::Result<std::optional<api::ApiError>> check_user(store::Database& database, const UserFields& fields,
                                                       std::optional<std::int64_t> existing_id);

// Would this change leave no enabled admin? (the change: new roles and disabled flag of `id`)
store::Result<bool> removes_last_admin(store::Database& database, const UserRecord& before, const UserFields& after,
                                       bool disabled_after);

}  // namespace madoguchi::server::identity
