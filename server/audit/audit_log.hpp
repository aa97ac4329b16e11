#pragma once
// The audit trail (table audit_log): who changed which business object, when, from what to
// what. Call record() inside the transaction that makes the change, so the two stand or fall
// together.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace madoguchi::server::audit {

// There are no signed-in users yet (identity comes with issue 4): every change is by this actor.
inline constexpr const char* anonymous_actor = "anonymous";

struct AuditEntry {
    std::string actor;
    std::string action;       // "<object>.<verb>", e.g. "inquiry.created"
    std::string object_type;  // "inquiry"
    std::string object_id;
    std::optional<nlohmann::json> before;  // empty for a creation
    std::optional<nlohmann::json> after;   // empty for a deletion
};

// Writes one row stamped with the current UTC time.
store::Status record(store::Database& database, const AuditEntry& entry);

}  // namespace madoguchi::server::audit
