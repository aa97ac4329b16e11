#include "configuration/configuration_view.hpp"

#include <imgui.h>

#include <algorithm>

#include "app/app.hpp"
#include "configuration/item_pane_view.hpp"
#include "configuration/pane_widgets.hpp"
#include "ui/data_table.hpp"
#include "ui/format.hpp"
#include "ui/list_state.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

void take_changes(App& app, ConfigurationPage& page) {
    const auto changes = page.pane.settle(page.list);
    const auto now = Toasts::Clock::now();
    if (changes.saved) app.toasts().show(ToastKind::success, "configuration.saved", now);
    if (changes.uploaded) app.toasts().show(ToastKind::success, "configuration.document.uploaded", now);
    if (changes.settings_written) app.toasts().show(ToastKind::success, "configuration.settings.written", now);
}

}  // namespace

void draw_configuration_page(App& app) {
    auto& page = app.configuration_page();
    const auto language = app.preferences().language;
    const auto* user = app.session().user();
    const bool may_edit = user != nullptr && may_edit_configuration(user->roles);
    page.list.set_language(language);
    page.pane.set_language(language);
    if (!page.started) {
        page.started = true;
        page.list.load(app.api());
    }
    take_changes(app, page);
    if (!may_edit) draw_status(i18n::text("configuration.read_only", language));
    auto& list = page.list;
    if (list.state() == ItemList::State::failed) {
        if (draw_error_state(list.error_text(), language)) list.load(app.api());
        return;
    }
    if (list.state() != ItemList::State::loaded) {
        draw_loading_state(language);
        return;
    }
    page.pane.follow(app.api(), list.current());
    const bool pane = list.current() != nullptr;
    const float pane_width = pane ? std::max(ImGui::GetFontSize() * 30.0F, ImGui::GetContentRegionAvail().x * 0.55F) : 0.0F;
    ImGui::BeginChild("configuration_table", ImVec2(ImGui::GetContentRegionAvail().x - pane_width, 0.0F), false);
    DataTableOptions options;
    options.empty_message_key = "configuration.empty";
    draw_data_table("configuration_items", list.table(), options, language);
    ImGui::EndChild();
    if (!pane) return;
    ImGui::SameLine();
    ImGui::BeginChild("configuration_pane", ImVec2(0.0F, 0.0F), true);
    draw_item_pane(app, page, may_edit);
    ImGui::EndChild();
}

}  // namespace madoguchi::client
