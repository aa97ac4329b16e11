#pragma once
// State changes in the detail pane: one button per state the device may move to (operators
// and admins only), and the dialog asking for the reason.
#include "i18n/catalog.hpp"

namespace madoguchi::client {

class App;
class DevicePane;

void draw_state_actions(App& app, DevicePane& pane, i18n::Language language);
void draw_state_change_dialog(App& app, DevicePane& pane, i18n::Language language);

}  // namespace madoguchi::client
