#pragma once
// The ledger's locations a terminal's counter is chosen from (この端末の窓口), read once when
// the counter screen first shows; again after a failure.
#include <cstdint>
#include <string>
#include <vector>

#include "api/api_client.hpp"
#include "lending/lending_records.hpp"

namespace madoguchi::client {

class CounterLocations {
public:
    enum class State { idle, loading, loaded, failed };

    // Reads them unless they are read or on their way.
    void load(ApiClient& api);
    State state() const { return state_; }
    const std::vector<LocationChoice>& locations() const { return locations_; }
    // The location's name; empty when it is not (yet) known.
    std::string name(std::int64_t id) const;

private:
    State state_ = State::idle;
    std::vector<LocationChoice> locations_;
};

}  // namespace madoguchi::client
