#pragma once
// User accounts and their roles (tables users, user_roles). Callers run these inside their
// own transaction together with the audit record of the change.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "identity/user.hpp"
#include "store/database.hpp"

namespace madoguchi::server::identity {

using madoguchi::identity::Role;
using madoguchi::identity::UserFields;

struct UserRecord {
    std::int64_t id = 0;
    UserFields fields;
    bool disabled = false;
    bool has_password = false;
    std::string created_at;
    std::string updated_at;
    std::string staff_card;  // 職員証 number read at the lending counter; empty while none is issued
};

// The user as the API shows it; never the password hash.
nlohmann::json to_json(const UserRecord& user);

store::Result<std::optional<UserRecord>> find_user(store::Database& database, std::int64_t id);
// By login, compared in lower case.
store::Result<std::optional<UserRecord>> find_user_by_login(store::Database& database, std::string_view login);
store::Result<std::optional<UserRecord>> find_user_by_staff_card(store::Database& database, std::string_view card);
// Issues the card number (empty: withdraws it); false when another user holds it.
store::Result<bool> set_staff_card(store::Database& database, std::int64_t id, const std::string& card);
// The stored Argon2id string; empty when the account has no password.
store::Result<std::string> password_hash_of(store::Database& database, std::int64_t id);

// Inserts the account and its roles; the fields must have passed validate() and the division
// must exist (the foreign key refuses it otherwise). Returns the new id.
store::Result<std::int64_t> insert_user(store::Database& database, const UserFields& fields,
                                        const std::optional<std::string>& password_hash, calendar::Instant now);
// Replaces every field but the login, and the roles.
store::Status update_user(store::Database& database, std::int64_t id, const UserFields& fields, calendar::Instant now);
store::Status set_password_hash(store::Database& database, std::int64_t id, const std::string& hash,
                                calendar::Instant now);
store::Status set_disabled(store::Database& database, std::int64_t id, bool disabled, calendar::Instant now);

struct UserQuery {
    std::string text;           // part of the login or the name; empty: all
    std::optional<Role> role;   // holding this role
    std::string division_code;  // in this division (not its children); empty: all
    std::optional<bool> disabled;
    int limit = 50;
    int offset = 0;
};

struct UserPage {
    std::vector<UserRecord> users;  // ordered by login
    std::int64_t total = 0;         // matching the query, ignoring limit and offset
};

store::Result<UserPage> list_users(store::Database& database, const UserQuery& query);

// How many enabled accounts hold the role (the last admin must not lock everyone out).
store::Result<std::int64_t> count_enabled_with_role(store::Database& database, Role role);

}  // namespace madoguchi::server::identity

namespace madoguchi::server::identity {

// Every account with its roles, ordered by login, in two queries (an import compares
// thousands of rows against them).
store::Result<std::vector<UserRecord>> all_users(store::Database& database);

// Inserts and updates many accounts with statements prepared once, for imports. Same rules
// as insert_user/update_user; new accounts get no password.
class UserBatch {
public:
    static store::Result<UserBatch> prepare(store::Database& database);

    store::Result<std::int64_t> insert(const UserFields& fields, calendar::Instant now);
    store::Status update(std::int64_t id, const UserFields& fields, calendar::Instant now);

private:
    UserBatch(store::Statement insert, store::Statement update, store::Statement clear_roles, store::Statement add_role);
    store::Status replace_roles(std::int64_t id, const std::vector<Role>& roles);

    store::Statement insert_;
    store::Statement update_;
    store::Statement clear_roles_;
    store::Statement add_role_;
};

}  // namespace madoguchi::server::identity
