#pragma once
// The audit trail's hash chain. Each record's hash is the SHA-256 of the previous record's hash
// and an unambiguous encoding of every column the record stores, so changing a record's
// content, removing a record or slipping one in breaks the chain at that point. (Whoever can
// rewrite the whole tail of the file can forge a new tail: auditors anchor it by writing down
// the last hash that verify prints.)
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/database.hpp"

namespace madoguchi::server::audit {

// The prev_hash of the first record.
inline constexpr std::string_view genesis_hash = "0000000000000000000000000000000000000000000000000000000000000000";

// One row of audit_log as stored; the nullable columns are optionals, so NULL and '' differ.
struct StoredRecord {
    std::int64_t id = 0;
    std::string occurred_at;  // UTC ISO 8601, "2026-11-25T15:30:00Z"
    std::string actor;
    std::string actor_roles;
    std::string source_address;
    std::string action;
    std::string object_type;
    std::string object_id;
    std::optional<std::string> before_json;
    std::optional<std::string> after_json;
    std::optional<std::string> prev_hash;
    std::optional<std::string> hash;
};

// Every reader's SELECT (a WHERE or ORDER BY follows), in StoredRecord's order, for read_record().
inline constexpr std::string_view select_records =
    "SELECT id, occurred_at, actor, actor_roles, source_address, action, object_type, object_id, before_json, "
    "after_json, prev_hash, hash FROM audit_log";
StoredRecord read_record(const store::Statement& row);

// SHA-256 (lowercase hex) of prev_hash and the record's columns (its own prev_hash and hash
// excluded). Each value is written as its length and bytes, NULL as a distinct marker.
std::string record_hash(std::string_view prev_hash, const StoredRecord& record);

// Where the next record joins the chain.
struct ChainEnd {
    std::int64_t id = 0;      // of the newest record; 0 for an empty trail
    std::string occurred_at;  // of the newest record; empty for an empty trail
    std::string hash;         // of the newest record, or genesis_hash for an empty trail
};

// The newest record's place; call inside the write transaction so no other writer slips in
// between.
store::Result<ChainEnd> chain_end(store::Database& database);

// Migration 6's step: chains the records written before the chain existed, in id order.
store::Status chain_unhashed_records(store::Database& database);

}  // namespace madoguchi::server::audit
