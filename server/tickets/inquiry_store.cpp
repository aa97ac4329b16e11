#include "tickets/inquiry_store.hpp"

#include <cstdio>

namespace madoguchi::server::tickets {
namespace {

constexpr const char* columns =
    "id, number, requester_name, division, contact, category, subject, body, status, received_at, requester_user_id";

// ?101: everything (1/0), ?102: the reader's user id, ?103: a manager's division or NULL.
constexpr const char* visible =
    "(?101 = 1 OR requester_user_id = ?102 OR (?103 IS NOT NULL AND requester_user_id IN "
    "(SELECT id FROM users WHERE division_code = ?103)))";

void bind_visibility(store::Statement& statement, const Visibility& visibility) {
    statement.bind(101, std::int64_t{visibility.everything ? 1 : 0}).bind(102, visibility.user_id);
    if (visibility.division) statement.bind(103, *visibility.division);
}

StoredInquiry read_row(const store::Statement& row) {
    return StoredInquiry{row.column_int(0),
                         row.column_text(1),
                         {row.column_text(2), row.column_text(3), row.column_text(4), row.column_text(5),
                          row.column_text(6), row.column_text(7)},
                         row.column_text(8),
                         row.column_text(9),
                         row.column_is_null(10) ? std::nullopt : std::optional<std::int64_t>(row.column_int(10))};
}

std::string format_number(int year, std::int64_t sequence) {
    char number[32];
    std::snprintf(number, sizeof number, "INQ-%04d-%06lld", year, static_cast<long long>(sequence));
    return number;
}

}  // namespace

nlohmann::json to_json(const StoredInquiry& stored) {
    auto object = madoguchi::tickets::to_json(stored.inquiry);
    object["id"] = stored.id;
    object["number"] = stored.number;
    object["status"] = stored.status;
    object["received_at"] = stored.received_at;
    return object;
}

store::Result<StoredInquiry> insert_inquiry(store::Database& database, const madoguchi::tickets::Inquiry& inquiry,
                                            calendar::Instant received, std::int64_t requester_user_id) {
    const int year = calendar::to_tokyo(received).date.year;
    auto next = database.prepare("SELECT coalesce(max(number_sequence), 0) + 1 FROM inquiries WHERE number_year = ?1");
    if (!next) return store::Error{next.error()};
    next.value().bind(1, std::int64_t{year});
    auto row = next.value().step();
    if (!row) return store::Error{row.error()};
    const auto sequence = next.value().column_int(0);

    StoredInquiry stored{0, format_number(year, sequence), inquiry, "received",
                         calendar::format_iso8601_utc(received), requester_user_id};
    auto insert = database.prepare(
        "INSERT INTO inquiries (number, number_year, number_sequence, requester_name, division, contact, "
        "category, subject, body, status, received_at, requester_user_id) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
        "RETURNING id");
    if (!insert) return store::Error{insert.error()};
    insert.value()
        .bind(1, stored.number)
        .bind(2, std::int64_t{year})
        .bind(3, sequence)
        .bind(4, inquiry.requester_name)
        .bind(5, inquiry.division)
        .bind(6, inquiry.contact)
        .bind(7, inquiry.category)
        .bind(8, inquiry.subject)
        .bind(9, inquiry.body)
        .bind(10, stored.status)
        .bind(11, stored.received_at)
        .bind(12, requester_user_id);
    auto inserted = insert.value().step();
    if (!inserted) return store::Error{inserted.error()};
    stored.id = insert.value().column_int(0);
    // Finish the statement, so the insert is complete before the caller goes on.
    if (auto done = insert.value().step(); !done) return store::Error{done.error()};
    return stored;
}

store::Result<std::optional<StoredInquiry>> find_inquiry(store::Database& database, std::int64_t id,
                                                         const Visibility& visibility) {
    auto select =
        database.prepare(std::string("SELECT ") + columns + " FROM inquiries WHERE id = ?1 AND " + visible);
    if (!select) return store::Error{select.error()};
    select.value().bind(1, id);
    bind_visibility(select.value(), visibility);
    auto row = select.value().step();
    if (!row) return store::Error{row.error()};
    if (!row.value()) return std::optional<StoredInquiry>();
    return std::optional<StoredInquiry>(read_row(select.value()));
}

store::Result<std::vector<StoredInquiry>> list_inquiries(store::Database& database, const Visibility& visibility,
                                                         std::int64_t limit, std::int64_t offset) {
    // Ids grow with time, so the newest first is the highest id first.
    auto select = database.prepare(std::string("SELECT ") + columns + " FROM inquiries WHERE " + visible +
                                   " ORDER BY id DESC LIMIT ?1 OFFSET ?2");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, limit).bind(2, offset);
    bind_visibility(select.value(), visibility);
    std::vector<StoredInquiry> inquiries;
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        inquiries.push_back(read_row(select.value()));
    }
    return inquiries;
}

store::Result<std::int64_t> count_inquiries(store::Database& database, const Visibility& visibility) {
    auto count = database.prepare(std::string("SELECT count(*) FROM inquiries WHERE ") + visible);
    if (!count) return store::Error{count.error()};
    bind_visibility(count.value(), visibility);
    if (auto row = count.value().step(); !row) return store::Error{row.error()};
    return count.value().column_int(0);
}

}  // namespace madoguchi::server::tickets
