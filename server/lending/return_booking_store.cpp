#include "lending/return_booking_store.hpp"

#include <sstream>

namespace madoguchi::server::lending {
namespace {

// Tags of the loan's devices, comma-separated in tag order (group_concat keeps no order of its own).
constexpr std::string_view select_bookings =
    "SELECT b.request_id, b.location_id, coalesce(trim(l.building || ' ' || l.floor || ' ' || l.room), ''), b.slot_at, "
    "b.booked_by, b.booked_at, r.number, r.requester_login, coalesce(u.name, ''), r.state, "
    "coalesce((SELECT group_concat(asset_tag, ',') FROM (SELECT d.asset_tag FROM loan_allocations a "
    "JOIN devices d ON d.id = a.device_id WHERE a.request_id = r.id ORDER BY d.asset_tag)), '') "
    "FROM loan_return_bookings b JOIN loan_requests r ON r.id = b.request_id "
    "LEFT JOIN locations l ON l.id = b.location_id LEFT JOIN users u ON u.login = r.requester_login";

std::vector<std::string> split_tags(const std::string& text) {
    std::vector<std::string> tags;
    std::stringstream stream(text);
    for (std::string tag; std::getline(stream, tag, ',');) {
        if (!tag.empty()) tags.push_back(tag);
    }
    return tags;
}

ReturnBookingRow read_row(const store::Statement& s) {
    ReturnBookingRow row;
    row.request_id = s.column_int(0);
    row.location_id = s.column_int(1);
    row.location_name = s.column_text(2);
    row.slot_at = calendar::parse_iso8601(s.column_text(3)).instant.value_or(calendar::Instant{});
    row.booked_by = s.column_text(4);
    row.booked_at = s.column_text(5);
    row.request_number = s.column_text(6);
    row.borrower_login = s.column_text(7);
    row.borrower_name = s.column_text(8);
    row.request_state = s.column_text(9);
    row.asset_tags = split_tags(s.column_text(10));
    return row;
}

}  // namespace

nlohmann::json to_json(const ReturnBookingRow& row) {
    return {{"request_id", row.request_id},
            {"request_number", row.request_number},
            {"request_state", row.request_state},
            {"borrower", {{"login", row.borrower_login}, {"name", row.borrower_name}}},
            {"asset_tags", row.asset_tags},
            {"counter", {{"id", row.location_id}, {"name", row.location_name}}},
            {"slot_at", calendar::format_iso8601_utc(row.slot_at)},
            {"booked_by", row.booked_by},
            {"booked_at", row.booked_at}};
}

store::Result<std::optional<ReturnBookingRow>> find_return_booking(store::Database& database, std::int64_t request_id) {
    auto select = database.prepare(std::string(select_bookings) + " WHERE b.request_id = ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, request_id);
    auto step = select.value().step();
    if (!step) return store::Error{step.error()};
    if (!step.value()) return std::optional<ReturnBookingRow>();
    return std::optional<ReturnBookingRow>(read_row(select.value()));
}

store::Status save_return_booking(store::Database& database, const ReturnBookingRow& row) {
    auto upsert = database.prepare(
        "INSERT INTO loan_return_bookings (request_id, location_id, slot_at, booked_by, booked_at) VALUES (?1, ?2, ?3, ?4, ?5) "
        "ON CONFLICT (request_id) DO UPDATE SET location_id = excluded.location_id, slot_at = excluded.slot_at, "
        "booked_by = excluded.booked_by, booked_at = excluded.booked_at");
    if (!upsert) return store::Error{upsert.error()};
    upsert.value()
        .bind(1, row.request_id)
        .bind(2, row.location_id)
        .bind(3, calendar::format_iso8601_utc(row.slot_at))
        .bind(4, row.booked_by)
        .bind(5, row.booked_at);
    if (auto done = upsert.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

store::Result<bool> delete_return_booking(store::Database& database, std::int64_t request_id) {
    auto remove = database.prepare("DELETE FROM loan_return_bookings WHERE request_id = ?1");
    if (!remove) return store::Error{remove.error()};
    remove.value().bind(1, request_id);
    if (auto done = remove.value().step(); !done) return store::Error{done.error()};
    return database.changes() == 1;
}

store::Result<int> bookings_in_slot(store::Database& database, std::int64_t location_id, calendar::Instant slot_at,
                                    std::int64_t except) {
    // Only loans still out take a place: a booking kept after its return is history.
    auto select = database.prepare(
        "SELECT count(*) FROM loan_return_bookings b JOIN loan_requests r ON r.id = b.request_id "
        "WHERE b.location_id = ?1 AND b.slot_at = ?2 AND b.request_id <> ?3 AND r.state = 'on_loan'");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, location_id).bind(2, calendar::format_iso8601_utc(slot_at)).bind(3, except);
    if (auto step = select.value().step(); !step) return store::Error{step.error()};
    return static_cast<int>(select.value().column_int(0));
}

store::Result<std::vector<ReturnBookingRow>> list_return_bookings(store::Database& database,
                                                                  std::optional<std::int64_t> location_id,
                                                                  calendar::Instant from, calendar::Instant to) {
    auto select = database.prepare(std::string(select_bookings) +
                                   " WHERE (?1 IS NULL OR b.location_id = ?1) AND b.slot_at >= ?2 AND b.slot_at < ?3 "
                                   "ORDER BY b.slot_at, r.number");
    if (!select) return store::Error{select.error()};
    if (location_id) select.value().bind(1, *location_id);
    select.value().bind(2, calendar::format_iso8601_utc(from)).bind(3, calendar::format_iso8601_utc(to));
    std::vector<ReturnBookingRow> rows;
    while (true) {
        auto step = select.value().step();
        if (!step) return store::Error{step.error()};
        if (!step.value()) return rows;
        rows.push_back(read_row(select.value()));
    }
}

}  // namespace madoguchi::server::lending
