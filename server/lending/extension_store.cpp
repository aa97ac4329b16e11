#include "lending/extension_store.hpp"

#include "lending/holding_states.hpp"

namespace madoguchi::server::lending {
namespace {

constexpr std::string_view select_extensions =
    "SELECT id, request_id, requested_by, current_due, new_due, reason, state, decided_by, decided_at, "
    "decision_reason, created_at FROM loan_extensions";

calendar::Date date_of(const std::string& text) { return calendar::parse_date(text).value_or(calendar::Date{}); }

store::Result<std::vector<ExtensionRow>> collect(store::Statement& select) {
    std::vector<ExtensionRow> rows;
    while (true) {
        auto step = select.step();
        if (!step) return store::Error{step.error()};
        if (!step.value()) return rows;
        rows.push_back({select.column_int(0), select.column_int(1), select.column_text(2), date_of(select.column_text(3)),
                        date_of(select.column_text(4)), select.column_text(5), select.column_text(6),
                        select.column_text(7), select.column_text(8), select.column_text(9), select.column_text(10)});
    }
}

store::Status run(store::Statement& statement) {
    if (auto done = statement.step(); !done) return store::Error{done.error()};
    return store::success();
}

}  // namespace

nlohmann::json to_json(const ExtensionRow& row) {
    return {{"id", row.id},
            {"request_id", row.request_id},
            {"requested_by", row.requested_by},
            {"current_due", calendar::format_date(row.current_due)},
            {"due_date", calendar::format_date(row.new_due)},
            {"reason", row.reason},
            {"state", row.state},
            {"decided_by", row.decided_by},
            {"decided_at", row.decided_at},
            {"decision_reason", row.decision_reason},
            {"created_at", row.created_at}};
}

store::Result<std::int64_t> insert_extension(store::Database& database, const ExtensionRow& row) {
    auto insert = database.prepare(
        "INSERT INTO loan_extensions (request_id, requested_by, current_due, new_due, reason, state, created_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, 'requested', ?6)");
    if (!insert) return store::Error{insert.error()};
    insert.value()
        .bind(1, row.request_id)
        .bind(2, row.requested_by)
        .bind(3, calendar::format_date(row.current_due))
        .bind(4, calendar::format_date(row.new_due))
        .bind(5, row.reason)
        .bind(6, row.created_at);
    if (auto done = run(insert.value()); !done) return store::Error{done.error()};
    return database.last_insert_id();
}

store::Result<std::optional<ExtensionRow>> find_extension(store::Database& database, std::int64_t id) {
    auto select = database.prepare(std::string(select_extensions) + " WHERE id = ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, id);
    auto rows = collect(select.value());
    if (!rows) return store::Error{rows.error()};
    if (rows.value().empty()) return std::optional<ExtensionRow>();
    return std::optional<ExtensionRow>(rows.value().front());
}

store::Result<std::vector<ExtensionRow>> extensions_of(store::Database& database, std::int64_t request_id) {
    auto select = database.prepare(std::string(select_extensions) + " WHERE request_id = ?1 ORDER BY id");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, request_id);
    return collect(select.value());
}

store::Result<bool> decide_extension(store::Database& database, const ExtensionRow& decided) {
    auto update = database.prepare(
        "UPDATE loan_extensions SET state = ?2, decided_by = ?3, decided_at = ?4, decision_reason = ?5 "
        "WHERE id = ?1 AND state = 'requested'");
    if (!update) return store::Error{update.error()};
    update.value()
        .bind(1, decided.id)
        .bind(2, decided.state)
        .bind(3, decided.decided_by)
        .bind(4, decided.decided_at)
        .bind(5, decided.decision_reason);
    if (auto done = run(update.value()); !done) return store::Error{done.error()};
    return database.changes() == 1;
}

store::Status move_due_date(store::Database& database, std::int64_t request_id, const calendar::Date& due,
                            calendar::Instant now) {
    auto update = database.prepare(
        "UPDATE loan_requests SET due_date = ?2, version = version + 1, updated_at = ?3 WHERE id = ?1");
    if (!update) return store::Error{update.error()};
    update.value().bind(1, request_id).bind(2, calendar::format_date(due)).bind(3, calendar::format_iso8601_utc(now));
    return run(update.value());
}

store::Result<std::vector<madoguchi::lending::DeviceReservation>> reservations_after(store::Database& database,
                                                                                      std::int64_t request_id) {
    auto select = database.prepare(
        "SELECT other.start_date, other.due_date FROM loan_allocations mine "
        "JOIN loan_allocations theirs ON theirs.device_id = mine.device_id AND theirs.request_id <> mine.request_id "
        "JOIN loan_requests other ON other.id = theirs.request_id "
        "WHERE mine.request_id = ?1 AND other.state IN " + holding_states_sql());
    if (!select) return store::Error{select.error()};
    select.value().bind(1, request_id);
    std::vector<madoguchi::lending::DeviceReservation> reservations;
    while (true) {
        auto step = select.value().step();
        if (!step) return store::Error{step.error()};
        if (!step.value()) return reservations;
        reservations.push_back({date_of(select.value().column_text(0)), date_of(select.value().column_text(1))});
    }
}

}  // namespace madoguchi::server::lending
