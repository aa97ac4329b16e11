#pragma once
// The device open in 台帳's detail pane (GET /api/v1/devices/{id}): its record as the server
// has it now and the states it may move to next. Only operators and admins change the
// ledger, so only they get the move buttons.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "api/api_client.hpp"
#include "i18n/catalog.hpp"
#include "identity/role.hpp"
#include "inventory/device_row.hpp"

namespace madoguchi::client {

// Operators and admins write the ledger; everyone else reads it.
bool may_edit_ledger(std::span<const identity::Role> roles);

class DeviceDetail {
public:
    enum class State { idle, loading, loaded, failed };

    // Loads the device; an older load's answer is dropped.
    void open(ApiClient& api, std::int64_t id, i18n::Language language);
    // Loads the open device again (after a change: its next states may differ).
    void refresh(ApiClient& api, i18n::Language language);
    void close();
    // Reads the answer; public for tests with fixtures.
    bool accept(const std::string& body);
    // A newer record of the open device (from a change's answer), shown at once.
    void replace(const DeviceRow& device);

    State state() const { return state_; }
    std::int64_t id() const { return id_; }
    const DeviceRow* device() const { return device_ ? &*device_ : nullptr; }
    const std::vector<inventory::AssetState>& next_states() const { return next_states_; }
    const std::string& error_text() const { return error_; }
    // The states offered as buttons to a user holding `roles`: none for readers.
    std::vector<inventory::AssetState> actions(std::span<const identity::Role> roles) const;

private:
    State state_ = State::idle;
    std::int64_t id_ = 0;
    std::uint64_t generation_ = 0;
    std::optional<DeviceRow> device_;
    std::vector<inventory::AssetState> next_states_;
    std::string error_;
};

}  // namespace madoguchi::client
