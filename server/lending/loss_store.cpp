#include "lending/loss_store.hpp"

#include "lending/holding_states.hpp"
#include "lending/loan_request.hpp"

namespace madoguchi::server::lending {
namespace {

namespace domain = madoguchi::lending;

constexpr std::string_view select_reports =
    "SELECT x.id, x.device_id, x.asset_tag, x.class, x.request_id, r.number, x.borrower_login, x.kind, x.occurred_at, "
    "x.place, x.circumstances, x.remote_wipe_requested, x.ticket_id, t.number, x.replacement_request_id, "
    "coalesce(n.number, ''), x.reported_by, x.version, x.created_at, x.updated_at "
    "FROM loan_loss_reports x JOIN loan_requests r ON r.id = x.request_id JOIN tickets t ON t.id = x.ticket_id "
    "LEFT JOIN loan_requests n ON n.id = x.replacement_request_id";

LossReportRow read_row(const store::Statement& s) {
    LossReportRow row;
    row.id = s.column_int(0);
    row.device_id = s.column_int(1);
    row.asset_tag = s.column_text(2);
    row.class_code = s.column_text(3);
    row.request_id = s.column_int(4);
    row.request_number = s.column_text(5);
    row.borrower_login = s.column_text(6);
    row.kind = domain::parse_loss_kind(s.column_text(7)).value_or(domain::LossKind::lost);
    row.occurred_at = s.column_text(8);
    row.place = s.column_text(9);
    row.circumstances = s.column_text(10);
    row.remote_wipe_requested = s.column_int(11) == 1;
    row.ticket_id = s.column_int(12);
    row.ticket_number = s.column_text(13);
    if (!s.column_is_null(14)) row.replacement_request_id = s.column_int(14);
    row.replacement_number = s.column_text(15);
    row.reported_by = s.column_text(16);
    row.version = s.column_int(17);
    row.created_at = s.column_text(18);
    row.updated_at = s.column_text(19);
    return row;
}

store::Result<std::vector<LossReportRow>> read_all(store::Statement& select) {
    std::vector<LossReportRow> rows;
    while (true) {
        auto step = select.step();
        if (!step) return store::Error{step.error()};
        if (!step.value()) return rows;
        rows.push_back(read_row(select));
    }
}

}  // namespace

nlohmann::json to_json(const LossReportRow& row) {
    nlohmann::json replacement = nullptr;
    if (row.replacement_request_id) replacement = {{"id", *row.replacement_request_id}, {"number", row.replacement_number}};
    return {{"id", row.id},
            {"device_id", row.device_id},
            {"asset_tag", row.asset_tag},
            {"class", row.class_code},
            {"request_id", row.request_id},
            {"request_number", row.request_number},
            {"borrower_login", row.borrower_login},
            {"kind", domain::loss_kind_name(row.kind)},
            {"occurred_at", row.occurred_at},
            {"place", row.place},
            {"circumstances", row.circumstances},
            {"remote_wipe_requested", row.remote_wipe_requested},
            {"ticket", {{"id", row.ticket_id}, {"number", row.ticket_number}}},
            {"replacement", replacement},
            {"reported_by", row.reported_by},
            {"version", row.version},
            {"created_at", row.created_at},
            {"updated_at", row.updated_at}};
}

store::Result<std::vector<LossReportRow>> list_loss_reports(store::Database& database,
                                                            const std::optional<std::string>& person) {
    auto select = database.prepare(std::string(select_reports) +
                                   " WHERE ?1 IS NULL OR x.borrower_login = ?1 OR x.reported_by = ?1 ORDER BY x.id DESC");
    if (!select) return store::Error{select.error()};
    if (person) select.value().bind(1, *person);
    return read_all(select.value());
}

store::Result<std::optional<LossReportRow>> find_loss_report(store::Database& database, std::int64_t id) {
    auto select = database.prepare(std::string(select_reports) + " WHERE x.id = ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, id);
    auto rows = read_all(select.value());
    if (!rows) return store::Error{rows.error()};
    if (rows.value().empty()) return std::optional<LossReportRow>();
    return std::optional<LossReportRow>(rows.value().front());
}

store::Result<std::int64_t> insert_loss_report(store::Database& database, const LossReportRow& row, calendar::Instant now) {
    const auto stamp = calendar::format_iso8601_utc(now);
    auto insert = database.prepare(
        "INSERT INTO loan_loss_reports (device_id, asset_tag, class, request_id, borrower_login, kind, occurred_at, "
        "place, circumstances, remote_wipe_requested, ticket_id, reported_by, created_at, updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)");
    if (!insert) return store::Error{insert.error()};
    insert.value().bind(1, row.device_id).bind(2, row.asset_tag).bind(3, row.class_code).bind(4, row.request_id)
        .bind(5, row.borrower_login).bind(6, domain::loss_kind_name(row.kind)).bind(7, row.occurred_at)
        .bind(8, row.place).bind(9, row.circumstances).bind(10, std::int64_t{row.remote_wipe_requested ? 1 : 0})
        .bind(11, row.ticket_id).bind(12, row.reported_by).bind(13, stamp);
    if (auto done = insert.value().step(); !done) return store::Error{done.error()};
    return database.last_insert_id();
}

store::Result<bool> set_replacement(store::Database& database, const LossReportRow& row, std::int64_t request_id,
                                    calendar::Instant now) {
    auto update = database.prepare(
        "UPDATE loan_loss_reports SET replacement_request_id = ?2, version = version + 1, updated_at = ?3 "
        "WHERE id = ?1 AND version = ?4 AND replacement_request_id IS NULL");
    if (!update) return store::Error{update.error()};
    update.value().bind(1, row.id).bind(2, request_id).bind(3, calendar::format_iso8601_utc(now)).bind(4, row.version);
    if (auto done = update.value().step(); !done) return store::Error{done.error()};
    return database.changes() == 1;
}

store::Result<std::optional<std::int64_t>> holding_request_of(store::Database& database, std::int64_t device_id) {
    auto select = database.prepare(
        std::string("SELECT r.id FROM loan_allocations a JOIN loan_requests r ON r.id = a.request_id "
                    "WHERE a.device_id = ?1 AND r.state IN ") +
        holding_states_sql() + " ORDER BY r.state = ?2 DESC, r.start_date LIMIT 1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, device_id).bind(2, domain::state_name(domain::RequestState::on_loan));
    auto step = select.value().step();
    if (!step) return store::Error{step.error()};
    if (!step.value()) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(select.value().column_int(0));
}

store::Result<int> devices_left(store::Database& database, std::int64_t request_id) {
    auto select = database.prepare(
        "SELECT count(*) FROM loan_allocations a JOIN devices d ON d.id = a.device_id "
        "WHERE a.request_id = ?1 AND d.state NOT IN ('lost', 'stolen')");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, request_id);
    if (auto step = select.value().step(); !step) return store::Error{step.error()};
    return static_cast<int>(select.value().column_int(0));
}

store::Status drop_allocation(store::Database& database, std::int64_t request_id, std::int64_t device_id) {
    auto remove = database.prepare("DELETE FROM loan_allocations WHERE request_id = ?1 AND device_id = ?2");
    if (!remove) return store::Error{remove.error()};
    remove.value().bind(1, request_id).bind(2, device_id);
    if (auto done = remove.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

}  // namespace madoguchi::server::lending
