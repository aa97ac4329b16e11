#include "lending/request_store.hpp"

#include <cstdio>

#include "lending/holding_states.hpp"
#include "store/conditions.hpp"

namespace madoguchi::server::lending {
namespace {

namespace domain = madoguchi::lending;

constexpr std::string_view select_requests =
    "SELECT r.id, r.number, r.requester_login, coalesce(u.name, ''), r.requester_division, r.class, r.quantity, "
    "r.purpose, r.start_date, r.due_date, r.delivery, coalesce(r.pickup_location_id, 0), "
    "coalesce(trim(l.building || ' ' || l.floor || ' ' || l.room), ''), r.ship_address, r.ship_recipient, "
    "r.accessories, r.terms_form, r.terms_version, r.state, r.decided_by, r.decided_at, r.state_reason, r.version, "
    "r.created_at, r.updated_at, "
    "coalesce((SELECT e.new_due FROM loan_extensions e WHERE e.request_id = r.id AND e.state = 'requested' "
    "ORDER BY e.id DESC LIMIT 1), '') "
    "FROM loan_requests r "
    "LEFT JOIN users u ON u.login = r.requester_login "
    "LEFT JOIN locations l ON l.id = r.pickup_location_id";

LoanRequestRow read_row(const store::Statement& s) {
    LoanRequestRow row;
    row.id = s.column_int(0);
    row.number = s.column_text(1);
    row.requester_login = s.column_text(2);
    row.requester_name = s.column_text(3);
    row.requester_division = s.column_text(4);
    row.class_code = s.column_text(5);
    row.quantity = static_cast<int>(s.column_int(6));
    row.purpose = s.column_text(7);
    row.start_date = calendar::parse_date(s.column_text(8)).value_or(calendar::Date{});
    row.due_date = calendar::parse_date(s.column_text(9)).value_or(calendar::Date{});
    row.delivery = domain::parse_delivery(s.column_text(10)).value_or(domain::Delivery::pickup);
    row.pickup_location_id = s.column_int(11);
    row.pickup_location_name = s.column_text(12);
    row.ship_address = s.column_text(13);
    row.ship_recipient = s.column_text(14);
    const auto accessories = nlohmann::json::parse(s.column_text(15), nullptr, false);
    if (accessories.is_array()) {
        for (const auto& name : accessories) {
            if (name.is_string()) row.accessories.push_back(name.get<std::string>());
        }
    }
    row.terms_form = s.column_text(16);
    row.terms_version = s.column_int(17);
    row.state = domain::parse_request_state(s.column_text(18)).value_or(domain::RequestState::submitted);
    row.decided_by = s.column_text(19);
    row.decided_at = s.column_text(20);
    row.state_reason = s.column_text(21);
    row.version = s.column_int(22);
    row.created_at = s.column_text(23);
    row.updated_at = s.column_text(24);
    row.pending_extension_due = calendar::parse_date(s.column_text(25));
    return row;
}

store::Status load_devices(store::Database& database, LoanRequestRow& row) {
    auto select = database.prepare(
        "SELECT d.id, d.asset_tag FROM loan_allocations a JOIN devices d ON d.id = a.device_id "
        "WHERE a.request_id = ?1 ORDER BY d.asset_tag");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, row.id);
    while (true) {
        auto step = select.value().step();
        if (!step) return store::Error{step.error()};
        if (!step.value()) return store::success();
        row.devices.push_back({select.value().column_int(0), select.value().column_text(1)});
    }
}

std::string format_number(int year, std::int64_t sequence) {
    char number[32];
    std::snprintf(number, sizeof number, "LND-%04d-%05lld", year, static_cast<long long>(sequence));
    return number;
}

}  // namespace

nlohmann::json to_json(const LoanRequestRow& row) {
    auto devices = nlohmann::json::array();
    for (const auto& device : row.devices) devices.push_back({{"id", device.device_id}, {"asset_tag", device.asset_tag}});
    nlohmann::json json{{"id", row.id},
                        {"number", row.number},
                        {"requester_login", row.requester_login},
                        {"requester_name", row.requester_name},
                        {"requester_division", row.requester_division},
                        {"class", row.class_code},
                        {"quantity", row.quantity},
                        {"purpose", row.purpose},
                        {"start_date", calendar::format_date(row.start_date)},
                        {"due_date", calendar::format_date(row.due_date)},
                        {"delivery", domain::delivery_name(row.delivery)},
                        {"accessories", row.accessories},
                        {"terms_form", row.terms_form},
                        {"terms_version", row.terms_version},
                        {"state", domain::state_name(row.state)},
                        {"decided_by", row.decided_by},
                        {"decided_at", row.decided_at},
                        {"state_reason", row.state_reason},
                        {"version", row.version},
                        {"created_at", row.created_at},
                        {"updated_at", row.updated_at},
                        {"devices", devices},
                        {"pending_extension_due", row.pending_extension_due
                                                      ? nlohmann::json(calendar::format_date(*row.pending_extension_due))
                                                      : nlohmann::json()}};
    if (row.delivery == domain::Delivery::pickup) {
        json["pickup_location_id"] = row.pickup_location_id;
        json["pickup_location_name"] = row.pickup_location_name;
    } else {
        json["ship_address"] = row.ship_address;
        json["ship_recipient"] = row.ship_recipient;
    }
    return json;
}

store::Result<std::vector<LoanRequestRow>> list_requests(store::Database& database, const RequestFilter& filter) {
    store::Conditions conditions;
    if (filter.state) conditions.add("r.state = ?", std::string(domain::state_name(*filter.state)));
    if (filter.class_code) conditions.add("r.class = ?", *filter.class_code);
    if (filter.requester_login) conditions.add("r.requester_login = ?", *filter.requester_login);
    if (filter.division) conditions.add("r.requester_division = ?", *filter.division);
    if (filter.extension_pending) {
        conditions.add_sql("EXISTS (SELECT 1 FROM loan_extensions e WHERE e.request_id = r.id AND e.state = 'requested')");
    }
    auto select = database.prepare(std::string(select_requests) + conditions.sql() + " ORDER BY r.id DESC");
    if (!select) return store::Error{select.error()};
    conditions.bind(select.value());
    std::vector<LoanRequestRow> rows;
    while (true) {
        auto step = select.value().step();
        if (!step) return store::Error{step.error()};
        if (!step.value()) break;
        rows.push_back(read_row(select.value()));
    }
    for (auto& row : rows) {
        if (auto loaded = load_devices(database, row); !loaded) return store::Error{loaded.error()};
    }
    return rows;
}

store::Result<std::optional<LoanRequestRow>> find_request(store::Database& database, std::int64_t id) {
    auto select = database.prepare(std::string(select_requests) + " WHERE r.id = ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, id);
    auto step = select.value().step();
    if (!step) return store::Error{step.error()};
    if (!step.value()) return std::optional<LoanRequestRow>();
    auto row = read_row(select.value());
    if (auto loaded = load_devices(database, row); !loaded) return store::Error{loaded.error()};
    return std::optional<LoanRequestRow>(std::move(row));
}

store::Result<std::int64_t> insert_request(store::Database& database, const LoanRequestRow& row, calendar::Instant now) {
    const int year = calendar::to_tokyo(now).date.year;
    auto next = database.prepare("SELECT coalesce(max(number_sequence), 0) + 1 FROM loan_requests WHERE number_year = ?1");
    if (!next) return store::Error{next.error()};
    next.value().bind(1, std::int64_t{year});
    if (auto stepped = next.value().step(); !stepped) return store::Error{stepped.error()};
    const auto sequence = next.value().column_int(0);
    const auto stamp = calendar::format_iso8601_utc(now);
    auto insert = database.prepare(
        "INSERT INTO loan_requests (number, number_year, number_sequence, requester_login, requester_division, class, "
        "quantity, purpose, start_date, due_date, delivery, pickup_location_id, ship_address, ship_recipient, "
        "accessories, terms_form, terms_version, state, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
        "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, 'submitted', ?18, ?18) RETURNING id");
    if (!insert) return store::Error{insert.error()};
    auto& s = insert.value();
    s.bind(1, format_number(year, sequence)).bind(2, std::int64_t{year}).bind(3, sequence)
        .bind(4, row.requester_login).bind(5, row.requester_division).bind(6, row.class_code)
        .bind(7, std::int64_t{row.quantity}).bind(8, row.purpose).bind(9, calendar::format_date(row.start_date))
        .bind(10, calendar::format_date(row.due_date)).bind(11, domain::delivery_name(row.delivery))
        .bind(13, row.ship_address).bind(14, row.ship_recipient).bind(15, nlohmann::json(row.accessories).dump())
        .bind(16, row.terms_form).bind(17, row.terms_version).bind(18, stamp);
    // Unbound: NULL, no counter for a shipment.
    if (row.delivery == domain::Delivery::pickup) s.bind(12, row.pickup_location_id);
    auto step = s.step();
    if (!step) return store::Error{step.error()};
    return s.column_int(0);
}

store::Result<bool> set_request_state(store::Database& database, const LoanRequestRow& row, domain::RequestState to,
                                      const std::string& actor, const std::string& reason, calendar::Instant now) {
    const auto stamp = calendar::format_iso8601_utc(now);
    auto update = database.prepare(
        "UPDATE loan_requests SET state = ?2, decided_by = ?3, decided_at = ?4, state_reason = ?5, "
        "version = version + 1, updated_at = ?4 WHERE id = ?1 AND version = ?6");
    if (!update) return store::Error{update.error()};
    update.value().bind(1, row.id).bind(2, domain::state_name(to)).bind(3, actor).bind(4, stamp).bind(5, reason)
        .bind(6, row.version);
    if (auto done = update.value().step(); !done) return store::Error{done.error()};
    return database.changes() == 1;
}

store::Result<int> quantity_held(store::Database& database, const std::string& login, const std::string& class_code) {
    auto select = database.prepare(std::string("SELECT coalesce(sum(quantity), 0) FROM loan_requests "
                                               "WHERE requester_login = ?1 AND class = ?2 AND state IN ") +
                                   limit_states_sql());
    if (!select) return store::Error{select.error()};
    select.value().bind(1, login).bind(2, class_code);
    if (auto step = select.value().step(); !step) return store::Error{step.error()};
    return static_cast<int>(select.value().column_int(0));
}

store::Result<bool> has_overdue_loan(store::Database& database, const std::string& login, const calendar::Date& today) {
    auto select = database.prepare(
        "SELECT EXISTS (SELECT 1 FROM loan_requests WHERE requester_login = ?1 AND state = ?2 AND due_date < ?3)");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, login).bind(2, domain::state_name(domain::RequestState::on_loan))
        .bind(3, calendar::format_date(today));
    if (auto step = select.value().step(); !step) return store::Error{step.error()};
    return select.value().column_int(0) == 1;
}

store::Status allocate(store::Database& database, std::int64_t request_id, std::int64_t device_id) {
    auto insert = database.prepare("INSERT INTO loan_allocations (request_id, device_id) VALUES (?1, ?2)");
    if (!insert) return store::Error{insert.error()};
    insert.value().bind(1, request_id).bind(2, device_id);
    if (auto done = insert.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

store::Result<std::vector<std::int64_t>> release(store::Database& database, std::int64_t request_id) {
    auto remove = database.prepare("DELETE FROM loan_allocations WHERE request_id = ?1 RETURNING device_id");
    if (!remove) return store::Error{remove.error()};
    remove.value().bind(1, request_id);
    std::vector<std::int64_t> devices;
    while (true) {
        auto step = remove.value().step();
        if (!step) return store::Error{step.error()};
        if (!step.value()) return devices;
        devices.push_back(remove.value().column_int(0));
    }
}

store::Result<bool> still_allocated(store::Database& database, std::int64_t device_id) {
    auto select = database.prepare(std::string("SELECT EXISTS (SELECT 1 FROM loan_allocations a JOIN loan_requests r "
                                               "ON r.id = a.request_id WHERE a.device_id = ?1 AND r.state IN ") +
                                   holding_states_sql() + ")");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, device_id);
    if (auto step = select.value().step(); !step) return store::Error{step.error()};
    return select.value().column_int(0) == 1;
}

}  // namespace madoguchi::server::lending
