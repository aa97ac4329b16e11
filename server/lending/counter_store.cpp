#include "lending/counter_store.hpp"

#include <nlohmann/json.hpp>

#include "lending/holding_states.hpp"

namespace madoguchi::server::lending {
namespace {

namespace domain = madoguchi::lending;
using nlohmann::json;

std::vector<std::string> names_of(const std::string& text) {
    std::vector<std::string> names;
    const auto parsed = json::parse(text, nullptr, false);
    if (!parsed.is_array()) return names;
    for (const auto& name : parsed) {
        if (name.is_string()) names.push_back(name.get<std::string>());
    }
    return names;
}

store::Status run(store::Statement& statement) {
    if (auto done = statement.step(); !done) return store::Error{done.error()};
    return store::success();
}

}  // namespace

store::Result<std::vector<CounterAllocation>> allocations_of(store::Database& database, std::int64_t device_id) {
    auto select = database.prepare(
        "SELECT r.id, r.number, r.requester_login, r.state, r.start_date, r.due_date, a.handover_id IS NOT NULL, "
        "a.return_id IS NOT NULL, EXISTS (SELECT 1 FROM kitting_tasks k WHERE k.request_id = r.id "
        "AND k.device_id = a.device_id AND k.state = 'open') "
        "FROM loan_allocations a JOIN loan_requests r ON r.id = a.request_id "
        "WHERE a.device_id = ?1 AND r.state IN " + holding_states_sql() + " ORDER BY r.start_date, r.id");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, device_id);
    std::vector<CounterAllocation> allocations;
    while (true) {
        auto step = select.value().step();
        if (!step) return store::Error{step.error()};
        if (!step.value()) return allocations;
        const auto& s = select.value();
        allocations.push_back({s.column_int(0), s.column_text(1), s.column_text(2),
                               domain::parse_request_state(s.column_text(3)).value_or(domain::RequestState::approved),
                               calendar::parse_date(s.column_text(4)).value_or(calendar::Date{}),
                               calendar::parse_date(s.column_text(5)).value_or(calendar::Date{}), s.column_int(6) != 0,
                               s.column_int(7) != 0, s.column_int(8) != 0});
    }
}

store::Result<std::optional<CounterDevice>> find_counter_device(store::Database& database, const std::string& tag) {
    auto select = database.prepare("SELECT id, asset_tag, class, state, accessories FROM devices WHERE asset_tag = ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, tag);
    auto step = select.value().step();
    if (!step) return store::Error{step.error()};
    if (!step.value()) return std::optional<CounterDevice>();
    const auto& s = select.value();
    CounterDevice device{s.column_int(0), s.column_text(1), s.column_text(2),
                         madoguchi::inventory::parse_state(s.column_text(3)).value_or(madoguchi::inventory::AssetState::in_stock),
                         names_of(s.column_text(4)), {}};
    auto allocations = allocations_of(database, device.id);
    if (!allocations) return store::Error{allocations.error()};
    device.allocations = std::move(allocations.value());
    return std::optional<CounterDevice>(std::move(device));
}

store::Result<bool> awaited_by_loan(store::Database& database, std::int64_t device_id) {
    auto select = database.prepare(
        "SELECT EXISTS (SELECT 1 FROM loan_allocations a JOIN loan_requests r ON r.id = a.request_id "
        "WHERE a.device_id = ?1 AND a.handover_id IS NULL AND r.state IN " + holding_states_sql() + ")");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, device_id);
    if (auto step = select.value().step(); !step) return store::Error{step.error()};
    return select.value().column_int(0) != 0;
}

store::Result<std::vector<std::int64_t>> request_ids_of(store::Database& database, const std::string& login,
                                                         domain::RequestState state) {
    auto select = database.prepare(
        "SELECT id FROM loan_requests WHERE requester_login = ?1 AND state = ?2 ORDER BY start_date, id");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, login).bind(2, domain::state_name(state));
    std::vector<std::int64_t> ids;
    while (true) {
        auto step = select.value().step();
        if (!step) return store::Error{step.error()};
        if (!step.value()) return ids;
        ids.push_back(select.value().column_int(0));
    }
}

store::Result<std::vector<LoanOut>> loans_of(store::Database& database, const std::string& login) {
    auto select = database.prepare(
        "SELECT r.id, r.number, d.asset_tag, d.class, r.start_date, r.due_date FROM loan_requests r "
        "JOIN loan_allocations a ON a.request_id = r.id JOIN devices d ON d.id = a.device_id "
        "WHERE r.requester_login = ?1 AND r.state IN " + holding_states_sql() +
        " AND a.handover_id IS NOT NULL AND a.return_id IS NULL ORDER BY r.due_date, d.asset_tag");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, login);
    std::vector<LoanOut> loans;
    while (true) {
        auto step = select.value().step();
        if (!step) return store::Error{step.error()};
        if (!step.value()) return loans;
        const auto& s = select.value();
        loans.push_back({s.column_int(0), s.column_text(1), s.column_text(2), s.column_text(3),
                         calendar::parse_date(s.column_text(4)).value_or(calendar::Date{}),
                         calendar::parse_date(s.column_text(5)).value_or(calendar::Date{})});
    }
}

store::Result<std::int64_t> insert_handover(store::Database& database, const HandoverRow& row) {
    auto insert = database.prepare(
        "INSERT INTO loan_handovers (request_id, counter_location_id, operator_login, terms_version, handed_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!insert) return store::Error{insert.error()};
    insert.value()
        .bind(1, row.request_id)
        .bind(2, row.counter_location_id)
        .bind(3, row.operator_login)
        .bind(4, row.terms_version)
        .bind(5, row.handed_at);
    if (auto done = run(insert.value()); !done) return store::Error{done.error()};
    return database.last_insert_id();
}

store::Result<std::optional<HandoverRow>> find_handover(store::Database& database, std::int64_t id) {
    auto select = database.prepare(
        "SELECT h.id, h.request_id, h.counter_location_id, trim(l.building || ' ' || l.floor || ' ' || l.room), "
        "h.operator_login, coalesce(u.name, h.operator_login), h.terms_version, h.handed_at "
        "FROM loan_handovers h JOIN locations l ON l.id = h.counter_location_id "
        "LEFT JOIN users u ON u.login = h.operator_login WHERE h.id = ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, id);
    auto step = select.value().step();
    if (!step) return store::Error{step.error()};
    if (!step.value()) return std::optional<HandoverRow>();
    const auto& s = select.value();
    HandoverRow row{s.column_int(0), s.column_int(1), s.column_int(2), s.column_text(3), s.column_text(4),
                    s.column_text(5), s.column_int(6), s.column_text(7), {}};
    auto tags = database.prepare(
        "SELECT d.asset_tag FROM loan_allocations a JOIN devices d ON d.id = a.device_id WHERE a.handover_id = ?1 "
        "ORDER BY d.asset_tag");
    if (!tags) return store::Error{tags.error()};
    tags.value().bind(1, id);
    while (true) {
        auto next = tags.value().step();
        if (!next) return store::Error{next.error()};
        if (!next.value()) break;
        row.tags.push_back(tags.value().column_text(0));
    }
    return std::optional<HandoverRow>(std::move(row));
}

store::Status mark_handed_over(store::Database& database, std::int64_t request_id, std::int64_t device_id,
                               std::int64_t handover_id) {
    auto update = database.prepare("UPDATE loan_allocations SET handover_id = ?3 WHERE request_id = ?1 AND device_id = ?2");
    if (!update) return store::Error{update.error()};
    update.value().bind(1, request_id).bind(2, device_id).bind(3, handover_id);
    return run(update.value());
}

store::Result<std::int64_t> insert_return(store::Database& database, const ReturnRow& row) {
    auto insert = database.prepare(
        "INSERT INTO loan_returns (request_id, device_id, counter_location_id, operator_login, outcome, "
        "damage_description, missing_accessories, repair_ticket_id, kitting_task_id, returned_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    if (!insert) return store::Error{insert.error()};
    auto& s = insert.value();
    s.bind(1, row.request_id).bind(2, row.device_id);
    if (row.counter_location_id) s.bind(3, *row.counter_location_id);
    s.bind(4, row.operator_login).bind(5, row.outcome).bind(6, row.damage_description);
    s.bind(7, json(row.missing_accessories).dump());
    if (row.repair_ticket_id) s.bind(8, *row.repair_ticket_id);
    if (row.kitting_task_id) s.bind(9, *row.kitting_task_id);
    s.bind(10, row.returned_at);
    if (auto done = run(s); !done) return store::Error{done.error()};
    const auto id = database.last_insert_id();
    auto update = database.prepare("UPDATE loan_allocations SET return_id = ?3 WHERE request_id = ?1 AND device_id = ?2");
    if (!update) return store::Error{update.error()};
    update.value().bind(1, row.request_id).bind(2, row.device_id).bind(3, id);
    if (auto done = run(update.value()); !done) return store::Error{done.error()};
    return id;
}

store::Result<AllocationCounts> allocation_counts(store::Database& database, std::int64_t request_id) {
    auto select = database.prepare(
        "SELECT count(*) FILTER (WHERE handover_id IS NULL), count(*) FILTER (WHERE return_id IS NULL) "
        "FROM loan_allocations WHERE request_id = ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, request_id);
    if (auto step = select.value().step(); !step) return store::Error{step.error()};
    return AllocationCounts{static_cast<int>(select.value().column_int(0)), static_cast<int>(select.value().column_int(1))};
}

}  // namespace madoguchi::server::lending
