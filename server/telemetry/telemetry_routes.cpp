// Besides the device's view and its poll (telemetry_routes.hpp), the fleet and the incidents:
//   GET  /api/v1/telemetry/devices    the fleet, interpreted state per device (fleet_list.hpp)
//   GET  /api/v1/telemetry/incidents  the poller's fault incidents (open, affects_users)
// and the toner orders (toner_order_routes.hpp). The device's view also carries its
// interpretation, history, toner orders and incidents.
#include "telemetry/telemetry_routes.hpp"

#include <algorithm>

#include "http/errors.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "http/transaction_reply.hpp"
#include "telemetry/device_history.hpp"
#include "telemetry/fault_incidents.hpp"
#include "telemetry/fleet_list.hpp"
#include "telemetry/poll_cycle.hpp"
#include "telemetry/printer_status.hpp"
#include "telemetry/snmp_poller.hpp"
#include "telemetry/toner_order_routes.hpp"
#include "telemetry/toner_orders.hpp"
#include "text/search_fold.hpp"

namespace madoguchi::server::telemetry {
namespace {

using http::Access;
using madoguchi::identity::Role;

// Samples in an answer: a day of the densest kind at the default schedule.
constexpr int recent_samples = 300;
// The history's days unless the request asks for others; at most the hourly samples' year.
constexpr std::int64_t default_history_days = 30;
constexpr std::int64_t max_history_days = 366;
// Orders and incidents in a device's answer, newest first.
constexpr std::int64_t recent_records = 50;

constexpr madoguchi::telemetry::PrinterState printer_states[] = {
    madoguchi::telemetry::PrinterState::ok, madoguchi::telemetry::PrinterState::attention,
    madoguchi::telemetry::PrinterState::error, madoguchi::telemetry::PrinterState::unreachable,
    madoguchi::telemetry::PrinterState::unknown};

nlohmann::json parsed(const std::string& text) { return nlohmann::json::parse(text, nullptr, false); }

// The device's telemetry, or nullopt when there is no such device.
store::Result<std::optional<nlohmann::json>> device_telemetry(store::Database& database, std::int64_t id,
                                                              std::int64_t history_days = default_history_days) {
    auto device = database.prepare("SELECT asset_tag, network_address, snmp_profile FROM devices WHERE id = ?1");
    if (!device) return store::Error{device.error()};
    device.value().bind(1, id);
    auto found = device.value().step();
    if (!found) return store::Error{found.error()};
    if (!found.value()) return std::optional<nlohmann::json>();
    nlohmann::json answer{{"device_id", id},
                          {"asset_tag", device.value().column_text(0)},
                          {"network_address", device.value().column_text(1)},
                          {"snmp_profile", device.value().column_text(2)},
                          {"state", nullptr}};
    auto state = database.prepare(
        "SELECT polled_at, reachable, failure, last_seen_at, reading, oddities, offline_cycles, printer_state, interpreted, "
        "status_read_at, supplies_read_at, counters_read_at, firmware_read_at FROM telemetry_device_state WHERE device_id = ?1");
    if (!state) return store::Error{state.error()};
    state.value().bind(1, id);
    auto has_state = state.value().step();
    if (!has_state) return store::Error{has_state.error()};
    if (has_state.value()) {
        auto& s = state.value();
        answer["state"] = {{"polled_at", s.column_text(0)},
                           {"reachable", s.column_int(1) == 1},
                           {"failure", s.column_text(2)},
                           {"last_seen_at", s.column_is_null(3) ? nlohmann::json(nullptr) : nlohmann::json(s.column_text(3))},
                           {"reading", parsed(s.column_text(4))},
                           {"oddities", parsed(s.column_text(5))},
                           {"offline_cycles", s.column_int(6)},
                           {"printer_state", s.column_text(7)},
                           {"interpreted", parsed(s.column_text(8))}};
        auto read_at = nlohmann::json::object();
        for (const auto kind : all_sample_kinds) {
            const auto column = 8 + static_cast<int>(kind);
            read_at[std::string(sample_kind_name(kind))] =
                s.column_is_null(column) ? nlohmann::json(nullptr)
                                         : nlohmann::json(calendar::format_iso8601_utc(calendar::Instant{s.column_int(column)}));
        }
        answer["state"]["read_at"] = std::move(read_at);
    }
    auto samples = database.prepare(
        "SELECT kind, at, payload FROM telemetry_samples WHERE device_id = ?1 ORDER BY at DESC, kind LIMIT ?2");
    if (!samples) return store::Error{samples.error()};
    samples.value().bind(1, id).bind(2, std::int64_t{recent_samples});
    auto list = nlohmann::json::array();
    for (;;) {
        auto row = samples.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        auto& s = samples.value();
        list.push_back({{"kind", sample_kind_name(static_cast<SampleKind>(s.column_int(0)))},
                        {"at", calendar::format_iso8601_utc(calendar::Instant{s.column_int(1)})},
                        {"values", parsed(s.column_text(2))}});
    }
    answer["samples"] = std::move(list);
    const auto reading = answer["state"].is_object() ? answer["state"]["reading"] : nlohmann::json::object();
    auto history = device_history(database, id, reading.is_object() ? reading : nlohmann::json::object(),
                                  calendar::Instant{calendar::now().unix_seconds - history_days * 86400});
    if (!history) return store::Error{history.error()};
    answer["history"] = std::move(history.value());
    OrderFilter orders;
    orders.device_id = id;
    orders.limit = recent_records;
    auto toner_orders = list_toner_orders(database, orders);
    if (!toner_orders) return store::Error{toner_orders.error()};
    auto order_list = nlohmann::json::array();
    for (const auto& order : toner_orders.value().orders) order_list.push_back(to_json(order));
    answer["toner_orders"] = std::move(order_list);
    auto incidents = fault_incidents_json(database, id, false, false, recent_records, 0);
    if (!incidents) return store::Error{incidents.error()};
    answer["incidents"] = std::move(incidents.value());
    return std::optional<nlohmann::json>(std::move(answer));
}

void get_device(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                const http::RequestContext& context) {
    const auto id = http::parse_id(context.params.at("id"));
    if (const auto* error = std::get_if<api::ApiError>(&id)) return http::send_error(response, 400, *error);
    auto days = default_history_days;
    if (const auto text = http::query_param(request, "days")) {
        const auto parsed_days = http::parse_integer(*text);
        if (!parsed_days || *parsed_days < 1 || *parsed_days > max_history_days) {
            return http::send_error(response, 400, api::field_error("invalid_parameter", "days", "field.out_of_range_1_366"));
        }
        days = *parsed_days;
    }
    auto answer = database.use(
        [&](store::Database& connection) { return device_telemetry(connection, std::get<std::int64_t>(id), days); });
    if (!answer) return http::send_failure(request, response, answer.error());
    if (!answer.value()) return http::send_error(response, 404, api::make_error("not_found"));
    http::send_json(response, 200, *answer.value());
}

void poll_device(store::SharedDatabase& database, const ManualPollConfig& config, const httplib::Request& request,
                 httplib::Response& response, const http::RequestContext& context) {
    const auto parsed_id = http::parse_id(context.params.at("id"));
    if (const auto* error = std::get_if<api::ApiError>(&parsed_id)) return http::send_error(response, 400, *error);
    const auto id = std::get<std::int64_t>(parsed_id);
    TargetOptions options{config.agent_override, id};
    auto targets = database.use([&](store::Database& connection) -> store::Result<std::optional<std::vector<PollTarget>>> {
        auto exists = device_telemetry(connection, id);
        if (!exists) return store::Error{exists.error()};
        if (!exists.value()) return std::optional<std::vector<PollTarget>>();
        auto loaded = load_poll_targets(connection, options);
        if (!loaded) return store::Error{loaded.error()};
        return std::optional(std::move(loaded.value()));
    });
    if (!targets) return http::send_failure(request, response, targets.error());
    if (!targets.value()) return http::send_error(response, 404, api::make_error("not_found"));
    if (targets.value()->empty()) return http::send_error(response, 409, api::make_error("device_not_polled"));
    // The agents are asked without holding the database: other requests go on meanwhile.
    const auto started = calendar::now();
    const auto outcome = poll_devices(*targets.value(), config.settings);
    auto summary = summarise(outcome, "manual", started, calendar::now());
    auto answer = database.use([&](store::Database& connection) -> store::Result<std::optional<nlohmann::json>> {
        if (auto recorded = record_cycle(connection, summary, outcome.devices); !recorded) {
            return store::Error{recorded.error()};
        }
        return device_telemetry(connection, id);
    });
    if (!answer) return http::send_failure(request, response, answer.error());
    if (!answer.value()) return http::send_error(response, 404, api::make_error("not_found"));
    http::send_json(response, 200, *answer.value());
}

void list_devices(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                  const http::RequestContext&) {
    const auto page = http::parse_page(request);
    if (const auto* error = std::get_if<api::ApiError>(&page)) return http::send_error(response, 400, *error);
    FleetQuery query;
    query.limit = std::get<http::Page>(page).limit;
    query.offset = std::get<http::Page>(page).offset;
    query.floor = http::query_param(request, "floor");
    // Folded as the SQL folds the names (search_fold()), so ＭＦＰ or りこー finds MFP and リコー.
    if (const auto text = http::query_param(request, "q")) {
        if (auto folded = madoguchi::text::fold_for_search(*text); !folded.empty()) query.text = std::move(folded);
    }
    if (const auto model = http::query_param(request, "model_id")) {
        query.model_id = http::parse_integer(*model);
        if (!query.model_id || *query.model_id < 1) {
            return http::send_error(response, 400, api::field_error("invalid_parameter", "model_id", "field.not_positive"));
        }
    }
    if (const auto state = http::query_param(request, "state")) {
        const bool known = std::any_of(std::begin(printer_states), std::end(printer_states),
                                       [&](const auto s) { return madoguchi::telemetry::printer_state_name(s) == *state; });
        if (!known) return http::send_error(response, 400, api::field_error("invalid_parameter", "state", "field.unknown_state"));
        query.state = *state;
    }
    auto answer = database.use([&](store::Database& connection) { return fleet_list(connection, query); });
    if (!answer) return http::send_failure(request, response, answer.error());
    http::send_json(response, 200, answer.value());
}

void list_incidents(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                    const http::RequestContext&) {
    bool flags[2] = {false, false};
    const char* names[2] = {"open", "affects_users"};
    for (int i = 0; i < 2; ++i) {
        const auto value = http::query_param(request, names[i]);
        if (!value) continue;
        if (*value != "true" && *value != "false") {
            return http::send_error(response, 400, api::field_error("invalid_parameter", names[i], "field.not_boolean"));
        }
        flags[i] = *value == "true";
    }
    const auto page = http::parse_page(request);
    if (const auto* error = std::get_if<api::ApiError>(&page)) return http::send_error(response, 400, *error);
    auto answer = database.use([&](store::Database& connection) {
        return fault_incidents_json(connection, 0, flags[0], flags[1], std::get<http::Page>(page).limit,
                                    std::get<http::Page>(page).offset);
    });
    if (!answer) return http::send_failure(request, response, answer.error());
    http::send_json(response, 200, {{"incidents", answer.value()}});
}

}  // namespace

void add_telemetry_routes(http::Router& router, store::SharedDatabase& database, const ManualPollConfig& config) {
    const auto readers = Access::roles_of({Role::desk_operator, Role::it_office, Role::auditor, Role::admin});
    const auto desk = Access::roles_of({Role::desk_operator, Role::admin});
    router.add({"GET", "/api/v1/telemetry/devices", "listTelemetryDevices", readers,
                [&database](const httplib::Request& request, httplib::Response& response, const http::RequestContext& context) {
                    list_devices(database, request, response, context);
                }});
    router.add({"GET", "/api/v1/telemetry/incidents", "listTelemetryIncidents", readers,
                [&database](const httplib::Request& request, httplib::Response& response, const http::RequestContext& context) {
                    list_incidents(database, request, response, context);
                }});
    add_toner_order_routes(router, database);
    router.add({"GET", "/api/v1/telemetry/devices/{id}", "getDeviceTelemetry", readers,
                [&database](const httplib::Request& request, httplib::Response& response, const http::RequestContext& context) {
                    get_device(database, request, response, context);
                }});
    router.add({"POST", "/api/v1/telemetry/devices/{id}/poll", "pollDeviceTelemetry", desk,
                [&database, config](const httplib::Request& request, httplib::Response& response,
                                    const http::RequestContext& context) {
                    poll_device(database, config, request, response, context);
                }});
}

}  // namespace madoguchi::server::telemetry
