#pragma once
// Reading the audit trail: a filtered page, newest first (the API), and every record of a
// period in id order (the export).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_chain.hpp"
#include "calendar/civil_date.hpp"
#include "store/database.hpp"

namespace madoguchi::server::audit {

// Days in Asia/Tokyo, both ends inclusive; an empty end is open.
struct TokyoDays {
    std::optional<calendar::Date> from;
    std::optional<calendar::Date> to;
};

struct RecordFilter {
    TokyoDays days;
    std::string actor;        // exact; empty: any
    std::string action;       // exact, or a prefix when it ends with '.' ("session."); empty: any
    std::string object_type;  // exact; empty: any
    std::string object_id;    // exact; empty: any
    std::int64_t limit = 50;
    std::int64_t offset = 0;
};

struct RecordPage {
    std::vector<StoredRecord> records;
    std::int64_t total = 0;  // records matching the filter, all pages
};

store::Result<RecordPage> find_records(store::Database& database, const RecordFilter& filter);

// Every record from the first day to the last (Tokyo), oldest first.
store::Result<std::vector<StoredRecord>> records_between(store::Database& database, const calendar::Date& from,
                                                         const calendar::Date& to);

}  // namespace madoguchi::server::audit
