#pragma once
// 台帳's edit form for the open device: checked with the shared rules before sending, saved
// with the version it was read at (PATCH /api/v1/devices/{id}). When another operator saved
// first the server answers 409 stale_version with the device as it is now: the form then
// shows that record and says so, instead of overwriting the other change.
#include <optional>
#include <string>
#include <utility>

#include "api/api_client.hpp"
#include "api/form_errors.hpp"
#include "inventory/device_form.hpp"
#include "inventory/device_row.hpp"

namespace madoguchi::client {

class DeviceEditor {
public:
    // Shows `device` in the form; unsaved typing is dropped.
    void open(const DeviceRow& device);
    void close() { device_.reset(); }
    const DeviceRow* device() const { return device_ ? &*device_ : nullptr; }
    DeviceFormValues& values() { return values_; }
    ContractDateFields& dates() { return dates_; }
    bool changed() const;

    // Checks the form; sends the changes when they are fine. False when nothing was sent.
    bool save(ApiClient& api);
    // Reads a PATCH answer; public for tests with fixtures.
    void accept(const ApiResult& result);

    bool busy() const { return busy_; }
    const FormErrors& errors() const { return errors_; }
    // True after the 409 stale_version answer, until the next save or open of another device.
    bool stale() const { return stale_; }
    // Once: the device as the server now has it, after a save or a 409.
    std::optional<DeviceRow> take_updated() { return std::exchange(updated_, std::nullopt); }
    // Once: true after a successful save.
    bool take_saved() { return std::exchange(saved_, false); }

private:
    std::optional<DeviceRow> device_;
    DeviceFormValues values_;
    ContractDateFields dates_;
    FormErrors errors_;
    bool busy_ = false;
    bool stale_ = false;
    bool saved_ = false;
    std::optional<DeviceRow> updated_;
};

// The device of a {"device": …} answer (also inside a 409's error document).
std::optional<DeviceRow> answered_device(const std::string& body);

}  // namespace madoguchi::client
