#include "configuration/settings_routes.hpp"

#include "configuration/route_support.hpp"
#include "configuration/settings_store.hpp"
#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "http/query_params.hpp"
#include "identity/principal.hpp"

namespace madoguchi::server::configuration {
namespace {

using http::Reply;
using http::RequestContext;
using http::refusal;

using Versions = std::vector<domain::SettingsVersion>;

// The item's versions (newest first), or the 404 to answer.
store::Result<std::variant<Versions, Reply>> versions_of(store::Database& database, std::int64_t id) {
    auto found = item_or_404(database, id);
    if (!found) return store::Error{found.error()};
    if (auto* reply = std::get_if<Reply>(&found.value())) return std::variant<Versions, Reply>(*reply);
    auto versions = list_settings_versions(database, id);
    if (!versions) return store::Error{versions.error()};
    return std::variant<Versions, Reply>(std::move(versions.value()));
}

// Runs `answer` over the item's versions outside a transaction (reads).
void read_versions(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                   std::int64_t id, const std::function<Reply(const Versions&)>& answer) {
    auto reply = database.use([&](store::Database& connection) -> store::Result<Reply> {
        auto versions = versions_of(connection, id);
        if (!versions) return store::Error{versions.error()};
        if (auto* refused = std::get_if<Reply>(&versions.value())) return *refused;
        return answer(std::get<Versions>(versions.value()));
    });
    if (!reply) return http::send_failure(request, response, reply.error());
    http::send_json(response, reply.value().status, reply.value().body);
}

Reply unknown_version(std::string_view field, int status) {
    auto error = api::make_error(status == 404 ? "not_found" : "invalid_parameter");
    api::add_field(error, field, "field.unknown_settings_version");
    return refusal(status, error);
}

void list(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
          const RequestContext& context) {
    const auto id = number_in_path(context, response, "id");
    if (!id) return;
    read_versions(database, request, response, *id, [](const Versions& versions) {
        auto listed = nlohmann::json::array();
        for (const auto& version : versions) listed.push_back(domain::to_json(version));
        return Reply{200, {{"versions", listed}}};
    });
}

void one(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
         const RequestContext& context) {
    const auto id = number_in_path(context, response, "id");
    if (!id) return;
    const auto number = number_in_path(context, response, "number");
    if (!number) return;
    read_versions(database, request, response, *id, [&](const Versions& versions) {
        const auto* version = domain::find_version(versions, *number);
        if (version == nullptr) return unknown_version("number", 404);
        return Reply{200, {{"version", domain::to_json(*version)}}};
    });
}

void difference(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                const RequestContext& context) {
    const auto id = number_in_path(context, response, "id");
    if (!id) return;
    auto error = api::make_error("invalid_parameter");
    std::int64_t numbers[2] = {0, 0};
    const char* names[2] = {"from", "to"};
    for (int index = 0; index < 2; ++index) {
        const auto text = http::query_param(request, names[index]);
        const auto parsed = text ? http::parse_integer(*text) : std::nullopt;
        if (!text) {
            api::add_field(error, names[index], "field.required");
        } else if (!parsed) {
            api::add_field(error, names[index], "field.not_integer");
        } else {
            numbers[index] = *parsed;
        }
    }
    if (!error.fields.empty()) return http::send_error(response, 400, error);
    read_versions(database, request, response, *id, [&](const Versions& versions) {
        const auto* from = domain::find_version(versions, numbers[0]);
        const auto* to = domain::find_version(versions, numbers[1]);
        if (from == nullptr || to == nullptr) {
            auto unknown = api::make_error("invalid_parameter");
            if (from == nullptr) api::add_field(unknown, "from", "field.unknown_settings_version");
            if (to == nullptr) api::add_field(unknown, "to", "field.unknown_settings_version");
            return refusal(400, unknown);
        }
        return Reply{200, {{"from", from->number}, {"to", to->number}, {"diff", domain::to_json(domain::diff(from->values, to->values))}}};
    });
}

// Writes the next version with `values` (after the checks every change shares) and audits it.
store::Result<Reply> write_version(store::Database& connection, const RequestContext& context, std::int64_t id,
                                   const Versions& versions, domain::SettingValues values, const std::string& reason,
                                   std::string_view action, std::optional<std::int64_t> restored_from) {
    const domain::SettingValues none;
    const auto& newest = versions.empty() ? none : versions.front().values;
    if (auto problems = domain::validate(values); !problems.empty()) return refusal(422, api::validation_error(problems));
    if (!versions.empty() && newest == values) {
        auto error = api::make_error("validation_failed");
        api::add_field(error, "values", "field.no_setting_change");
        return refusal(422, error);
    }
    const domain::SettingsVersion version{versions.empty() ? 1 : versions.front().number + 1,
                                          context.principal->user.fields.login,
                                          calendar::format_iso8601_utc(calendar::now()), reason, std::move(values)};
    if (auto stored = insert_settings_version(connection, id, version); !stored) return store::Error{stored.error()};
    auto after = domain::to_json(version);
    after["diff"] = domain::to_json(domain::diff(newest, version.values));
    if (restored_from) after["restored_from"] = *restored_from;
    auto recorded = record_item_change(connection, context, std::string(action), id,
                                       versions.empty() ? std::nullopt : std::optional(domain::to_json(versions.front())),
                                       after);
    if (!recorded) return store::Error{recorded.error()};
    return Reply{201, {{"version", domain::to_json(version)}}};
}

void change(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
            const RequestContext& context) {
    const auto id = number_in_path(context, response, "id");
    if (!id) return;
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"values", "changes", "reason", "version"});
    const auto reason = reader.string("reason");
    // The newest version number the client read (0 before the first): a change on an older
    // one would silently drop what someone else set meanwhile.
    const auto read_version = reader.integer("version");
    std::optional<domain::SettingValues> values;
    std::optional<domain::SettingChanges> changes;
    if (reader.has("values") == reader.has("changes")) {
        reader.add_problem("values", "field.required");
    } else if (reader.has("values")) {
        values = domain::values_from_json(object->at("values"));
        if (!values) reader.add_problem("values", "field.not_object");
    } else {
        const auto& given = object->at("changes");
        const auto set = given.is_object() ? domain::values_from_json(given.value("set", nlohmann::json::object()))
                                           : std::nullopt;
        const auto removed = given.is_object() ? given.value("removed", nlohmann::json::array()) : nlohmann::json();
        if (!set || !removed.is_array() || !std::all_of(removed.begin(), removed.end(), [](const auto& name) { return name.is_string(); })) {
            reader.add_problem("changes", "field.not_object");
        } else {
            changes = domain::SettingChanges{*set, removed.get<std::vector<std::string>>()};
        }
    }
    if (auto refused = reader.refusal()) return http::send_error(response, refused->status, refused->error);
    if (auto problems = domain::validate_reason(reason); !problems.empty()) {
        return http::send_error(response, 422, api::validation_error(problems));
    }
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto versions = versions_of(connection, *id);
        if (!versions) return store::Error{versions.error()};
        if (auto* refused = std::get_if<Reply>(&versions.value())) return *refused;
        const auto& existing = std::get<Versions>(versions.value());
        const auto newest_number = existing.empty() ? 0 : existing.front().number;
        if (read_version != newest_number) {
            auto stale = api::to_json(api::make_error("stale_version"));
            stale["version"] = existing.empty() ? nlohmann::json(nullptr) : domain::to_json(existing.front());
            return Reply{409, stale};
        }
        auto next = values ? *values : domain::apply(existing.empty() ? domain::SettingValues{} : existing.front().values, *changes);
        return write_version(connection, context, *id, existing, std::move(next), reason, "settings.changed", std::nullopt);
    });
}

void restore(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
             const RequestContext& context) {
    const auto id = number_in_path(context, response, "id");
    if (!id) return;
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"version_number", "reason"});
    const auto number = reader.integer("version_number");
    const auto reason = reader.string("reason");
    if (auto refused = reader.refusal()) return http::send_error(response, refused->status, refused->error);
    if (auto problems = domain::validate_reason(reason); !problems.empty()) {
        return http::send_error(response, 422, api::validation_error(problems));
    }
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto versions = versions_of(connection, *id);
        if (!versions) return store::Error{versions.error()};
        if (auto* refused = std::get_if<Reply>(&versions.value())) return *refused;
        const auto& existing = std::get<Versions>(versions.value());
        const auto* restored = domain::find_version(existing, number);
        if (restored == nullptr) {
            auto error = api::make_error("validation_failed");
            api::add_field(error, "version_number", "field.unknown_settings_version");
            return refusal(422, error);
        }
        return write_version(connection, context, *id, existing, restored->values, reason, "settings.restored", number);
    });
}

}  // namespace

void add_settings_routes(http::Router& router, store::SharedDatabase& database) {
    router.add({"GET", "/api/v1/configuration-items/{id}/settings", "listSettingsVersions", item_readers(),
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    list(database, request, response, context);
                }});
    router.add({"POST", "/api/v1/configuration-items/{id}/settings", "changeSettings", item_writers(),
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    change(database, request, response, context);
                }});
    // Before /settings/{number}, which would take "diff" and "restore" for a number.
    router.add({"GET", "/api/v1/configuration-items/{id}/settings/diff", "diffSettingsVersions", item_readers(),
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    difference(database, request, response, context);
                }});
    router.add({"POST", "/api/v1/configuration-items/{id}/settings/restore", "restoreSettingsVersion", item_writers(),
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    restore(database, request, response, context);
                }});
    router.add({"GET", "/api/v1/configuration-items/{id}/settings/{number}", "getSettingsVersion", item_readers(),
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    one(database, request, response, context);
                }});
}

}  // namespace madoguchi::server::configuration
