#include "counter/counter_locations.hpp"

#include <algorithm>

namespace madoguchi::client {

void CounterLocations::load(ApiClient& api) {
    if (state_ == State::loading || state_ == State::loaded) return;
    state_ = State::loading;
    api.get("/api/v1/locations", [this](const ApiResult& result) {
        auto locations = result.ok() ? locations_from_body(result.body) : std::nullopt;
        if (!locations) {
            state_ = State::failed;
            return;
        }
        locations_ = std::move(*locations);
        state_ = State::loaded;
    });
}

std::string CounterLocations::name(std::int64_t id) const {
    const auto found = std::find_if(locations_.begin(), locations_.end(),
                                    [&](const LocationChoice& location) { return location.id == id; });
    return found == locations_.end() ? std::string() : found->name;
}

}  // namespace madoguchi::client
