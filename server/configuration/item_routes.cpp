#include "configuration/item_routes.hpp"

#include "configuration/route_support.hpp"
#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "http/query_params.hpp"

namespace madoguchi::server::configuration {
namespace {

using http::Reply;
using http::RequestContext;
using http::refusal;

struct ItemBody {
    domain::ItemFields fields;
    std::int64_t version = 0;  // change only
};

// A create needs kind and name; a change starts from the stored fields and names the version.
std::variant<ItemBody, http::BodyRefusal> read_item_body(const nlohmann::json& object, const domain::ItemFields& base,
                                                        bool creating) {
    http::BodyReader reader(object, {"kind", "name", "description", "owner_division", "vendor", "product_version", "version"});
    ItemBody body{base, 0};
    auto& f = body.fields;
    const auto kind = creating ? std::optional<std::string>(reader.string("kind")) : reader.optional_string("kind");
    if (creating) {
        f.name = reader.string("name");
        if (reader.has("version")) reader.add_problem("version", "field.unknown_field");
    } else {
        if (auto name = reader.optional_string("name")) f.name = std::move(*name);
        body.version = reader.integer("version");
    }
    for (auto [member, target] : {std::pair{"description", &f.description}, std::pair{"owner_division", &f.owner_division},
                                  std::pair{"vendor", &f.vendor}, std::pair{"product_version", &f.product_version}}) {
        if (auto value = reader.optional_string(member)) *target = std::move(*value);
    }
    if (auto refused = reader.refusal()) return *refused;
    if (kind) {
        const auto parsed = domain::parse_kind(*kind);
        if (!parsed) {
            auto error = api::make_error("validation_failed");
            api::add_field(error, "kind", "field.unknown_item_kind");
            return http::BodyRefusal{422, error};
        }
        f.kind = *parsed;
    }
    return body;
}

// The item's name must be its own; the owner a known division.
store::Result<std::optional<Reply>> check_stored(store::Database& database, const domain::ItemFields& fields,
                                                 std::int64_t self) {
    auto holder = item_id_of_name(database, fields.name);
    if (!holder) return store::Error{holder.error()};
    if (holder.value() && *holder.value() != self) {
        auto error = api::make_error("duplicate_item_name");
        api::add_field(error, "name", "field.duplicate_item_name");
        return std::optional<Reply>(refusal(409, error));
    }
    if (!fields.owner_division.empty()) {
        auto select = database.prepare("SELECT 1 FROM divisions WHERE code = ?1");
        if (!select) return store::Error{select.error()};
        select.value().bind(1, fields.owner_division);
        auto known = select.value().step();
        if (!known) return store::Error{known.error()};
        if (!known.value()) {
            const validation::FieldProblem problem{"owner_division", "field.unknown_division"};
            return std::optional<Reply>(refusal(422, api::validation_error(std::span(&problem, 1))));
        }
    }
    return std::optional<Reply>();
}

store::Result<ItemRow> reread(store::Database& database, std::int64_t id) {
    auto found = find_item(database, id);
    if (!found) return store::Error{found.error()};
    if (!found.value()) return store::Error{"configuration item " + std::to_string(id) + " cannot be read back"};
    return std::move(*found.value());
}

void list(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response) {
    ItemQuery query;
    query.text = http::query_param(request, "q").value_or("");
    if (auto kind = http::query_param(request, "kind"); kind && !kind->empty()) {
        query.kind = domain::parse_kind(*kind);
        if (!query.kind) {
            auto error = api::make_error("invalid_parameter");
            api::add_field(error, "kind", "field.unknown_item_kind");
            return http::send_error(response, 400, error);
        }
    }
    auto rows = database.use([&](store::Database& connection) { return list_items(connection, query); });
    if (!rows) return http::send_failure(request, response, rows.error());
    auto items = nlohmann::json::array();
    for (const auto& row : rows.value()) items.push_back(to_json(row));
    http::send_json(response, 200, {{"items", items}, {"total", rows.value().size()}});
}

void detail(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
            const RequestContext& context) {
    const auto id = number_in_path(context, response, "id");
    if (!id) return;
    auto found = database.use([&](store::Database& connection) { return find_item(connection, *id); });
    if (!found) return http::send_failure(request, response, found.error());
    if (!found.value()) return http::send_error(response, 404, api::make_error("not_found"));
    http::send_json(response, 200, {{"item", to_json(*found.value())}});
}

void create(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
            const RequestContext& context) {
    const auto object = http::json_object(request, response);
    if (!object) return;
    auto body = read_item_body(*object, {}, true);
    if (const auto* refused = std::get_if<http::BodyRefusal>(&body)) {
        return http::send_error(response, refused->status, refused->error);
    }
    const auto& fields = std::get<ItemBody>(body).fields;
    if (const auto problems = domain::validate(fields); !problems.empty()) {
        return http::send_error(response, 422, api::validation_error(problems));
    }
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto problem = check_stored(connection, fields, 0);
        if (!problem) return store::Error{problem.error()};
        if (problem.value()) return *problem.value();
        auto id = insert_item(connection, fields, calendar::now());
        if (!id) return store::Error{id.error()};
        auto stored = reread(connection, id.value());
        if (!stored) return store::Error{stored.error()};
        const auto document = to_json(stored.value());
        auto recorded = record_item_change(connection, context, "configuration_item.created", id.value(), std::nullopt,
                                           domain::to_json(stored.value().item));
        if (!recorded) return store::Error{recorded.error()};
        return Reply{201, {{"item", document}}};
    });
}

void change(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
            const RequestContext& context) {
    const auto id = number_in_path(context, response, "id");
    if (!id) return;
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto found = item_or_404(connection, *id);
        if (!found) return store::Error{found.error()};
        if (auto* reply = std::get_if<Reply>(&found.value())) return *reply;
        const auto& before = std::get<ItemRow>(found.value());
        auto body = read_item_body(*object, before.item.fields, false);
        if (const auto* refused = std::get_if<http::BodyRefusal>(&body)) return refusal(refused->status, refused->error);
        const auto& changed = std::get<ItemBody>(body);
        if (changed.version != before.item.version) {
            auto stale = api::to_json(api::make_error("stale_version"));
            stale["item"] = to_json(before);
            return Reply{409, stale};
        }
        if (const auto problems = domain::validate(changed.fields); !problems.empty()) {
            return refusal(422, api::validation_error(problems));
        }
        // A licence belongs to software: the kind cannot change under one.
        if (before.usage && changed.fields.kind != domain::ItemKind::software) {
            const validation::FieldProblem problem{"kind", "field.licence_for_software_only"};
            return refusal(422, api::validation_error(std::span(&problem, 1)));
        }
        auto problem = check_stored(connection, changed.fields, *id);
        if (!problem) return store::Error{problem.error()};
        if (problem.value()) return *problem.value();
        auto updated = update_item(connection, *id, changed.version, changed.fields, calendar::now());
        if (!updated) return store::Error{updated.error()};
        auto stored = reread(connection, *id);
        if (!stored) return store::Error{stored.error()};
        auto recorded = record_item_change(connection, context, "configuration_item.updated", *id,
                                           domain::to_json(before.item), domain::to_json(stored.value().item));
        if (!recorded) return store::Error{recorded.error()};
        return Reply{200, {{"item", to_json(stored.value())}}};
    });
}

}  // namespace

void add_item_routes(http::Router& router, store::SharedDatabase& database) {
    router.add({"GET", "/api/v1/configuration-items", "listConfigurationItems", item_readers(),
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext&) {
                    list(database, request, response);
                }});
    router.add({"POST", "/api/v1/configuration-items", "createConfigurationItem", item_writers(),
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    create(database, request, response, context);
                }});
    router.add({"GET", "/api/v1/configuration-items/{id}", "getConfigurationItem", item_readers(),
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    detail(database, request, response, context);
                }});
    router.add({"PATCH", "/api/v1/configuration-items/{id}", "updateConfigurationItem", item_writers(),
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    change(database, request, response, context);
                }});
}

}  // namespace madoguchi::server::configuration
