#pragma once
// An export of the audit trail for auditors: the CSV of a period's records. Exports are
// audited: the export appends its own record ("audit.exported") in the transaction that read
// the records, so what was handed out and the note of it agree.
#include <string>

#include "audit/audit_log.hpp"
#include "calendar/civil_date.hpp"
#include "store/database.hpp"

namespace madoguchi::server::audit {

struct Export {
    std::string csv;
    std::int64_t records = 0;
};

// The records from `from` to `to` (Asia/Tokyo days, inclusive) as CSV (audit_csv.hpp).
store::Result<Export> export_records(store::Database& database, const calendar::Date& from, const calendar::Date& to,
                                     const Actor& actor);

// "audit-2026-11-01-2026-11-30.csv"
std::string export_file_name(const calendar::Date& from, const calendar::Date& to);

}  // namespace madoguchi::server::audit
