#include "configuration/route_support.hpp"

#include "audit/audit_log.hpp"
#include "http/errors.hpp"
#include "http/paging.hpp"
#include "identity/request_actor.hpp"

namespace madoguchi::server::configuration {

using madoguchi::identity::Role;

http::Access item_readers() {
    return http::Access::roles_of({Role::manager, Role::desk_operator, Role::it_office, Role::auditor, Role::admin});
}

http::Access item_writers() { return http::Access::roles_of({Role::desk_operator, Role::it_office, Role::admin}); }

std::optional<std::int64_t> number_in_path(const http::RequestContext& context, httplib::Response& response,
                                           const std::string& name) {
    const auto id = http::parse_id(context.params.at(name));
    if (std::holds_alternative<api::ApiError>(id)) {
        auto named = api::make_error("invalid_parameter");
        api::add_field(named, name, "field.not_integer");
        http::send_error(response, 400, named);
        return std::nullopt;
    }
    return std::get<std::int64_t>(id);
}

store::Result<std::variant<ItemRow, http::Reply>> item_or_404(store::Database& database, std::int64_t id) {
    auto found = find_item(database, id);
    if (!found) return store::Error{found.error()};
    if (!found.value()) return std::variant<ItemRow, http::Reply>(http::refusal(404, api::make_error("not_found")));
    return std::variant<ItemRow, http::Reply>(std::move(*found.value()));
}

store::Status record_item_change(store::Database& database, const http::RequestContext& context, std::string action,
                                 std::int64_t item_id, std::optional<nlohmann::json> before,
                                 std::optional<nlohmann::json> after) {
    return audit::record(database, {identity::actor_of(context), std::move(action), "configuration_item",
                                    std::to_string(item_id), std::move(before), std::move(after)});
}

}  // namespace madoguchi::server::configuration
