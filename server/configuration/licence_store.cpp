#include "configuration/licence_store.hpp"

namespace madoguchi::server::configuration {
namespace {

namespace domain = madoguchi::configuration;

constexpr std::string_view select_assignments =
    "SELECT id, coalesce(user_login, ''), coalesce(device_id, 0), assigned_at, assigned_by, over_reason "
    "FROM licence_assignments";

std::optional<calendar::Date> date_of(const store::Statement& row, int column) {
    if (row.column_is_null(column)) return std::nullopt;
    return calendar::parse_date(row.column_text(column));
}

domain::LicenceAssignment read_assignment(const store::Statement& row) {
    return {row.column_int(0), row.column_text(1), row.column_int(2), row.column_text(3), row.column_text(4),
            row.column_text(5)};
}

}  // namespace

store::Result<std::optional<domain::Licence>> find_licence(store::Database& database, std::int64_t item_id) {
    auto select = database.prepare("SELECT seats, term_start, term_end, notes FROM licences WHERE item_id = ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, item_id);
    auto row = select.value().step();
    if (!row) return store::Error{row.error()};
    if (!row.value()) return std::optional<domain::Licence>();
    const auto& s = select.value();
    return std::optional<domain::Licence>(domain::Licence{s.column_int(0), date_of(s, 1), date_of(s, 2), s.column_text(3)});
}

store::Status put_licence(store::Database& database, std::int64_t item_id, const domain::Licence& licence) {
    auto upsert = database.prepare(
        "INSERT INTO licences (item_id, seats, term_start, term_end, notes) VALUES (?1, ?2, ?3, ?4, ?5) "
        "ON CONFLICT (item_id) DO UPDATE SET seats = excluded.seats, term_start = excluded.term_start, "
        "term_end = excluded.term_end, notes = excluded.notes");
    if (!upsert) return store::Error{upsert.error()};
    upsert.value().bind(1, item_id).bind(2, licence.seats).bind(5, licence.notes);
    // Unbound parameters are NULL: an open term.
    if (licence.term_start) upsert.value().bind(3, calendar::format_date(*licence.term_start));
    if (licence.term_end) upsert.value().bind(4, calendar::format_date(*licence.term_end));
    if (auto done = upsert.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

store::Result<std::vector<domain::LicenceAssignment>> list_assignments(store::Database& database, std::int64_t item_id) {
    auto select = database.prepare(std::string(select_assignments) + " WHERE item_id = ?1 ORDER BY id");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, item_id);
    std::vector<domain::LicenceAssignment> assignments;
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) return assignments;
        assignments.push_back(read_assignment(select.value()));
    }
}

store::Result<std::int64_t> count_assignments(store::Database& database, std::int64_t item_id) {
    auto select = database.prepare("SELECT count(*) FROM licence_assignments WHERE item_id = ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, item_id);
    auto row = select.value().step();
    if (!row) return store::Error{row.error()};
    return select.value().column_int(0);
}

store::Result<std::optional<domain::LicenceAssignment>> find_assignment(store::Database& database, std::int64_t item_id,
                                                                        std::int64_t assignment_id) {
    auto select = database.prepare(std::string(select_assignments) + " WHERE item_id = ?1 AND id = ?2");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, item_id).bind(2, assignment_id);
    auto row = select.value().step();
    if (!row) return store::Error{row.error()};
    if (!row.value()) return std::optional<domain::LicenceAssignment>();
    return std::optional<domain::LicenceAssignment>(read_assignment(select.value()));
}

store::Result<bool> holds_seat(store::Database& database, std::int64_t item_id, const std::string& user_login,
                               std::int64_t device_id) {
    auto select = database.prepare(
        "SELECT 1 FROM licence_assignments WHERE item_id = ?1 AND (user_login = ?2 OR device_id = ?3)");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, item_id).bind(2, user_login).bind(3, device_id);
    return select.value().step();
}

store::Result<std::int64_t> insert_assignment(store::Database& database, std::int64_t item_id,
                                              const domain::LicenceAssignment& assignment) {
    auto insert = database.prepare(
        "INSERT INTO licence_assignments (item_id, user_login, device_id, assigned_at, assigned_by, over_reason) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id");
    if (!insert) return store::Error{insert.error()};
    auto& statement = insert.value();
    statement.bind(1, item_id).bind(4, assignment.assigned_at).bind(5, assignment.assigned_by).bind(6, assignment.over_reason);
    // The one that is not given stays NULL (the table's CHECK wants exactly one).
    if (!assignment.user_login.empty()) statement.bind(2, assignment.user_login);
    if (assignment.device_id != 0) statement.bind(3, assignment.device_id);
    auto row = statement.step();
    if (!row) return store::Error{row.error()};
    return statement.column_int(0);
}

store::Status delete_assignment(store::Database& database, std::int64_t assignment_id) {
    auto remove = database.prepare("DELETE FROM licence_assignments WHERE id = ?1");
    if (!remove) return store::Error{remove.error()};
    remove.value().bind(1, assignment_id);
    if (auto done = remove.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

}  // namespace madoguchi::server::configuration
