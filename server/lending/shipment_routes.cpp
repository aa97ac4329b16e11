#include "lending/shipment_routes.hpp"

#include <algorithm>

#include "audit/audit_log.hpp"
#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "http/query_params.hpp"
#include "http/transaction_reply.hpp"
#include "identity/request_actor.hpp"
#include "inventory/device_store.hpp"
#include "knowledge/route_support.hpp"
#include "lending/ledger_moves.hpp"
#include "lending/request_store.hpp"
#include "lending/shipment_store.hpp"

namespace madoguchi::server::lending {
namespace {

namespace domain = madoguchi::lending;
using domain::ShipmentDirection;
using http::Reply;
using madoguchi::inventory::AssetState;

// A refusal about one of the listed tags, naming it.
Reply tag_refusal(int status, std::string_view code, std::size_t index, const std::string& tag, std::string_view reason) {
    auto body = api::to_json(api::field_error(code, "tags[" + std::to_string(index) + "]", reason));
    body["tag"] = tag;
    return Reply{status, body};
}

// The request's refusal for the direction, or empty.
std::optional<Reply> request_refusal(const LoanRequestRow& row, ShipmentDirection direction) {
    if (row.delivery != domain::Delivery::shipping) {
        return http::refusal(409, api::field_error("not_for_shipping", "request_id", "field.not_for_shipping"));
    }
    if (direction == ShipmentDirection::outbound && row.state != domain::RequestState::approved) {
        return http::refusal(409, api::field_error("shipment_refused", "request_id", "field.request_not_approved"));
    }
    if (direction == ShipmentDirection::return_to_desk && row.state != domain::RequestState::on_loan) {
        return http::refusal(409, api::field_error("shipment_refused", "request_id", "field.request_not_on_loan"));
    }
    return std::nullopt;
}

// The listed devices, each of the request and in the state the direction ships from.
store::Result<std::variant<Reply, std::vector<ShippedDevice>>> shipped_devices(store::Database& database,
                                                                                const LoanRequestRow& row,
                                                                                const std::vector<std::string>& tags,
                                                                                ShipmentDirection direction) {
    using Checked = std::variant<Reply, std::vector<ShippedDevice>>;
    const auto from = direction == ShipmentDirection::outbound ? AssetState::reserved : AssetState::on_loan;
    std::vector<ShippedDevice> devices;
    for (std::size_t index = 0; index < tags.size(); ++index) {
        auto id = inventory::device_id_of_tag(database, tags[index]);
        if (!id) return store::Error{id.error()};
        if (!id.value()) return Checked{tag_refusal(404, "unknown_tag", index, tags[index], "field.unknown_tag")};
        const auto allocated = std::any_of(row.devices.begin(), row.devices.end(),
                                           [&](const auto& device) { return device.device_id == *id.value(); });
        if (!allocated) return Checked{tag_refusal(409, "wrong_device", index, tags[index], "field.not_in_request")};
        auto device = inventory::find_device(database, *id.value());
        if (!device) return store::Error{device.error()};
        if (!device.value() || device.value()->asset.state != from) {
            auto reply = tag_refusal(409, "wrong_device_state", index, tags[index], "field.wrong_device_state");
            if (device.value()) reply.body["device_state"] = madoguchi::inventory::state_name(device.value()->asset.state);
            return Checked{reply};
        }
        devices.push_back({*id.value(), device.value()->asset.fields.asset_tag});
    }
    return Checked{devices};
}

store::Status audit_change(store::Database& database, const audit::Actor& actor, std::string_view verb,
                           const std::optional<ShipmentRow>& before, const ShipmentRow& after) {
    std::string action = "loan_shipment.";
    action += verb;
    const audit::AuditEntry entry{actor, action, "loan_shipment", std::to_string(after.id),
                                  before ? std::optional<nlohmann::json>(to_json(*before)) : std::nullopt, to_json(after)};
    return audit::record(database, entry);
}

}  // namespace

void create_shipment(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                     const http::RequestContext& context) {
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"direction", "request_id", "tags", "carrier", "tracking_number", "sent_date"});
    domain::ShipmentDraft draft;
    draft.direction = reader.string("direction");
    const auto request_id = reader.integer("request_id");
    draft.tags = reader.strings("tags");
    draft.carrier = reader.string("carrier");
    draft.tracking_number = reader.string("tracking_number");
    draft.sent_date = reader.string("sent_date");
    if (auto refusal = reader.refusal()) return http::send_error(response, refusal->status, refusal->error);
    const auto now = calendar::now();
    if (const auto problems = domain::validate(draft, calendar::to_tokyo(now).date); !problems.empty()) {
        return http::send_error(response, 422, api::validation_error(problems));
    }
    const auto direction = *domain::parse_direction(draft.direction);
    const auto actor = identity::actor_of(context);
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto found = find_request(connection, request_id);
        if (!found) return store::Error{found.error()};
        if (!found.value()) return http::refusal(404, api::field_error("not_found", "request_id", "field.unknown_request"));
        const auto& loan = *found.value();
        if (auto refusal = request_refusal(loan, direction)) return *refusal;
        auto devices = shipped_devices(connection, loan, draft.tags, direction);
        if (!devices) return store::Error{devices.error()};
        if (auto* refusal = std::get_if<Reply>(&devices.value())) return *refusal;
        ShipmentRow row;
        row.request_id = loan.id;
        row.direction = direction;
        row.carrier = draft.carrier;
        row.tracking_number = draft.tracking_number;
        row.recipient = loan.ship_recipient;
        row.address = loan.ship_address;
        row.sent_date = *calendar::parse_date(draft.sent_date);
        row.sent_by = actor.name;
        row.devices = std::get<std::vector<ShippedDevice>>(devices.value());
        auto id = insert_shipment(connection, row, now);
        if (!id) return store::Error{id.error()};
        for (const auto& device : row.devices) {
            if (auto moved = move_device(connection, device.device_id, AssetState::in_transit, loan.number, actor); !moved) {
                return store::Error{moved.error()};
            }
        }
        auto stored = find_shipment(connection, id.value());
        if (!stored) return store::Error{stored.error()};
        if (auto recorded = audit_change(connection, actor, "sent", std::nullopt, *stored.value()); !recorded) {
            return store::Error{recorded.error()};
        }
        return Reply{201, {{"shipment", to_json(*stored.value())}}};
    });
}

void receive_shipment(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                      const http::RequestContext& context) {
    const auto id = knowledge::path_id(context, response);
    if (!id) return;
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"received_date", "version"});
    const auto received_date = reader.string("received_date");
    const auto version = reader.integer("version");
    if (auto refusal = reader.refusal()) return http::send_error(response, refusal->status, refusal->error);
    const auto now = calendar::now();
    const auto actor = identity::actor_of(context);
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto found = find_shipment(connection, *id);
        if (!found) return store::Error{found.error()};
        if (!found.value()) return http::refusal(404, api::make_error("not_found"));
        const auto& before = *found.value();
        if (before.version != version) {
            auto body = api::to_json(api::make_error("stale_version"));
            body["shipment"] = to_json(before);
            return Reply{409, body};
        }
        if (before.state == domain::ShipmentState::received) return http::refusal(409, api::make_error("already_received"));
        const auto problems = domain::validate_receipt(received_date, before.sent_date, calendar::to_tokyo(now).date);
        if (!problems.empty()) return http::refusal(422, api::validation_error(problems));
        auto loan = find_request(connection, before.request_id);
        if (!loan) return store::Error{loan.error()};
        if (!loan.value()) return store::Error{"shipment " + std::to_string(before.id) + " names no request"};
        if (before.direction == ShipmentDirection::outbound) {
            for (const auto& shipped : before.devices) {
                auto device = inventory::find_device(connection, shipped.device_id);
                if (!device) return store::Error{device.error()};
                // A device reported lost on the way stays lost.
                if (!device.value() || device.value()->asset.state != AssetState::in_transit) continue;
                if (auto moved = move_device(connection, shipped.device_id, AssetState::on_loan, loan.value()->number, actor);
                    !moved) {
                    return store::Error{moved.error()};
                }
            }
            if (loan.value()->state == domain::RequestState::approved) {
                auto started = set_request_state(connection, *loan.value(), domain::RequestState::on_loan, actor.name,
                                                 loan.value()->state_reason, now);
                if (!started) return store::Error{started.error()};
                if (!started.value()) return store::Error{"loan request " + loan.value()->number + " changed inside the transaction"};
                auto after = find_request(connection, loan.value()->id);
                if (!after) return store::Error{after.error()};
                const audit::AuditEntry entry{actor, "loan_request.on_loan", "loan_request", std::to_string(loan.value()->id),
                                              to_json(*loan.value()), to_json(*after.value())};
                if (auto recorded = audit::record(connection, entry); !recorded) return store::Error{recorded.error()};
            }
        }
        auto marked = mark_received(connection, before, *calendar::parse_date(received_date), actor.name, now);
        if (!marked) return store::Error{marked.error()};
        if (!marked.value()) return store::Error{"shipment " + std::to_string(before.id) + " changed inside the transaction"};
        auto after = find_shipment(connection, before.id);
        if (!after) return store::Error{after.error()};
        if (auto recorded = audit_change(connection, actor, "received", before, *after.value()); !recorded) {
            return store::Error{recorded.error()};
        }
        return Reply{201, {{"shipment", to_json(*after.value())}}};
    });
}

void list_shipments_route(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                          const http::RequestContext&) {
    ShipmentFilter filter;
    auto error = api::make_error("invalid_parameter");
    if (auto text = http::query_param(request, "direction"); text && !text->empty()) {
        filter.direction = domain::parse_direction(*text);
        if (!filter.direction) api::add_field(error, "direction", "field.unknown_direction");
    }
    if (auto text = http::query_param(request, "state"); text && !text->empty()) {
        filter.state = domain::parse_shipment_state(*text);
        if (!filter.state) api::add_field(error, "state", "field.unknown_state");
    }
    if (auto text = http::query_param(request, "request"); text && !text->empty()) {
        filter.request_id = http::parse_integer(*text);
        if (!filter.request_id || *filter.request_id < 1) api::add_field(error, "request", "field.not_positive");
    }
    if (!error.fields.empty()) return http::send_error(response, 400, error);
    auto rows = database.use([&](store::Database& connection) { return list_shipments(connection, filter); });
    if (!rows) return http::send_failure(request, response, rows.error());
    auto items = nlohmann::json::array();
    for (const auto& row : rows.value()) items.push_back(to_json(row));
    http::send_json(response, 200, {{"shipments", items}, {"total", items.size()}});
}

void shipment_detail(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                     const http::RequestContext& context) {
    const auto id = knowledge::path_id(context, response);
    if (!id) return;
    auto found = database.use([&](store::Database& connection) { return find_shipment(connection, *id); });
    if (!found) return http::send_failure(request, response, found.error());
    if (!found.value()) return http::send_error(response, 404, api::make_error("not_found"));
    http::send_json(response, 200, {{"shipment", to_json(*found.value())}});
}

}  // namespace madoguchi::server::lending
