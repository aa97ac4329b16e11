#pragma once
// A device's fields from a request body (POST creates, PATCH changes): the members the API
// names in issue5-api, typed and collected with every problem at once.
#include <nlohmann/json.hpp>
#include <optional>
#include <variant>

#include "http/body_reader.hpp"
#include "inventory/asset.hpp"

namespace madoguchi::server::inventory {

struct DeviceBody {
    madoguchi::inventory::AssetFields fields;
    std::optional<madoguchi::inventory::AssetState> state;  // create only
    std::int64_t version = 0;                               // change only
};

// `base`: the stored fields a change starts from (a create starts empty). A member given as
// null clears an optional reference or date. 400 for wrong shapes, 422 for an unknown state.
std::variant<DeviceBody, http::BodyRefusal> read_device_body(const nlohmann::json& body,
                                                             const madoguchi::inventory::AssetFields& base,
                                                             bool creating);

}  // namespace madoguchi::server::inventory
