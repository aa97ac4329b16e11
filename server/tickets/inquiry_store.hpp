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
    std::optional<std::int64_t> requester_user_id;  // empty for inquiries from before sign-in
};

// Whose inquiries a reader may see (object-level access on top of the route's roles).
struct Visibility {
    bool everything = false;                 // desk, IT office, auditors, admins
    std::int64_t user_id = 0;                // one's own inquiries
    std::optional<std::string> division;     // a manager's: everyone's in that division
};

// {"id", "number", the six fields, "status", "received_at"}.
nlohmann::json to_json(const StoredInquiry& stored);

// "INQ-2026-000001": the year of `received` in Asia/Tokyo and the next sequence number of
// that year. Call inside a transaction, so two inserts never take the same number.
store::Result<StoredInquiry> insert_inquiry(store::Database& database, const madoguchi::tickets::Inquiry& inquiry,
                                            calendar::Instant received, std::int64_t requester_user_id);
// Empty when there is none or it is outside `visibility`.
store::Result<std::optional<StoredInquiry>> find_inquiry(store::Database& database, std::int64_t id,
                                                         const Visibility& visibility);
// Newest first.
store::Result<std::vector<StoredInquiry>> list_inquiries(store::Database& database, const Visibility& visibility,
                                                         std::int64_t limit, std::int64_t offset);
store::Result<std::int64_t> count_inquiries(store::Database& database, const Visibility& visibility);

}  // namespace madoguchi::server::tickets
