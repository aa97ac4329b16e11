#pragma once
// Inquiries in the database (table inquiries).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "store/database.hpp"
#include "tickets/inquiry.hpp"

namespace madoguchi::server::tickets {

struct StoredInquiry {
    std::int64_t id = 0;
    std::string number;  // INQ-2026-000001
    madoguchi::tickets::Inquiry inquiry;
    std::string status;       // "received" for now; the ticket workflow comes later
    std::string received_at;  // UTC ISO 8601
};

// {"id", "number", the six fields, "status", "received_at"}.
nlohmann::json to_json(const StoredInquiry& stored);

// "INQ-2026-000001": the year of `received` in Asia/Tokyo and the next sequence number of
// that year. Call inside a transaction, so two inserts never take the same number.
store::Result<StoredInquiry> insert_inquiry(store::Database& database, const madoguchi::tickets::Inquiry& inquiry,
                                            calendar::Instant received);
store::Result<std::optional<StoredInquiry>> find_inquiry(store::Database& database, std::int64_t id);
// Newest first.
store::Result<std::vector<StoredInquiry>> list_inquiries(store::Database& database, std::int64_t limit,
                                                         std::int64_t offset);
store::Result<std::int64_t> count_inquiries(store::Database& database);

}  // namespace madoguchi::server::tickets
