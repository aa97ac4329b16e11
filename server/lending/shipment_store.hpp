#pragma once
// Tables loan_shipments and loan_shipment_items: shipments of a loan's devices to and from
// a regional bureau, with their contents by tag.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "lending/shipment.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

struct ShippedDevice {
    std::int64_t device_id = 0;
    std::string asset_tag;
};

struct ShipmentRow {
    std::int64_t id = 0;
    std::int64_t request_id = 0;
    std::string request_number;
    madoguchi::lending::ShipmentDirection direction = madoguchi::lending::ShipmentDirection::outbound;
    madoguchi::lending::ShipmentState state = madoguchi::lending::ShipmentState::in_transit;
    std::string carrier;
    std::string tracking_number;
    std::string recipient;
    std::string address;
    calendar::Date sent_date;
    std::string received_date;  // empty while in transit
    std::string sent_by;
    std::string received_by;
    std::int64_t version = 1;
    std::string created_at;
    std::string updated_at;
    std::vector<ShippedDevice> devices;
};

nlohmann::json to_json(const ShipmentRow& row);

struct ShipmentFilter {
    std::optional<madoguchi::lending::ShipmentDirection> direction;
    std::optional<madoguchi::lending::ShipmentState> state;
    std::optional<std::int64_t> request_id;
};

store::Result<std::vector<ShipmentRow>> list_shipments(store::Database& database, const ShipmentFilter& filter);
store::Result<std::optional<ShipmentRow>> find_shipment(store::Database& database, std::int64_t id);

// Stores the shipment in transit with its devices; answers its id.
store::Result<std::int64_t> insert_shipment(store::Database& database, const ShipmentRow& row, calendar::Instant now);

// Marks it received when its version is still `row.version`; false when another change came first.
store::Result<bool> mark_received(store::Database& database, const ShipmentRow& row, const calendar::Date& received,
                                  const std::string& actor, calendar::Instant now);

}  // namespace madoguchi::server::lending
