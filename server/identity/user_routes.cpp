#include "identity/user_routes.hpp"

#include "audit/audit_log.hpp"
#include "http/body_reader.hpp"
#include "lending/scan_code.hpp"
#include "http/errors.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "http/request_log.hpp"
#include "http/transaction_reply.hpp"
#include "identity/division_store.hpp"
#include "identity/login_throttle.hpp"
#include "identity/password.hpp"
#include "identity/principal.hpp"
#include "identity/request_actor.hpp"
#include "identity/session_store.hpp"
#include "identity/user_changes.hpp"

namespace madoguchi::server::identity {
namespace {

using http::Access;
using http::RequestContext;
using madoguchi::identity::Role;

using http::answer_in_transaction;
using http::json_object;
using http::refusal;
using http::Reply;
using http::send_failure;

std::variant<UserQuery, api::ApiError> parse_user_query(const httplib::Request& request) {
    UserQuery query;
    auto page = http::parse_page(request);
    if (auto* error = std::get_if<api::ApiError>(&page)) return *error;
    query.limit = static_cast<int>(std::get<http::Page>(page).limit);
    query.offset = static_cast<int>(std::get<http::Page>(page).offset);
    auto error = api::make_error("invalid_parameter");
    query.text = http::query_param(request, "q").value_or("");
    if (auto role = http::query_param(request, "role")) {
        query.role = madoguchi::identity::parse_role(*role);
        if (!query.role) api::add_field(error, "role", "field.unknown_role");
    }
    query.division_code = http::query_param(request, "division").value_or("");
    if (auto disabled = http::query_param(request, "disabled")) {
        if (*disabled == "true" || *disabled == "false") {
            query.disabled = *disabled == "true";
        } else {
            api::add_field(error, "disabled", "field.not_boolean");
        }
    }
    if (!error.fields.empty()) return error;
    return query;
}

store::Result<std::optional<UserRecord>> user_in_path(store::Database& database, const RequestContext& context,
                                                      std::optional<api::ApiError>& invalid) {
    const auto id = http::parse_id(context.params.at("id"));
    if (const auto* error = std::get_if<api::ApiError>(&id)) {
        invalid = *error;
        return std::optional<UserRecord>();
    }
    return find_user(database, std::get<std::int64_t>(id));
}

// Reads the body of a create or change; the refusal when its shape is wrong (400) or it
// names a role that does not exist (422).
std::variant<UserFields, http::BodyRefusal> fields_from(http::BodyReader& body, UserFields fields, bool creating) {
    std::vector<std::string> unknown_roles;
    apply_body(body, fields, creating, unknown_roles);
    if (auto refusal = body.refusal()) return *refusal;
    if (!unknown_roles.empty()) {
        return http::BodyRefusal{422, api::field_error("validation_failed", "roles", "field.unknown_role")};
    }
    return fields;
}

void list(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response) {
    const auto query = parse_user_query(request);
    if (const auto* error = std::get_if<api::ApiError>(&query)) return http::send_error(response, 400, *error);
    auto page = database.use([&](store::Database& connection) { return list_users(connection, std::get<UserQuery>(query)); });
    if (!page) return send_failure(request, response, page.error());
    auto users = nlohmann::json::array();
    for (const auto& user : page.value().users) users.push_back(to_json(user));
    http::send_json(response, 200, {{"users", users}, {"total", page.value().total}});
}

void create(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
            const RequestContext& context) {
    const auto object = json_object(request, response);
    if (!object) return;
    http::BodyReader body(*object, {"login", "name", "name_kana", "division_code", "roles", "vendor_company", "email",
                                    "password"});
    const auto password = body.optional_string("password");
    auto fields = fields_from(body, {}, true);
    if (const auto* refusal = std::get_if<http::BodyRefusal>(&fields)) {
        return http::send_error(response, refusal->status, refusal->error);
    }
    std::optional<std::string> hash;
    if (password) {
        if (const auto problems = madoguchi::identity::validate_password(*password); !problems.empty()) {
            return http::send_error(response, 422,
                                   api::field_error("validation_failed", "password", problems.front().reason_key));
        }
        hash = hash_password(*password);
        if (!hash) return send_failure(request, response, "cannot hash the password (out of memory)");
    }
    const auto& user_fields = std::get<UserFields>(fields);
    answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto problems = check_user(connection, user_fields, std::nullopt);
        if (!problems) return store::Error{problems.error()};
        if (problems.value()) return refusal(422, *problems.value());
        auto id = insert_user(connection, user_fields, hash, calendar::now());
        if (!id) return store::Error{id.error()};
        auto stored = find_user(connection, id.value());
        if (!stored || !stored.value()) return store::Error{"the new user cannot be read back"};
        const auto document = to_json(*stored.value());
        auto recorded = audit::record(
            connection, {actor_of(context), "user.created", "user", std::to_string(id.value()), std::nullopt, document});
        if (!recorded) return store::Error{recorded.error()};
        return Reply{201, {{"user", document}}};
    });
}

void change(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
            const RequestContext& context) {
    const auto object = json_object(request, response);
    if (!object) return;
    http::BodyReader body(*object,
                          {"name", "name_kana", "division_code", "roles", "vendor_company", "email", "disabled", "staff_card"});
    const auto disabled = body.optional_boolean("disabled");
    // The number printed on the staff ID card, as the counter's scanner reads it; "" withdraws it.
    auto staff_card = body.optional_string("staff_card");
    if (staff_card && !staff_card->empty()) {
        const auto scanned = madoguchi::lending::classify_scan(*staff_card);
        if (scanned.kind != madoguchi::lending::ScanKind::staff_id) body.add_problem("staff_card", "field.invalid_staff_card");
        staff_card = scanned.code;
    }
    answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        std::optional<api::ApiError> invalid;
        auto found = user_in_path(connection, context, invalid);
        if (invalid) return refusal(400, *invalid);
        if (!found) return store::Error{found.error()};
        if (!found.value()) return refusal(404, api::make_error("not_found"));
        const auto& before = *found.value();
        auto fields = fields_from(body, before.fields, false);
        if (const auto* refused = std::get_if<http::BodyRefusal>(&fields)) return refusal(refused->status, refused->error);
        const auto& after = std::get<UserFields>(fields);
        auto problems = check_user(connection, after, before.id);
        if (!problems) return store::Error{problems.error()};
        if (problems.value()) return refusal(422, *problems.value());
        const bool disabled_after = disabled.value_or(before.disabled);
        auto last_admin = removes_last_admin(connection, before, after, disabled_after);
        if (!last_admin) return store::Error{last_admin.error()};
        if (last_admin.value()) return refusal(409, api::make_error("last_admin"));
        const auto now = calendar::now();
        if (auto updated = update_user(connection, before.id, after, now); !updated) return store::Error{updated.error()};
        if (staff_card && *staff_card != before.staff_card) {
            auto issued = set_staff_card(connection, before.id, *staff_card);
            if (!issued) return store::Error{issued.error()};
            if (!issued.value()) return refusal(409, api::field_error("conflict", "staff_card", "field.staff_card_taken"));
        }
        if (disabled_after != before.disabled) {
            if (auto set = set_disabled(connection, before.id, disabled_after, now); !set) return store::Error{set.error()};
            // A disabled account is signed out at once, not at its next timeout.
            if (disabled_after) {
                if (auto removed = delete_user_sessions(connection, before.id, ""); !removed) return store::Error{removed.error()};
            }
        }
        auto stored = find_user(connection, before.id);
        if (!stored || !stored.value()) return store::Error{"the user cannot be read back"};
        const auto document = to_json(*stored.value());
        auto recorded = audit::record(
            connection, {actor_of(context), "user.updated", "user", std::to_string(before.id), to_json(before), document});
        if (!recorded) return store::Error{recorded.error()};
        return Reply{200, {{"user", document}}};
    });
}

void set_password(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                  const RequestContext& context) {
    const auto object = json_object(request, response);
    if (!object) return;
    http::BodyReader body(*object, {"password"});
    const auto password = body.string("password");
    if (const auto refused = body.refusal()) return http::send_error(response, refused->status, refused->error);
    if (const auto problems = madoguchi::identity::validate_password(password); !problems.empty()) {
        return http::send_error(response, 422,
                               api::field_error("validation_failed", "password", problems.front().reason_key));
    }
    const auto hash = hash_password(password);
    if (!hash) return send_failure(request, response, "cannot hash the password (out of memory)");
    answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        std::optional<api::ApiError> invalid;
        auto found = user_in_path(connection, context, invalid);
        if (invalid) return refusal(400, *invalid);
        if (!found) return store::Error{found.error()};
        if (!found.value()) return refusal(404, api::make_error("not_found"));
        const auto id = found.value()->id;
        if (auto set = set_password_hash(connection, id, *hash, calendar::now()); !set) return store::Error{set.error()};
        if (auto removed = delete_user_sessions(connection, id, ""); !removed) return store::Error{removed.error()};
        auto recorded =
            audit::record(connection, {actor_of(context), "user.password_set", "user", std::to_string(id), std::nullopt, std::nullopt});
        if (!recorded) return store::Error{recorded.error()};
        return Reply{204, {}};
    });
}

}  // namespace

void add_user_routes(http::Router& router, store::SharedDatabase& database, const IdentityConfig& config) {
    const auto readers = Access::roles_of({Role::admin, Role::it_office, Role::auditor});
    const auto admins = Access::roles_of({Role::admin});

    router.add({"GET", "/api/v1/users", "listUsers", readers,
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext&) {
                    list(database, request, response);
                }});
    router.add({"POST", "/api/v1/users", "createUser", admins,
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    create(database, request, response, context);
                }});
    router.add({"GET", "/api/v1/users/{id}", "getUser", readers,
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    std::optional<api::ApiError> invalid;
                    auto found = database.use(
                        [&](store::Database& connection) { return user_in_path(connection, context, invalid); });
                    if (invalid) return http::send_error(response, 400, *invalid);
                    if (!found) return send_failure(request, response, found.error());
                    if (!found.value()) return http::send_error(response, 404, api::make_error("not_found"));
                    http::send_json(response, 200, {{"user", to_json(*found.value())}});
                }});
    router.add({"PATCH", "/api/v1/users/{id}", "updateUser", admins,
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    change(database, request, response, context);
                }});
    router.add({"PUT", "/api/v1/users/{id}/password", "setUserPassword", admins,
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    set_password(database, request, response, context);
                }});
    router.add({"GET", "/api/v1/login-blocks", "listLoginBlocks", admins,
                [&database, &config](const httplib::Request& request, httplib::Response& response, const RequestContext&) {
                    const auto now = calendar::now();
                    const int fewest = std::min(config.throttle.login_threshold, config.throttle.address_threshold);
                    auto entries = database.use([&](store::Database& connection) {
                        return list_throttled(connection, fewest, config.throttle, now);
                    });
                    if (!entries) return send_failure(request, response, entries.error());
                    auto blocks = nlohmann::json::array();
                    for (const auto& entry : entries.value()) {
                        // An address is listed from its own, higher threshold on.
                        const bool address = entry.key.starts_with("address:");
                        if (address && entry.failures < config.throttle.address_threshold) continue;
                        auto document = to_json(entry);
                        const auto until = calendar::parse_iso8601(entry.blocked_until).instant;
                        document["blocked"] = until && *until > now;
                        blocks.push_back(document);
                    }
                    http::send_json(response, 200, {{"blocks", blocks}});
                }});
    router.add({"DELETE", "/api/v1/login-blocks/{key}", "clearLoginBlock", admins,
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    const auto& key = context.params.at("key");
                    answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
                        if (auto cleared = clear_failures(connection, key); !cleared) return store::Error{cleared.error()};
                        if (connection.changes() == 0) return refusal(404, api::make_error("not_found"));
                        auto recorded = audit::record(
                            connection, {actor_of(context), "login_block.cleared", "login_block", key, std::nullopt, std::nullopt});
                        if (!recorded) return store::Error{recorded.error()};
                        return Reply{204, {}};
                    });
                }});
    router.add({"GET", "/api/v1/divisions", "listDivisions", Access::signed_in(),
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext&) {
                    auto divisions = database.use([](store::Database& connection) { return list_divisions(connection); });
                    if (!divisions) return send_failure(request, response, divisions.error());
                    auto items = nlohmann::json::array();
                    for (const auto& division : divisions.value()) items.push_back(to_json(division));
                    http::send_json(response, 200, {{"divisions", items}});
                }});
}

}  // namespace madoguchi::server::identity
