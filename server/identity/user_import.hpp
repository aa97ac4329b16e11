#pragma once
// Importing accounts from a CSV (the personnel system's export): a plan first, checked row
// by row against the rules and the database, then written all at once or not at all.
// New logins are added without a password; existing ones are updated; accounts absent from
// the file are left alone.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit_log.hpp"
#include "identity/import_problem.hpp"
#include "identity/user_store.hpp"

namespace madoguchi::server::identity {

// Columns of the header row, in any order.
inline constexpr std::string_view user_import_required_columns[] = {"login", "name", "division_code", "roles"};
inline constexpr std::string_view user_import_optional_columns[] = {"name_kana", "email", "vendor_company"};

struct ImportedUser {
    std::size_t line = 0;
    UserFields fields;
};

struct UpdatedUser {
    std::size_t line = 0;
    UserRecord before;
    UserFields after;
};

struct UserImportPlan {
    std::vector<ImportedUser> added;
    std::vector<UpdatedUser> updated;
    std::size_t unchanged = 0;
    std::vector<ImportProblem> problems;  // by line; the plan may be written only when empty
};

// Reads the CSV (UTF-8) and compares every row with the database. Writes nothing.
store::Result<UserImportPlan> plan_user_import(store::Database& database, std::string_view csv_text);

// Writes a plan without problems, with one audit record per added or changed account and
// one "user.imported" summary naming `source`; run it inside a transaction. `progress`
// (may be empty) hears how many of the changes are written, now and then.
store::Status apply_user_import(store::Database& database, const UserImportPlan& plan, const audit::Actor& actor,
                                const std::string& source,
                                const std::function<void(std::size_t written, std::size_t total)>& progress);

}  // namespace madoguchi::server::identity
