#include "inventory/catalog_routes.hpp"

#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "http/transaction_reply.hpp"
#include "i18n/catalog.hpp"
#include "identity/request_actor.hpp"
#include "inventory/asset_state.hpp"
#include "inventory/catalog_store.hpp"
#include "inventory/device_class.hpp"

namespace madoguchi::server::inventory {
namespace {

namespace domain = madoguchi::inventory;
using http::Access;
using http::refusal;
using http::Reply;
using http::RequestContext;
using madoguchi::identity::Role;

std::string_view placement_name(domain::Placement placement) {
    return placement == domain::Placement::installed ? "installed" : "loanable";
}

std::string_view maintenance_name(domain::Maintenance maintenance) {
    switch (maintenance) {
        case domain::Maintenance::on_site: return "on_site";
        case domain::Maintenance::pickup: return "pickup";
        case domain::Maintenance::none: return "none";
    }
    return "none";
}

nlohmann::json hours_json(const std::optional<calendar::ServiceHours>& hours) {
    if (!hours) return nullptr;
    const auto clock = [](int minute) {
        char text[16];
        std::snprintf(text, sizeof text, "%02d:%02d", minute / 60, minute % 60);
        return std::string(text);
    };
    return {{"open", clock(hours->open_minute)}, {"close", clock(hours->close_minute)}};
}

nlohmann::json class_json(const domain::DeviceClass& device_class) {
    auto states = nlohmann::json::array();
    for (const auto state : domain::asset_states()) {
        if (domain::state_allowed(device_class.placement, state)) states.push_back(domain::state_name(state));
    }
    return {{"code", device_class.code},
            {"name_ja", i18n::text(device_class.name_key, i18n::Language::ja)},
            {"name_en", i18n::text(device_class.name_key, i18n::Language::en)},
            {"tag_prefix", device_class.tag_prefix},
            {"placement", placement_name(device_class.placement)},
            {"telemetry", device_class.telemetry},
            {"maintenance", maintenance_name(device_class.maintenance)},
            {"vendor_reception", hours_json(device_class.vendor_reception)},
            {"vendor_service", hours_json(device_class.vendor_service)},
            {"contracted_count", device_class.contracted_count},
            {"standard_accessories", std::vector<std::string>(device_class.standard_accessories.begin(),
                                                              device_class.standard_accessories.end())},
            {"states", states}};
}

void create_location(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                     const RequestContext& context) {
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"building", "floor", "room"});
    Location location;
    location.building = reader.string("building");
    location.floor = reader.optional_string("floor").value_or("");
    location.room = reader.optional_string("room").value_or("");
    if (auto refused = reader.refusal()) return http::send_error(response, refused->status, refused->error);
    if (const auto problems = domain::validate(location); !problems.empty()) {
        return http::send_error(response, 422, api::validation_error(problems));
    }
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto id = insert_location(connection, location);
        if (!id) return store::Error{id.error()};
        if (!id.value()) return refusal(409, api::make_error("duplicate_location"));
        location.id = *id.value();
        const auto document = to_json(location);
        auto recorded = audit::record(connection, {identity::actor_of(context), "location.created", "location",
                                                   std::to_string(location.id), std::nullopt, document});
        if (!recorded) return store::Error{recorded.error()};
        return Reply{201, {{"location", document}}};
    });
}

void create_model(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                  const RequestContext& context) {
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"maker", "name", "class", "consumables"});
    DeviceModel model;
    model.maker = reader.string("maker");
    model.name = reader.string("name");
    model.class_code = reader.string("class");
    model.consumables = reader.optional_strings("consumables").value_or(std::vector<std::string>{});
    if (auto refused = reader.refusal()) return http::send_error(response, refused->status, refused->error);
    if (const auto problems = domain::validate(model); !problems.empty()) {
        return http::send_error(response, 422, api::validation_error(problems));
    }
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto id = insert_model(connection, model);
        if (!id) return store::Error{id.error()};
        if (!id.value()) return refusal(409, api::make_error("duplicate_model"));
        model.id = *id.value();
        const auto document = to_json(model);
        auto recorded = audit::record(connection, {identity::actor_of(context), "device_model.created", "device_model",
                                                   std::to_string(model.id), std::nullopt, document});
        if (!recorded) return store::Error{recorded.error()};
        return Reply{201, {{"model", document}}};
    });
}

template <typename Item>
void send_list(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
               const char* name, store::Result<std::vector<Item>> (*read)(store::Database&)) {
    auto items = database.use([&](store::Database& connection) { return read(connection); });
    if (!items) return http::send_failure(request, response, items.error());
    auto documents = nlohmann::json::array();
    for (const auto& item : items.value()) documents.push_back(to_json(item));
    http::send_json(response, 200, {{name, documents}});
}

}  // namespace

void add_catalog_routes(http::Router& router, store::SharedDatabase& database) {
    const auto keepers = Access::roles_of({Role::desk_operator, Role::admin});
    router.add({"GET", "/api/v1/device-classes", "listDeviceClasses", Access::signed_in(),
                [](const httplib::Request&, httplib::Response& response, const RequestContext&) {
                    auto classes = nlohmann::json::array();
                    for (const auto& device_class : domain::device_classes()) classes.push_back(class_json(device_class));
                    http::send_json(response, 200, {{"classes", classes}});
                }});
    router.add({"GET", "/api/v1/locations", "listLocations", Access::signed_in(),
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext&) {
                    send_list(database, request, response, "locations", list_locations);
                }});
    router.add({"POST", "/api/v1/locations", "createLocation", keepers,
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    create_location(database, request, response, context);
                }});
    router.add({"GET", "/api/v1/device-models", "listDeviceModels", Access::signed_in(),
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext&) {
                    send_list(database, request, response, "models", list_models);
                }});
    router.add({"POST", "/api/v1/device-models", "createDeviceModel", keepers,
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext& context) {
                    create_model(database, request, response, context);
                }});
}

}  // namespace madoguchi::server::inventory
