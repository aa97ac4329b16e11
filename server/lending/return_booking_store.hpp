#pragma once
// Table loan_return_bookings (返却予約): one booking per loan, at a counter and a slot; the
// desk's list of a day's bookings with the loans they bring back.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

struct ReturnBookingRow {
    std::int64_t request_id = 0;
    std::int64_t location_id = 0;
    std::string location_name;
    calendar::Instant slot_at;
    std::string booked_by;
    std::string booked_at;
    // The loan, for the desk's list.
    std::string request_number;
    std::string borrower_login;
    std::string borrower_name;
    std::string request_state;
    std::vector<std::string> asset_tags;
};

nlohmann::json to_json(const ReturnBookingRow& row);

store::Result<std::optional<ReturnBookingRow>> find_return_booking(store::Database& database, std::int64_t request_id);
// Books the loan's return, replacing an earlier booking.
store::Status save_return_booking(store::Database& database, const ReturnBookingRow& row);
// False when the loan had no booking.
store::Result<bool> delete_return_booking(store::Database& database, std::int64_t request_id);
// Bookings of loans other than `except` in the slot at the counter.
store::Result<int> bookings_in_slot(store::Database& database, std::int64_t location_id, calendar::Instant slot_at,
                                    std::int64_t except);
// Bookings at the counter (every counter when empty) with slots in [from, to), by slot.
store::Result<std::vector<ReturnBookingRow>> list_return_bookings(store::Database& database,
                                                                  std::optional<std::int64_t> location_id,
                                                                  calendar::Instant from, calendar::Instant to);

}  // namespace madoguchi::server::lending
