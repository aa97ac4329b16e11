#include "lending/shipment_list.hpp"

#include <algorithm>

#include "api/field_messages.hpp"
#include "api/form_errors.hpp"
#include "lending/lending_records.hpp"

namespace madoguchi::client {
namespace {

std::string joined(const std::vector<std::string>& texts) {
    std::string result;
    for (const auto& text : texts) result += (result.empty() ? "" : ", ") + text;
    return result;
}

}  // namespace

std::optional<ShipmentRecord> shipment_from_json(const nlohmann::json& item) {
    if (!item.is_object()) return std::nullopt;
    const auto sent = calendar::parse_date(string_field(item, "sent_date"));
    if (integer_field(item, "id") <= 0 || !sent) return std::nullopt;
    ShipmentRecord record;
    record.id = integer_field(item, "id");
    record.request_id = integer_field(item, "request_id");
    record.request_number = string_field(item, "request_number");
    record.direction = string_field(item, "direction");
    record.state = string_field(item, "state");
    record.carrier = string_field(item, "carrier");
    record.tracking_number = string_field(item, "tracking_number");
    record.recipient = string_field(item, "recipient");
    record.address = string_field(item, "address");
    record.sent_date = *sent;
    record.received_date = string_field(item, "received_date");
    record.version = integer_field(item, "version");
    if (const auto devices = item.find("devices"); devices != item.end() && devices->is_array()) {
        for (const auto& device : *devices) {
            if (device.is_object()) record.tags.push_back(string_field(device, "asset_tag"));
        }
    }
    return record;
}

std::optional<std::vector<ShipmentRecord>> shipments_from_body(const std::string& body) {
    const auto document = nlohmann::json::parse(body, nullptr, false);
    if (!document.is_object() || !document.contains("shipments") || !document["shipments"].is_array()) return std::nullopt;
    std::vector<ShipmentRecord> shipments;
    for (const auto& item : document["shipments"]) {
        if (auto shipment = shipment_from_json(item)) shipments.push_back(std::move(*shipment));
    }
    std::stable_sort(shipments.begin(), shipments.end(), [](const ShipmentRecord& a, const ShipmentRecord& b) {
        if ((a.state == "in_transit") != (b.state == "in_transit")) return a.state == "in_transit";
        return a.id > b.id;
    });
    return shipments;
}

ShipmentList::ShipmentList(i18n::Language language)
    : language_(language),
      table_({{"lending_desk.shipment.column.number", 9.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return rows_[row].request_number; }},
              {"lending_desk.shipment.column.direction", 6.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return i18n::text("lending_desk.shipment.direction." + rows_[row].direction, language_); }},
              {"lending_desk.shipment.column.state", 5.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return i18n::text("lending_desk.shipment.state." + rows_[row].state, language_); }},
              {"lending_desk.shipment.column.carrier", 7.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return rows_[row].carrier; }},
              {"lending_desk.shipment.column.tracking", 9.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return rows_[row].tracking_number; }},
              {"lending_desk.shipment.column.tags", 9.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return joined(rows_[row].tags); }},
              {"lending_desk.shipment.column.sent", 7.0F, CellAlignment::left, SortKind::date,
               [this](std::size_t row) { return calendar::format_date(rows_[row].sent_date); }, {},
               [this](std::size_t row) { return rows_[row].sent_date; }},
              {"lending_desk.shipment.column.received", 0.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return rows_[row].received_date; }}},
             0) {}

void ShipmentList::set_language(i18n::Language language) {
    if (language == language_) return;
    language_ = language;
    table_.contents_changed();
}

void ShipmentList::load(ApiClient& api) {
    ++generation_;
    state_ = State::loading;
    api.get("/api/v1/lending/shipments", [this, generation = generation_](const ApiResult& result) {
        if (generation == generation_) accept(result);
    });
}

void ShipmentList::accept(const ApiResult& result) {
    auto shipments = result.ok() ? shipments_from_body(result.body) : std::nullopt;
    if (!shipments) {
        error_ = result.ok() ? api::make_error("internal") : result.error;
        state_ = State::failed;
        return;
    }
    rows_ = std::move(*shipments);
    table_.set_rows(rows_.size());
    error_ = {};
    state_ = State::loaded;
}

void ShipmentList::open(std::int64_t id, const calendar::Date& today) {
    if (opened_ == id) return;
    opened_ = id;
    received.set(today);
    date_missing_ = false;
    receipt_error_ = {};
}

const ShipmentRecord* ShipmentList::opened() const {
    if (!opened_) return nullptr;
    const auto found = std::find_if(rows_.begin(), rows_.end(), [&](const ShipmentRecord& row) { return row.id == *opened_; });
    return found == rows_.end() ? nullptr : &*found;
}

bool ShipmentList::confirm_receipt(ApiClient& api) {
    const auto* shipment = opened();
    if (shipment == nullptr || confirming_ || shipment->state != "in_transit") return false;
    receipt_error_ = {};
    date_missing_ = !received.value();
    if (date_missing_) return false;
    confirming_ = true;
    const nlohmann::json body{{"received_date", calendar::format_date(*received.value())}, {"version", shipment->version}};
    const auto number = shipment->request_number;
    api.send({"POST", "/api/v1/lending/shipments/" + std::to_string(shipment->id) + "/receipt", body.dump(), {}},
             [this, &api, number](const ApiResult& result) {
                 confirming_ = false;
                 if (!result.ok()) {
                     receipt_error_ = result.error;
                     return;
                 }
                 received_number_ = number;
                 load(api);
             });
    return true;
}

std::string ShipmentList::receipt_error(i18n::Language language) const {
    if (date_missing_) return i18n::text("field.required", language);
    if (receipt_error_.code.empty()) return {};
    if (!receipt_error_.fields.empty()) return field_message(receipt_error_.fields.begin()->second, language);
    return error_text(receipt_error_, language);
}

}  // namespace madoguchi::client
