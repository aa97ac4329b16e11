#pragma once
// Importing the organisation (課室) from a CSV: code, parent_code, name_ja, name_en. A parent
// may come later in the file than its children; the plan writes parents first. All rows are
// checked before anything is written.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit_log.hpp"
#include "identity/division_store.hpp"
#include "identity/import_problem.hpp"

namespace madoguchi::server::identity {

struct DivisionChange {
    std::size_t line = 0;
    std::optional<Division> before;  // empty for a new division
    Division after;
};

struct DivisionImportPlan {
    std::vector<DivisionChange> changes;  // parents before their children
    std::size_t unchanged = 0;
    std::vector<ImportProblem> problems;  // by line; the plan may be written only when empty
};

store::Result<DivisionImportPlan> plan_division_import(store::Database& database, std::string_view csv_text);

// Writes the changes with a division.created / division.updated audit record each; run it
// inside a transaction.
store::Status apply_division_changes(store::Database& database, const std::vector<DivisionChange>& changes,
                                     const audit::Actor& actor);

}  // namespace madoguchi::server::identity
