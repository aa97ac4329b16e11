#include "inventory/device_pane_view.hpp"

#include <imgui.h>

#include "app/app.hpp"
#include "inventory/device_fields_view.hpp"
#include "inventory/device_form_view.hpp"
#include "inventory/state_change_view.hpp"
#include "ui/data_table.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/list_state.hpp"
#include "ui/style.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

void draw_notice(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, status_colours().error);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
    report_last_item(text, "alert");
}

void draw_history(App& app, DeviceHistory& history, Language language) {
    if (history.state() == DeviceHistory::State::failed) {
        if (draw_error_state(history.error_text(), language)) history.reload(app.api());
        return;
    }
    if (history.state() == DeviceHistory::State::loading && history.entries().empty()) {
        draw_loading_state(language);
        return;
    }
    DataTableOptions options;
    options.empty_message_key = "inventory.history.empty";
    draw_data_table("device_history", history.table(), options, language);
}

}  // namespace

void draw_device_pane(App& app, InventoryPage& page, bool may_edit) {
    const auto language = app.preferences().language;
    auto& pane = page.pane;
    auto& detail = pane.detail;
    if (detail.state() == DeviceDetail::State::failed) {
        if (draw_error_state(detail.error_text(), language)) detail.refresh(app.api(), language);
        return;
    }
    const auto* device = detail.device();
    if (device == nullptr) {
        draw_loading_state(language);
        return;
    }
    const auto& tag = device->asset.fields.asset_tag;
    ImGui::TextUnformatted(tag.c_str());
    report_last_item(tag, "heading");
    ImGui::Separator();
    if (pane.stale()) draw_notice(i18n::text("inventory.stale_version", language));
    if (ImGui::BeginTabBar("device_tabs")) {
        if (ImGui::BeginTabItem(t("inventory.tab.detail", language))) {
            draw_device_fields(*device, page.catalogs, language);
            draw_state_actions(app, pane, language);
            ImGui::EndTabItem();
        }
        if (may_edit && ImGui::BeginTabItem(t("inventory.tab.edit", language))) {
            draw_device_form(app, page, language);
            ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem(t("inventory.tab.history", language))) {
            draw_history(app, pane.history, language);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    draw_state_change_dialog(app, pane, language);
}

}  // namespace madoguchi::client
