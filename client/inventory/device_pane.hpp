#pragma once
// 台帳's detail pane for the device on the table's current row: the record with its next
// states, the edit form, the state-change dialog and the history, kept in step. Whatever a
// change answers (saved, moved, or 409 stale_version with the current record) goes to every
// part and to the fleet's row, so the screen never shows two versions of one device.
#include <cstdint>

#include "api/api_client.hpp"
#include "inventory/device_detail.hpp"
#include "inventory/device_editor.hpp"
#include "inventory/device_history.hpp"
#include "inventory/fleet.hpp"
#include "inventory/state_change.hpp"

namespace madoguchi::client {

struct PaneEvents {
    bool saved = false;  // the edit form was saved
    bool moved = false;  // a state change was made
};

class DevicePane {
public:
    explicit DevicePane(i18n::Language language) : history(language) {}

    // Follows the fleet's current row: opening a device loads its record and history.
    void follow(ApiClient& api, const DeviceRow* current, i18n::Language language);
    // Hands the answers of the form and the dialog around; once per frame.
    PaneEvents settle(ApiClient& api, Fleet& fleet, i18n::Language language);
    void close();

    std::int64_t device_id() const { return detail.id(); }
    // True when the last save or move found the device changed by someone else.
    bool stale() const { return stale_; }

    DeviceDetail detail;
    DeviceEditor editor;
    StateChange change;
    DeviceHistory history;

private:
    void show_answer(ApiClient& api, Fleet& fleet, const DeviceRow& device, i18n::Language language);

    bool stale_ = false;
};

}  // namespace madoguchi::client
