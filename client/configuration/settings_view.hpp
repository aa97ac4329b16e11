#pragma once
// The 設定 tab: versions, the diff between two chosen versions (added, removed and changed
// parameters each in its own colour), a change with a reason, and the restore dialog that
// asks for a reason before an earlier version comes back.
#include <string>

#include "configuration/settings_history.hpp"
#include "i18n/catalog.hpp"

namespace madoguchi::client {

class App;

void draw_settings_tab(App& app, SettingsHistory& history, bool may_edit, i18n::Language language);
void draw_restore_dialog(App& app, SettingsHistory& history, i18n::Language language);

// "追加 greeting：こんにちは", "削除 …", "変更 timeout：30 → 60" (English: Added/Removed/Changed).
std::string diff_line_text(const DiffLine& line, i18n::Language language);

}  // namespace madoguchi::client
