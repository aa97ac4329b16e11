#pragma once
// 発送一覧 (shipments to and from regional bureaus): carrier, tracking number, contents by
// tag, recipient and address, sent and received dates; those in transit first. The desk
// confirms a receipt with the date it arrived (today unless changed), from the version read.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/api_client.hpp"
#include "calendar/civil_date.hpp"
#include "i18n/catalog.hpp"
#include "ui/date_field_model.hpp"
#include "ui/table_model.hpp"

namespace madoguchi::client {

struct ShipmentRecord {
    std::int64_t id = 0;
    std::int64_t request_id = 0;
    std::string request_number;
    std::string direction;  // "outbound" | "return"
    std::string state;      // "in_transit" | "received"
    std::string carrier;
    std::string tracking_number;
    std::string recipient;
    std::string address;
    calendar::Date sent_date;
    std::string received_date;  // empty while in transit
    std::int64_t version = 0;
    std::vector<std::string> tags;
};

std::optional<ShipmentRecord> shipment_from_json(const nlohmann::json& shipment);
// {"shipments":[…]}, those in transit first, then the newest.
std::optional<std::vector<ShipmentRecord>> shipments_from_body(const std::string& body);

class ShipmentList {
public:
    enum class State { idle, loading, loaded, failed };

    explicit ShipmentList(i18n::Language language);
    ShipmentList(const ShipmentList&) = delete;
    ShipmentList& operator=(const ShipmentList&) = delete;

    void load(ApiClient& api);
    void accept(const ApiResult& result);
    State state() const { return state_; }
    const api::ApiError& error() const { return error_; }
    const std::vector<ShipmentRecord>& rows() const { return rows_; }
    TableModel& table() { return table_; }
    void set_language(i18n::Language language);

    void open(std::int64_t id, const calendar::Date& today);
    const ShipmentRecord* opened() const;

    // The opened shipment's receipt date; today when it is opened.
    DateFieldModel received;
    bool confirm_receipt(ApiClient& api);
    bool confirming() const { return confirming_; }
    std::string receipt_error(i18n::Language language) const;
    // Once: the request number of the shipment just received.
    std::string take_received() { return std::exchange(received_number_, {}); }

private:
    i18n::Language language_;
    State state_ = State::idle;
    std::uint64_t generation_ = 0;
    api::ApiError error_;
    std::vector<ShipmentRecord> rows_;
    TableModel table_;
    std::optional<std::int64_t> opened_;
    bool confirming_ = false;
    bool date_missing_ = false;
    api::ApiError receipt_error_;
    std::string received_number_;
};

}  // namespace madoguchi::client
