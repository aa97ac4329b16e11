#pragma once
// Appends records to the audit trail's hash chain. It reads the chain's end once and keeps it,
// with one prepared INSERT, so a bulk write (a ledger import of 40,000 devices) does not read
// back the previous record for every new one. record() is an appender of one record.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "audit/audit_chain.hpp"
#include "audit/audit_log.hpp"
#include "store/database.hpp"

namespace madoguchi::server::audit {

// A record whose before and after are JSON text already: bulk writers build that text
// directly, without a json object per record. Stored as given.
struct SerializedEntry {
    const Actor& actor;
    std::string_view action;
    std::string_view object_type;
    std::string object_id;
    std::optional<std::string> before_json;  // empty for a creation
    std::optional<std::string> after_json;   // empty for a deletion
};

class Appender {
public:
    // Inside the caller's write transaction; while this appender is in use nothing else may
    // append (its kept end would be stale: the next id then collides and the INSERT fails).
    static store::Result<Appender> open(store::Database& database);

    // The record joins the chain at its end, stamped `at`; its id.
    store::Result<std::int64_t> append(const AuditEntry& entry, calendar::Instant at);
    store::Result<std::int64_t> append(SerializedEntry entry, calendar::Instant at);

private:
    Appender(store::Database& database, store::Statement insert, ChainEnd end)
        : database_(&database), insert_(std::move(insert)), end_(std::move(end)) {}

    store::Database* database_;
    store::Statement insert_;
    ChainEnd end_;
};

}  // namespace madoguchi::server::audit
