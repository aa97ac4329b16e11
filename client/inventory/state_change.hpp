#pragma once
// A state change of the open device as an explicit action: the operator picks the new state
// (one button per next state), gives a reason in a dialog (required: every move is audited
// with it), and it goes out as POST /api/v1/devices/{id}/transitions with the version read.
// The server's refusals (409 transition_refused, 422) are shown from its message; a 409
// stale_version closes the dialog and shows the device as it is now.
#include <optional>
#include <string>
#include <utility>

#include "api/api_client.hpp"
#include "api/form_errors.hpp"
#include "inventory/device_row.hpp"

namespace madoguchi::client {

class StateChange {
public:
    // Opens the dialog for moving `device` to `to`.
    void begin(const DeviceRow& device, inventory::AssetState to);
    void cancel() { open_ = false; }
    bool is_open() const { return open_; }
    inventory::AssetState target() const { return target_; }
    std::string reason;

    // Checks the reason; sends the move when one is given. False when nothing was sent.
    bool submit(ApiClient& api);
    // Reads the answer; public for tests with fixtures.
    void accept(const ApiResult& result);

    bool busy() const { return busy_; }
    // The reason's problem, beside its field.
    std::string reason_error(i18n::Language language) const { return errors_.field("reason", language); }
    // The server's refusal in `language` (message_ja in Japanese); empty when none.
    std::string refusal(i18n::Language language) const;
    bool take_stale() { return std::exchange(stale_, false); }
    // Once: the device as the server now has it, after the move or a 409 stale_version.
    std::optional<DeviceRow> take_updated() { return std::exchange(updated_, std::nullopt); }
    // Once: true after a move was made.
    bool take_done() { return std::exchange(done_, false); }

private:
    std::optional<DeviceRow> device_;
    inventory::AssetState target_ = inventory::AssetState::in_stock;
    bool open_ = false;
    bool busy_ = false;
    FormErrors errors_;
    std::optional<api::ApiError> refusal_;
    bool stale_ = false;
    bool done_ = false;
    std::optional<DeviceRow> updated_;
};

}  // namespace madoguchi::client
