#include "inventory/device_pane.hpp"

namespace madoguchi::client {

void DevicePane::follow(ApiClient& api, const DeviceRow* current, i18n::Language language) {
    if (current == nullptr) {
        if (detail.id() != 0) close();
        return;
    }
    if (current->asset.id == detail.id()) return;
    stale_ = false;
    change.cancel();
    editor.open(*current);
    detail.open(api, current->asset.id, language);
    history.load(api, current->asset.id);
}

void DevicePane::close() {
    stale_ = false;
    change.cancel();
    editor.close();
    detail.close();
    history.clear();
}

void DevicePane::show_answer(ApiClient& api, Fleet& fleet, const DeviceRow& device, i18n::Language language) {
    fleet.put(device);
    detail.replace(device);
    // Its next states and history changed with it.
    detail.refresh(api, language);
    history.reload(api);
}

PaneEvents DevicePane::settle(ApiClient& api, Fleet& fleet, i18n::Language language) {
    PaneEvents events;
    if (auto updated = editor.take_updated()) {
        stale_ = editor.stale();
        show_answer(api, fleet, *updated, language);
    }
    events.saved = editor.take_saved();
    if (auto updated = change.take_updated()) {
        stale_ = change.take_stale();
        editor.open(*updated);
        show_answer(api, fleet, *updated, language);
    }
    events.moved = change.take_done();
    // The record read for the pane is newer than the form's (another tab, a reload): the form
    // follows it unless the user has typed something.
    const auto* device = detail.device();
    const auto* shown = editor.device();
    if (device != nullptr && shown != nullptr && device->asset.version != shown->asset.version && !editor.changed() &&
        !editor.busy()) {
        editor.open(*device);
    }
    return events;
}

}  // namespace madoguchi::client
