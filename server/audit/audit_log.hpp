#pragma once
// The audit trail (table audit_log): who changed which business object, when, from what to
// what. Call record() inside the transaction that makes the change, so the two stand or fall
// together.
#include <nlohmann/json.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "calendar/tokyo_time.hpp"
#include "store/database.hpp"

namespace madoguchi::server::audit {

// Who made a change: a user's login (or "anonymous" for a failed sign-in attempt, or
// "system" for the server's own jobs), the roles held at the time, and where from.
struct Actor {
    std::string name;
    std::string roles;    // "staff,manager"
    std::string address;  // the request's source address; empty for the command line
};

inline const Actor system_actor{"system", "", ""};

struct AuditEntry {
    Actor actor;
    std::string action;       // "<object>.<verb>", e.g. "inquiry.created"
    std::string object_type;  // "inquiry"
    std::string object_id;
    std::optional<nlohmann::json> before;  // empty for a creation
    std::optional<nlohmann::json> after;   // empty for a deletion
};

// Writes one row stamped with the current UTC time, chained to the newest row (audit_chain.hpp;
// many rows in one transaction: audit_appender.hpp).
// Needs the caller's write transaction (Database::transaction): the chain's end is read in it.
store::Status record(store::Database& database, const AuditEntry& entry);
// The same, stamped with the given time: record() with now, tests with days they choose.
store::Status record_at(store::Database& database, const AuditEntry& entry, calendar::Instant at);

}  // namespace madoguchi::server::audit
