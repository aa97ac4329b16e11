#include "telemetry/telemetry_routes.hpp"

#include "http/errors.hpp"
#include "http/paging.hpp"
#include "http/transaction_reply.hpp"
#include "telemetry/poll_cycle.hpp"
#include "telemetry/snmp_poller.hpp"

namespace madoguchi::server::telemetry {
namespace {

using http::Access;
using madoguchi::identity::Role;

// Samples in an answer: a day of the densest kind at the default schedule.
constexpr int recent_samples = 300;

nlohmann::json parsed(const std::string& text) { return nlohmann::json::parse(text, nullptr, false); }

// The device's telemetry, or nullopt when there is no such device.
store::Result<std::optional<nlohmann::json>> device_telemetry(store::Database& database, std::int64_t id) {
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
        "SELECT polled_at, reachable, failure, last_seen_at, reading, oddities, offline_cycles "
        "FROM telemetry_device_state WHERE device_id = ?1");
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
                           {"offline_cycles", s.column_int(6)}};
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
    return std::optional<nlohmann::json>(std::move(answer));
}

void get_device(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                const http::RequestContext& context) {
    const auto id = http::parse_id(context.params.at("id"));
    if (const auto* error = std::get_if<api::ApiError>(&id)) return http::send_error(response, 400, *error);
    auto answer = database.use([&](store::Database& connection) { return device_telemetry(connection, std::get<std::int64_t>(id)); });
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
    auto summary = summarise(outcome, "manual", started, calendar::now(), every_kind());
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

}  // namespace

void add_telemetry_routes(http::Router& router, store::SharedDatabase& database, const ManualPollConfig& config) {
    const auto readers = Access::roles_of({Role::desk_operator, Role::it_office, Role::auditor, Role::admin});
    const auto desk = Access::roles_of({Role::desk_operator, Role::admin});
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
