#include "lending/shipment_store.hpp"

namespace madoguchi::server::lending {
namespace {

namespace domain = madoguchi::lending;

constexpr std::string_view select_shipments =
    "SELECT s.id, s.request_id, r.number, s.direction, s.state, s.carrier, s.tracking_number, s.recipient, s.address, "
    "s.sent_date, s.received_date, s.sent_by, s.received_by, s.version, s.created_at, s.updated_at "
    "FROM loan_shipments s JOIN loan_requests r ON r.id = s.request_id";

ShipmentRow read_row(const store::Statement& s) {
    ShipmentRow row;
    row.id = s.column_int(0);
    row.request_id = s.column_int(1);
    row.request_number = s.column_text(2);
    row.direction = domain::parse_direction(s.column_text(3)).value_or(domain::ShipmentDirection::outbound);
    row.state = domain::parse_shipment_state(s.column_text(4)).value_or(domain::ShipmentState::in_transit);
    row.carrier = s.column_text(5);
    row.tracking_number = s.column_text(6);
    row.recipient = s.column_text(7);
    row.address = s.column_text(8);
    row.sent_date = calendar::parse_date(s.column_text(9)).value_or(calendar::Date{});
    row.received_date = s.column_text(10);
    row.sent_by = s.column_text(11);
    row.received_by = s.column_text(12);
    row.version = s.column_int(13);
    row.created_at = s.column_text(14);
    row.updated_at = s.column_text(15);
    return row;
}

store::Status load_devices(store::Database& database, ShipmentRow& row) {
    auto select = database.prepare(
        "SELECT device_id, asset_tag FROM loan_shipment_items WHERE shipment_id = ?1 ORDER BY asset_tag");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, row.id);
    while (true) {
        auto step = select.value().step();
        if (!step) return store::Error{step.error()};
        if (!step.value()) return store::success();
        row.devices.push_back({select.value().column_int(0), select.value().column_text(1)});
    }
}

}  // namespace

nlohmann::json to_json(const ShipmentRow& row) {
    auto devices = nlohmann::json::array();
    for (const auto& device : row.devices) devices.push_back({{"id", device.device_id}, {"asset_tag", device.asset_tag}});
    return {{"id", row.id},
            {"request_id", row.request_id},
            {"request_number", row.request_number},
            {"direction", domain::direction_name(row.direction)},
            {"state", domain::shipment_state_name(row.state)},
            {"carrier", row.carrier},
            {"tracking_number", row.tracking_number},
            {"recipient", row.recipient},
            {"address", row.address},
            {"sent_date", calendar::format_date(row.sent_date)},
            {"received_date", row.received_date.empty() ? nlohmann::json(nullptr) : nlohmann::json(row.received_date)},
            {"sent_by", row.sent_by},
            {"received_by", row.received_by},
            {"version", row.version},
            {"created_at", row.created_at},
            {"updated_at", row.updated_at},
            {"devices", devices}};
}

store::Result<std::vector<ShipmentRow>> list_shipments(store::Database& database, const ShipmentFilter& filter) {
    auto select = database.prepare(std::string(select_shipments) +
                                   " WHERE (?1 IS NULL OR s.direction = ?1) AND (?2 IS NULL OR s.state = ?2) AND "
                                   "(?3 IS NULL OR s.request_id = ?3) ORDER BY s.id DESC");
    if (!select) return store::Error{select.error()};
    auto& s = select.value();
    if (filter.direction) s.bind(1, domain::direction_name(*filter.direction));
    if (filter.state) s.bind(2, domain::shipment_state_name(*filter.state));
    if (filter.request_id) s.bind(3, *filter.request_id);
    std::vector<ShipmentRow> rows;
    while (true) {
        auto step = s.step();
        if (!step) return store::Error{step.error()};
        if (!step.value()) break;
        rows.push_back(read_row(s));
    }
    for (auto& row : rows) {
        if (auto loaded = load_devices(database, row); !loaded) return store::Error{loaded.error()};
    }
    return rows;
}

store::Result<std::optional<ShipmentRow>> find_shipment(store::Database& database, std::int64_t id) {
    auto select = database.prepare(std::string(select_shipments) + " WHERE s.id = ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, id);
    auto step = select.value().step();
    if (!step) return store::Error{step.error()};
    if (!step.value()) return std::optional<ShipmentRow>();
    auto row = read_row(select.value());
    select.value().reset();
    if (auto loaded = load_devices(database, row); !loaded) return store::Error{loaded.error()};
    return std::optional<ShipmentRow>(std::move(row));
}

store::Result<std::int64_t> insert_shipment(store::Database& database, const ShipmentRow& row, calendar::Instant now) {
    const auto stamp = calendar::format_iso8601_utc(now);
    auto insert = database.prepare(
        "INSERT INTO loan_shipments (request_id, direction, state, carrier, tracking_number, recipient, address, "
        "sent_date, sent_by, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)");
    if (!insert) return store::Error{insert.error()};
    insert.value().bind(1, row.request_id).bind(2, domain::direction_name(row.direction))
        .bind(3, domain::shipment_state_name(domain::ShipmentState::in_transit)).bind(4, row.carrier)
        .bind(5, row.tracking_number).bind(6, row.recipient).bind(7, row.address)
        .bind(8, calendar::format_date(row.sent_date)).bind(9, row.sent_by).bind(10, stamp);
    if (auto done = insert.value().step(); !done) return store::Error{done.error()};
    const auto id = database.last_insert_id();
    auto item = database.prepare("INSERT INTO loan_shipment_items (shipment_id, device_id, asset_tag) VALUES (?1, ?2, ?3)");
    if (!item) return store::Error{item.error()};
    for (const auto& device : row.devices) {
        item.value().reset().bind(1, id).bind(2, device.device_id).bind(3, device.asset_tag);
        if (auto done = item.value().step(); !done) return store::Error{done.error()};
    }
    return id;
}

store::Result<bool> mark_received(store::Database& database, const ShipmentRow& row, const calendar::Date& received,
                                  const std::string& actor, calendar::Instant now) {
    auto update = database.prepare(
        "UPDATE loan_shipments SET state = ?2, received_date = ?3, received_by = ?4, version = version + 1, "
        "updated_at = ?5 WHERE id = ?1 AND version = ?6");
    if (!update) return store::Error{update.error()};
    update.value().bind(1, row.id).bind(2, domain::shipment_state_name(domain::ShipmentState::received))
        .bind(3, calendar::format_date(received)).bind(4, actor).bind(5, calendar::format_iso8601_utc(now))
        .bind(6, row.version);
    if (auto done = update.value().step(); !done) return store::Error{done.error()};
    return database.changes() == 1;
}

}  // namespace madoguchi::server::lending
