#include "inventory/device_filters.hpp"

#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "inventory/device_class.hpp"

namespace madoguchi::server::inventory {

namespace domain = madoguchi::inventory;
using madoguchi::identity::Role;

ReaderScope reader_scope(const identity::Principal& principal) {
    const auto& user = principal.user;
    const std::vector<Role> read_all{Role::desk_operator, Role::it_office, Role::auditor, Role::admin};
    if (madoguchi::identity::has_any_role(user.fields.roles, read_all)) return {};
    if (madoguchi::identity::has_role(user.fields.roles, Role::manager)) return {user.fields.division_code, {}};
    return {{}, user.fields.login};
}

bool visible(const ReaderScope& scope, const DeviceRow& device) {
    if (!scope.only_division.empty()) return device.asset.fields.division_code == scope.only_division;
    if (!scope.only_custodian.empty()) return device.asset.fields.custodian_login == scope.only_custodian;
    return true;
}

void limit_to(DeviceQuery& query, const ReaderScope& scope) {
    query.only_division = scope.only_division;
    query.only_custodian = scope.only_custodian;
}

void read_device_filters(const httplib::Request& request, DeviceQuery& query, api::ApiError& error) {
    query.text = http::query_param(request, "q").value_or("");
    query.class_code = http::query_param(request, "class").value_or("");
    if (!query.class_code.empty() && domain::find_device_class(query.class_code) == nullptr) {
        api::add_field(error, "class", "field.unknown_class");
    }
    if (auto state = http::query_param(request, "state"); state && !state->empty()) {
        query.state = domain::parse_state(*state);
        if (!query.state) api::add_field(error, "state", "field.unknown_state");
    }
    query.division_code = http::query_param(request, "division").value_or("");
    if (auto location = http::query_param(request, "location"); location && !location->empty()) {
        const auto id = http::parse_id(*location);
        if (std::holds_alternative<api::ApiError>(id)) {
            api::add_field(error, "location", "field.not_positive");
        } else {
            query.location_id = std::get<std::int64_t>(id);
        }
    }
    const auto sort = http::query_param(request, "sort").value_or("asset_tag");
    if (sort == "asset_tag") {
        query.sort = DeviceSort::tag;
    } else if (sort == "-asset_tag") {
        query.sort = DeviceSort::tag_descending;
    } else if (sort == "updated_at") {
        query.sort = DeviceSort::updated;
    } else if (sort == "-updated_at") {
        query.sort = DeviceSort::updated_descending;
    } else {
        api::add_field(error, "sort", "field.unknown_sort");
    }
}

void read_keyset_page(const httplib::Request& request, int& limit, std::optional<DeviceCursor>& after,
                      api::ApiError& error) {
    if (auto text = http::query_param(request, "limit")) {
        const auto parsed = http::parse_integer(*text);
        if (!parsed || *parsed < 1 || *parsed > 1000) {
            api::add_field(error, "limit", "field.limit_out_of_range_1000");
        } else {
            limit = static_cast<int>(*parsed);
        }
    }
    if (auto cursor = http::query_param(request, "cursor"); cursor && !cursor->empty()) {
        after = decode_cursor(*cursor);
        if (!after) api::add_field(error, "cursor", "field.invalid_cursor");
    }
}

}  // namespace madoguchi::server::inventory
