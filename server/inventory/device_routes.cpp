#include "inventory/device_routes.hpp"

#include "http/errors.hpp"
#include "i18n/catalog.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "http/transaction_reply.hpp"
#include "identity/principal.hpp"
#include "identity/request_actor.hpp"
#include "inventory/device_body.hpp"
#include "inventory/device_class.hpp"
#include "inventory/device_filters.hpp"
#include "inventory/device_history.hpp"
#include "inventory/device_store.hpp"
#include "validation/text_rules.hpp"

namespace madoguchi::server::inventory {
namespace {

namespace domain = madoguchi::inventory;
using http::Access;
using http::refusal;
using http::Reply;
using http::RequestContext;
using madoguchi::identity::Role;

constexpr int default_page = 100;

std::variant<DeviceQuery, api::ApiError> parse_query(const httplib::Request& request) {
    DeviceQuery query;
    auto error = api::make_error("invalid_parameter");
    read_device_filters(request, query, error);
    query.limit = default_page;
    read_keyset_page(request, query.limit, query.after, error);
    if (!error.fields.empty()) return error;
    return query;
}

std::optional<std::int64_t> id_in_path(const RequestContext& context, httplib::Response& response) {
    const auto id = http::parse_id(context.params.at("id"));
    if (const auto* error = std::get_if<api::ApiError>(&id)) {
        http::send_error(response, 400, *error);
        return std::nullopt;
    }
    return std::get<std::int64_t>(id);
}

// The stored device, re-read for the answer and the audit record.
store::Result<DeviceRow> reread(store::Database& database, std::int64_t id) {
    auto found = find_device(database, id);
    if (!found) return store::Error{found.error()};
    if (!found.value()) return store::Error{"device " + std::to_string(id) + " cannot be read back"};
    return std::move(*found.value());
}

// Problems of the fields that need the database: references, and a tag another device has.
store::Result<std::optional<Reply>> check_stored(store::Database& database, const domain::AssetFields& fields,
                                                 std::int64_t self) {
    auto problems = check_references(database, fields);
    if (!problems) return store::Error{problems.error()};
    if (!problems.value().empty()) return std::optional<Reply>(refusal(422, api::validation_error(problems.value())));
    auto holder = device_id_of_tag(database, fields.asset_tag);
    if (!holder) return store::Error{holder.error()};
    if (holder.value() && *holder.value() != self) {
        auto error = api::make_error("duplicate_asset_tag");
        api::add_field(error, "asset_tag", "field.duplicate_asset_tag");
        return std::optional<Reply>(refusal(409, error));
    }
    return std::optional<Reply>();
}

Reply stale(const DeviceRow& current) {
    auto body = api::to_json(api::make_error("stale_version"));
    body["device"] = to_json(current);
    return {409, body};
}

void list(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
          const RequestContext& context) {
    auto parsed = parse_query(request);
    if (const auto* error = std::get_if<api::ApiError>(&parsed)) return http::send_error(response, 400, *error);
    auto query = std::get<DeviceQuery>(parsed);
    limit_to(query, reader_scope(*context.principal));
    auto page = database.use([&](store::Database& connection) { return list_devices(connection, query); });
    if (!page) return http::send_failure(request, response, page.error());
    auto devices = nlohmann::json::array();
    for (const auto& device : page.value().devices) devices.push_back(to_json(device));
    const auto& next = page.value().next;
    http::send_json(response, 200,
                    {{"devices", devices},
                     {"total", page.value().total},
                     {"next_cursor", next ? nlohmann::json(encode_cursor(*next)) : nlohmann::json(nullptr)}});
}

nlohmann::json next_states_of(const DeviceRow& device) {
    auto names = nlohmann::json::array();
    const auto* device_class = domain::find_device_class(device.asset.fields.class_code);
    if (device_class == nullptr) return names;
    for (const auto state : domain::next_states(device_class->placement, device.asset.state)) {
        names.push_back(domain::state_name(state));
    }
    return names;
}

void detail(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
            const RequestContext& context) {
    const auto id = id_in_path(context, response);
    if (!id) return;
    auto found = database.use([&](store::Database& connection) { return find_device(connection, *id); });
    if (!found) return http::send_failure(request, response, found.error());
    // Another division's device is as absent as a missing one: its existence is not told.
    if (!found.value() || !visible(reader_scope(*context.principal), *found.value())) {
        return http::send_error(response, 404, api::make_error("not_found"));
    }
    http::send_json(response, 200, {{"device", to_json(*found.value())}, {"next_states", next_states_of(*found.value())}});
}

void create(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
            const RequestContext& context) {
    const auto object = http::json_object(request, response);
    if (!object) return;
    auto body = read_device_body(*object, {}, true);
    if (const auto* refused = std::get_if<http::BodyRefusal>(&body)) {
        return http::send_error(response, refused->status, refused->error);
    }
    const auto& device = std::get<DeviceBody>(body);
    if (const auto problems = domain::validate(device.fields); !problems.empty()) {
        return http::send_error(response, 422, api::validation_error(problems));
    }
    const auto state = device.state.value_or(domain::AssetState::in_stock);
    const auto* device_class = domain::find_device_class(device.fields.class_code);
    if (!domain::state_allowed(device_class->placement, state)) {
        auto error = api::make_error("validation_failed");
        api::add_field(error, "state", std::string(domain::refusal_key(domain::TransitionRefusal::not_for_placement)));
        return http::send_error(response, 422, error);
    }
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto problem = check_stored(connection, device.fields, 0);
        if (!problem) return store::Error{problem.error()};
        if (problem.value()) return *problem.value();
        auto id = insert_device(connection, device.fields, state, calendar::now());
        if (!id) return store::Error{id.error()};
        auto stored = reread(connection, id.value());
        if (!stored) return store::Error{stored.error()};
        const auto document = to_json(stored.value());
        const audit::AuditEntry entry{identity::actor_of(context), "device.created", "device",
                                      std::to_string(id.value()), std::nullopt, document};
        if (auto recorded = record_device_change(connection, id.value(), entry); !recorded) {
            return store::Error{recorded.error()};
        }
        return Reply{201, {{"device", document}}};
    });
}

void change(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
            const RequestContext& context) {
    const auto id = id_in_path(context, response);
    if (!id) return;
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto found = find_device(connection, *id);
        if (!found) return store::Error{found.error()};
        if (!found.value()) return refusal(404, api::make_error("not_found"));
        const auto& before = *found.value();
        auto body = read_device_body(*object, before.asset.fields, false);
        if (const auto* refused = std::get_if<http::BodyRefusal>(&body)) return refusal(refused->status, refused->error);
        const auto& device = std::get<DeviceBody>(body);
        if (device.version != before.asset.version) return stale(before);
        if (const auto problems = domain::validate(device.fields); !problems.empty()) {
            return refusal(422, api::validation_error(problems));
        }
        // A class change must leave the device in a state its new class allows.
        const auto* device_class = domain::find_device_class(device.fields.class_code);
        if (!domain::state_allowed(device_class->placement, before.asset.state)) {
            auto error = api::make_error("validation_failed");
            api::add_field(error, "class", std::string(domain::refusal_key(domain::TransitionRefusal::not_for_placement)));
            return refusal(422, error);
        }
        auto problem = check_stored(connection, device.fields, *id);
        if (!problem) return store::Error{problem.error()};
        if (problem.value()) return *problem.value();
        auto updated = update_device(connection, *id, device.version, device.fields, calendar::now());
        if (!updated) return store::Error{updated.error()};
        auto stored = reread(connection, *id);
        if (!stored) return store::Error{stored.error()};
        const auto document = to_json(stored.value());
        const audit::AuditEntry entry{identity::actor_of(context), "device.updated", "device", std::to_string(*id),
                                      to_json(before), document};
        if (auto recorded = record_device_change(connection, *id, entry); !recorded) return store::Error{recorded.error()};
        return Reply{200, {{"device", document}}};
    });
}

void transition(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                const RequestContext& context) {
    const auto id = id_in_path(context, response);
    if (!id) return;
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"to", "reason", "version"});
    const auto to_name = reader.string("to");
    const auto reason = reader.string("reason");
    const auto version = reader.integer("version");
    if (auto refused = reader.refusal()) return http::send_error(response, refused->status, refused->error);
    auto problems = api::make_error("validation_failed");
    const auto to = domain::parse_state(to_name);
    if (!to) api::add_field(problems, "to", "field.unknown_state");
    const auto reason_problem = validation::text_problem(reason, 500, true);
    if (!reason_problem.empty()) {
        api::add_field(problems, "reason", reason_problem == "field.required" ? "field.reason_required" : reason_problem);
    }
    if (!problems.fields.empty()) return http::send_error(response, 422, problems);
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto found = find_device(connection, *id);
        if (!found) return store::Error{found.error()};
        if (!found.value()) return refusal(404, api::make_error("not_found"));
        const auto& before = *found.value();
        if (version != before.asset.version) return stale(before);
        const auto* device_class = domain::find_device_class(before.asset.fields.class_code);
        const auto refused = domain::check_transition(device_class->placement, before.asset.state, *to);
        if (refused != domain::TransitionRefusal::none) {
            // The answer says why in both languages, not only that it was refused.
            auto error = api::make_error("transition_refused");
            api::add_field(error, "to", domain::refusal_key(refused));
            error.message = i18n::text(domain::refusal_key(refused), i18n::Language::en);
            error.message_ja = i18n::text(domain::refusal_key(refused), i18n::Language::ja);
            return refusal(409, error);
        }
        auto set = set_device_state(connection, *id, version, *to, calendar::now());
        if (!set) return store::Error{set.error()};
        auto stored = reread(connection, *id);
        if (!stored) return store::Error{stored.error()};
        const auto document = to_json(stored.value());
        if (auto recorded = record_state_change(connection, *id, before.asset.state, *to, reason,
                                                identity::actor_of(context));
            !recorded) {
            return store::Error{recorded.error()};
        }
        return Reply{200, {{"device", document}, {"next_states", next_states_of(stored.value())}}};
    });
}

void history(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
             const RequestContext& context) {
    const auto id = id_in_path(context, response);
    if (!id) return;
    std::optional<bool> shown;
    auto entries = database.use([&](store::Database& connection) -> store::Result<std::vector<nlohmann::json>> {
        auto found = find_device(connection, *id);
        if (!found) return store::Error{found.error()};
        shown = found.value() && visible(reader_scope(*context.principal), *found.value());
        if (!*shown) return std::vector<nlohmann::json>();
        return device_history(connection, *id);
    });
    if (!entries) return http::send_failure(request, response, entries.error());
    if (!shown.value_or(false)) return http::send_error(response, 404, api::make_error("not_found"));
    http::send_json(response, 200, {{"history", entries.value()}});
}

}  // namespace

void add_device_routes(http::Router& router, store::SharedDatabase& database) {
    // Vendors see only their tasks (issue 6), never the ledger.
    const auto readers = Access::roles_of(
        {Role::staff, Role::manager, Role::desk_operator, Role::it_office, Role::auditor, Role::admin});
    const auto keepers = Access::roles_of({Role::desk_operator, Role::admin});
    router.add({"GET", "/api/v1/devices", "listDevices", readers,
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    list(database, request, response, context);
                }});
    router.add({"POST", "/api/v1/devices", "createDevice", keepers,
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    create(database, request, response, context);
                }});
    router.add({"GET", "/api/v1/devices/{id}", "getDevice", readers,
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    detail(database, request, response, context);
                }});
    router.add({"PATCH", "/api/v1/devices/{id}", "updateDevice", keepers,
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    change(database, request, response, context);
                }});
    router.add({"POST", "/api/v1/devices/{id}/transitions", "transitionDevice", keepers,
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    transition(database, request, response, context);
                }});
    router.add({"GET", "/api/v1/devices/{id}/history", "getDeviceHistory", readers,
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    history(database, request, response, context);
                }});
}

}  // namespace madoguchi::server::inventory
