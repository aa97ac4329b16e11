#include "placement/placement_store.hpp"

#include <cstdio>

#include "store/conditions.hpp"

namespace madoguchi::server::placement {
namespace {

namespace domain = madoguchi::placement;

constexpr std::string_view select_requests =
    "SELECT r.id, r.number, r.kind, r.class, r.model_id, r.device_id, r.location_id, r.division_code, "
    "r.desired_date, r.reason, r.state, r.version, r.requester_login, coalesce(u.name, ''), r.requester_division, "
    "r.vendor_company, r.state_reason, r.created_at, r.updated_at, coalesce(d.asset_tag, ''), "
    "coalesce(trim(dl.building || ' ' || dl.floor || ' ' || dl.room), ''), coalesce(m.maker || ' ' || m.name, ''), "
    "coalesce(trim(l.building || ' ' || l.floor || ' ' || l.room), ''), coalesce(v.name_ja, '') "
    "FROM placement_requests r "
    "LEFT JOIN users u ON u.login = r.requester_login "
    "LEFT JOIN devices d ON d.id = r.device_id "
    "LEFT JOIN locations dl ON dl.id = d.location_id "
    "LEFT JOIN device_models m ON m.id = r.model_id "
    "LEFT JOIN locations l ON l.id = r.location_id "
    "LEFT JOIN divisions v ON v.code = r.division_code";

std::int64_t id_of(const store::Statement& row, int column) { return row.column_is_null(column) ? 0 : row.column_int(column); }

PlacementRequest read_row(const store::Statement& row) {
    PlacementRequest request;
    request.id = row.column_int(0);
    request.number = row.column_text(1);
    auto& f = request.fields;
    f.kind = domain::parse_kind(row.column_text(2)).value_or(RequestKind::install);
    f.class_code = row.column_text(3);
    f.model_id = id_of(row, 4);
    f.device_id = id_of(row, 5);
    f.location_id = id_of(row, 6);
    f.division_code = row.column_text(7);
    f.desired_date = calendar::parse_date(row.column_text(8));
    f.reason = row.column_text(9);
    request.state = domain::parse_request_state(row.column_text(10)).value_or(RequestState::submitted);
    request.version = row.column_int(11);
    request.requester_login = row.column_text(12);
    request.requester_name = row.column_text(13);
    request.requester_division = row.column_text(14);
    request.vendor_company = row.column_text(15);
    request.state_reason = row.column_text(16);
    request.created_at = row.column_text(17);
    request.updated_at = row.column_text(18);
    request.device_tag = row.column_text(19);
    request.device_location_name = row.column_text(20);
    request.model_name = row.column_text(21);
    request.location_name = row.column_text(22);
    request.division_name = row.column_text(23);
    return request;
}

store::Status load_checklist(store::Database& database, PlacementRequest& request) {
    auto select = database.prepare(
        "SELECT key, done, done_by, done_at, note FROM placement_checklist WHERE request_id = ?1 ORDER BY position");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, request.id);
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) return store::success();
        const auto& s = select.value();
        request.checklist.push_back({s.column_text(0), s.column_int(1) == 1, s.column_text(2), s.column_text(3), s.column_text(4)});
    }
}

std::string format_number(int year, std::int64_t sequence) {
    char number[32];
    std::snprintf(number, sizeof number, "PLR-%04d-%04lld", year, static_cast<long long>(sequence));
    return number;
}

}  // namespace

store::Result<std::vector<PlacementRequest>> list_requests(store::Database& database, const RequestFilter& filter) {
    store::Conditions conditions;
    if (filter.state) conditions.add("r.state = ?", std::string(domain::state_name(*filter.state)));
    if (filter.kind) conditions.add("r.kind = ?", std::string(domain::kind_name(*filter.kind)));
    auto select = database.prepare(std::string(select_requests) + conditions.sql() + " ORDER BY r.id DESC");
    if (!select) return store::Error{select.error()};
    conditions.bind(select.value());
    std::vector<PlacementRequest> requests;
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        requests.push_back(read_row(select.value()));
    }
    for (auto& request : requests) {
        if (auto loaded = load_checklist(database, request); !loaded) return store::Error{loaded.error()};
    }
    return requests;
}

store::Result<std::optional<PlacementRequest>> find_request(store::Database& database, std::int64_t id) {
    auto select = database.prepare(std::string(select_requests) + " WHERE r.id = ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, id);
    auto row = select.value().step();
    if (!row) return store::Error{row.error()};
    if (!row.value()) return std::optional<PlacementRequest>();
    auto request = read_row(select.value());
    if (auto loaded = load_checklist(database, request); !loaded) return store::Error{loaded.error()};
    return std::optional<PlacementRequest>(std::move(request));
}

store::Result<std::int64_t> insert_request(store::Database& database, const NewRequest& request, calendar::Instant now) {
    const int year = calendar::to_tokyo(now).date.year;
    auto next = database.prepare("SELECT coalesce(max(number_sequence), 0) + 1 FROM placement_requests WHERE number_year = ?1");
    if (!next) return store::Error{next.error()};
    next.value().bind(1, std::int64_t{year});
    if (auto stepped = next.value().step(); !stepped) return store::Error{stepped.error()};
    const auto sequence = next.value().column_int(0);
    const auto stamp = calendar::format_iso8601_utc(now);
    const auto& f = request.fields;
    auto insert = database.prepare(
        "INSERT INTO placement_requests (number, number_year, number_sequence, kind, class, model_id, device_id, "
        "location_id, division_code, desired_date, reason, requester_login, requester_division, state, created_at, "
        "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 'submitted', ?14, ?14) RETURNING id");
    if (!insert) return store::Error{insert.error()};
    auto& statement = insert.value();
    statement.bind(1, format_number(year, sequence)).bind(2, std::int64_t{year}).bind(3, sequence)
        .bind(4, domain::kind_name(f.kind)).bind(5, f.class_code).bind(9, f.division_code)
        .bind(10, f.desired_date ? calendar::format_date(*f.desired_date) : std::string())
        .bind(11, f.reason).bind(12, request.requester_login).bind(13, request.requester_division).bind(14, stamp);
    // Unbound parameters are NULL: no model for a move, no device for an install, no target for a removal.
    if (f.model_id != 0) statement.bind(6, f.model_id);
    if (f.device_id != 0) statement.bind(7, f.device_id);
    if (f.location_id != 0) statement.bind(8, f.location_id);
    auto row = statement.step();
    if (!row) return store::Error{row.error()};
    const auto id = statement.column_int(0);
    auto item = database.prepare("INSERT INTO placement_checklist (request_id, key, position) VALUES (?1, ?2, ?3)");
    if (!item) return store::Error{item.error()};
    std::int64_t position = 0;
    for (const auto& spec : domain::checklist_for(f.kind)) {
        item.value().reset().bind(1, id).bind(2, spec.key).bind(3, position++);
        if (auto added = item.value().step(); !added) return store::Error{added.error()};
    }
    return id;
}

store::Result<bool> change_state(store::Database& database, std::int64_t id, std::int64_t version,
                                 const StateChange& change, calendar::Instant now) {
    auto update = database.prepare(
        "UPDATE placement_requests SET state = ?1, state_reason = CASE WHEN ?2 = '' THEN state_reason ELSE ?2 END, "
        "vendor_company = CASE WHEN ?3 = '' THEN vendor_company ELSE ?3 END, "
        "version = version + 1, updated_at = ?4 WHERE id = ?5 AND version = ?6");
    if (!update) return store::Error{update.error()};
    update.value().bind(1, domain::state_name(change.state)).bind(2, change.reason).bind(3, change.vendor_company)
        .bind(4, calendar::format_iso8601_utc(now)).bind(5, id).bind(6, version);
    if (auto done = update.value().step(); !done) return store::Error{done.error()};
    return database.changes() == 1;
}

store::Status set_request_device(store::Database& database, std::int64_t id, std::int64_t device_id) {
    auto update = database.prepare("UPDATE placement_requests SET device_id = ?1 WHERE id = ?2");
    if (!update) return store::Error{update.error()};
    update.value().bind(1, device_id).bind(2, id);
    if (auto done = update.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

store::Result<bool> change_item(store::Database& database, std::int64_t id, std::int64_t version, const ItemChange& change,
                                calendar::Instant now) {
    const auto stamp = calendar::format_iso8601_utc(now);
    auto bump = database.prepare(
        "UPDATE placement_requests SET version = version + 1, updated_at = ?1 WHERE id = ?2 AND version = ?3");
    if (!bump) return store::Error{bump.error()};
    bump.value().bind(1, stamp).bind(2, id).bind(3, version);
    if (auto done = bump.value().step(); !done) return store::Error{done.error()};
    if (database.changes() != 1) return false;
    auto update = database.prepare(
        "UPDATE placement_checklist SET done = ?1, done_by = ?2, done_at = ?3, note = ?4 WHERE request_id = ?5 AND key = ?6");
    if (!update) return store::Error{update.error()};
    update.value().bind(1, std::int64_t{change.done ? 1 : 0}).bind(2, change.done ? change.actor : std::string())
        .bind(3, change.done ? stamp : std::string()).bind(4, change.note).bind(5, id).bind(6, change.key);
    if (auto done = update.value().step(); !done) return store::Error{done.error()};
    if (database.changes() != 1) return store::Error{"checklist item " + change.key + " of request " + std::to_string(id) + " is missing"};
    return true;
}

store::Status add_event(store::Database& database, std::int64_t id, const RequestEvent& event, calendar::Instant now) {
    auto insert = database.prepare(
        "INSERT INTO placement_events (request_id, occurred_at, actor, action, state, item, reason) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!insert) return store::Error{insert.error()};
    insert.value().bind(1, id).bind(2, calendar::format_iso8601_utc(now)).bind(3, event.actor).bind(4, event.action)
        .bind(5, domain::state_name(event.state)).bind(6, event.item).bind(7, event.reason);
    if (auto done = insert.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

store::Result<std::vector<nlohmann::json>> request_events(store::Database& database, std::int64_t id) {
    auto select = database.prepare(
        "SELECT occurred_at, actor, action, state, item, reason FROM placement_events WHERE request_id = ?1 ORDER BY id");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, id);
    std::vector<nlohmann::json> events;
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) return events;
        const auto& s = select.value();
        events.push_back({{"occurred_at", s.column_text(0)}, {"actor", s.column_text(1)}, {"action", s.column_text(2)},
                          {"state", s.column_text(3)}, {"item", s.column_text(4)}, {"reason", s.column_text(5)}});
    }
}

store::Result<std::vector<std::string>> vendor_companies(store::Database& database) {
    auto select = database.prepare(
        "SELECT DISTINCT u.vendor_company FROM users u JOIN user_roles r ON r.user_id = u.id "
        "WHERE r.role = 'vendor' AND u.vendor_company <> '' AND u.disabled = 0 ORDER BY u.vendor_company");
    if (!select) return store::Error{select.error()};
    std::vector<std::string> companies;
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) return companies;
        companies.push_back(select.value().column_text(0));
    }
}

store::Result<bool> has_open_request(store::Database& database, std::int64_t device_id) {
    auto select = database.prepare(
        "SELECT 1 FROM placement_requests WHERE device_id = ?1 AND state NOT IN ('completed', 'rejected', 'cancelled')");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, device_id);
    auto row = select.value().step();
    if (!row) return store::Error{row.error()};
    return row.value();
}

}  // namespace madoguchi::server::placement
