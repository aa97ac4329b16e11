#pragma once
// Walks the audit trail's hash chain from the first record to the last and names the first
// record where it breaks.
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace madoguchi::server::audit {

struct BrokenLink {
    std::int64_t id = 0;
    std::string occurred_at;
    // "hash_missing", "ids_not_consecutive", "prev_hash_mismatch" or "hash_mismatch": the
    // first that applies, in that order.
    std::string reason;
    // Every problem of this record, for a person: "content changed: …; …".
    std::string detail;
};

struct ChainReport {
    std::int64_t records = 0;
    std::string last_hash;  // of the newest record; empty for an empty trail
    std::optional<BrokenLink> first_broken;

    bool intact() const { return !first_broken; }
};

// One read of the whole table (a consistent snapshot in WAL mode; writers are not held up).
store::Result<ChainReport> verify_chain(store::Database& database);

}  // namespace madoguchi::server::audit
