#pragma once
// The audit trail from outside the server, as an auditor or a tamperer would reach it: records
// appended at chosen times, SQL run over a separate connection (triggers dropped first when
// tampering), and the madoguchi audit command run as a program.
#include <cstdint>
#include <filesystem>
#include <string>

#include "audit/audit_log.hpp"
#include "store/database.hpp"
#include "server_test_support.hpp"

namespace madoguchi::testing {

// A migrated database file in `folder`.
std::filesystem::path fresh_database(const std::filesystem::path& folder);

// Appends one record at `occurred_at` ("2026-11-25T15:30:00Z") through audit::record_at.
void append_record_at(const std::filesystem::path& database, const std::string& occurred_at,
                      const server::audit::AuditEntry& entry);
// Appends `count` records "test.event" with object ids 1, 2, … at the current time.
void append_records(const std::filesystem::path& database, int count);

// Runs statements over a separate connection as they are (the triggers still in force).
server::store::Status run_sql(const std::filesystem::path& database, const std::string& sql);
// Drops the append-only triggers, then runs the statements: what someone with the file can do.
void tamper(const std::filesystem::path& database, const std::string& sql);

// The hash of record `id`.
std::string stored_hash(const std::filesystem::path& database, std::int64_t id);

}  // namespace madoguchi::testing
