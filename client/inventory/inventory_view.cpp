#include "inventory/inventory_view.hpp"

#include <imgui.h>

#include <algorithm>

#include "app/app.hpp"
#include "inventory/device_creator_view.hpp"
#include "inventory/device_pane_view.hpp"
#include "inventory/import_wizard_view.hpp"
#include "inventory/ledger_export_view.hpp"
#include "ui/data_table.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/list_state.hpp"
#include "ui/progress.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

void status_line(const std::string& text) {
    ImGui::TextUnformatted(text.c_str());
    report_last_item(text, "status");
}

// The answers of the pane's form and dialog: the table shows them, a toast says so.
void take_results(App& app, InventoryPage& page, Language language) {
    const auto events = page.pane.settle(app.api(), page.fleet, language);
    const auto now = Toasts::Clock::now();
    if (events.saved) app.toasts().show(ToastKind::success, "inventory.saved", now);
    if (events.moved) app.toasts().show(ToastKind::success, "inventory.moved", now);
    // An import changes many devices at once: the fleet is read again.
    if (page.import_wizard.take_committed()) {
        app.toasts().show(ToastKind::success, "import.done", now);
        page.fleet.reload(app.api());
    }
    if (auto created = page.creator.take_created()) {
        page.fleet.put(*created);
        page.fleet.focus(created->asset.id);
        app.toasts().show(ToastKind::success, "inventory.created", now);
    }
}

// 新規登録 and 取り込み for those who may edit; 再読み込み for everyone, since other operators,
// imports and the counters change the ledger while this table is open.
void draw_toolbar(App& app, InventoryPage& page, bool may_edit, Language language) {
    if (may_edit) {
        if (ImGui::Button(t("inventory.create", language))) page.creator.open();
        ImGui::SameLine();
        if (ImGui::Button(t("import.open", language))) page.import_wizard.open();
        ImGui::SameLine();
    }
    ImGui::BeginDisabled(page.fleet.state() == Fleet::State::loading);
    if (ImGui::Button(t("inventory.reload", language))) {
        page.labels_ready = false;
        page.catalogs.load(app.api(), language);
        page.fleet.reload(app.api());
    }
    ImGui::EndDisabled();
}

// Loading, failed, or how many devices the filters show.
bool draw_fleet_state(App& app, InventoryPage& page, Language language) {
    auto& catalogs = page.catalogs;
    auto& fleet = page.fleet;
    if (catalogs.state() == InventoryCatalogs::State::failed) {
        if (draw_error_state(catalogs.error_text(), language)) {
            page.labels_ready = false;
            catalogs.load(app.api(), language);
        }
        return false;
    }
    if (fleet.state() == Fleet::State::failed) {
        if (draw_error_state(fleet.error_text(), language)) fleet.reload(app.api());
        return false;
    }
    if (fleet.state() == Fleet::State::loading) {
        draw_progress(fleet.progress_text(language).c_str(), fleet.progress(), false, language);
    } else if (catalogs.state() == InventoryCatalogs::State::loading) {
        status_line(i18n::text("inventory.catalogs.loading", language));
    }
    return true;
}

}  // namespace

void draw_inventory_page(App& app) {
    auto& page = app.inventory_page();
    const auto language = app.preferences().language;
    const auto* user = app.session().user();
    const bool may_edit = user != nullptr && may_edit_ledger(user->roles);
    page.fleet.set_language(language);
    page.pane.history.set_language(language);
    if (!page.started) {
        page.started = true;
        page.catalogs.load(app.api(), language);
        page.fleet.reload(app.api());
    }
    // Labels read the catalogs: the table reads them again once they are in.
    if (page.catalogs.state() == InventoryCatalogs::State::loaded && !page.labels_ready) {
        page.labels_ready = true;
        page.fleet.labels_changed();
    }
    take_results(app, page, language);
    if (may_edit && page.import_wizard.is_open()) {
        draw_import_wizard(app, page);
        return;
    }
    draw_toolbar(app, page, may_edit, language);
    if (!may_edit) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", t("inventory.read_only", language));
        report_last_item(i18n::text("inventory.read_only", language), "status");
    }
    draw_device_creator(app, page);
    if (!draw_fleet_state(app, page, language)) return;

    draw_ledger_downloads(app, page);

    auto& fleet = page.fleet;
    page.pane.follow(app.api(), fleet.current(), language);
    const bool pane = fleet.current() != nullptr;
    const float pane_width = pane ? std::max(ImGui::GetFontSize() * 24.0F, ImGui::GetContentRegionAvail().x * 0.4F) : 0.0F;
    ImGui::BeginChild("inventory_table", ImVec2(ImGui::GetContentRegionAvail().x - pane_width, 0.0F), false);
    if (fleet.state() == Fleet::State::loading && fleet.devices().empty()) {
        draw_loading_state(language);
    } else {
        DataTableOptions options;
        options.empty_message_key = "inventory.empty";
        draw_data_table("inventory", fleet.table(), options, language);
    }
    ImGui::EndChild();
    if (!pane) return;
    ImGui::SameLine();
    ImGui::BeginChild("inventory_pane", ImVec2(0.0F, 0.0F), true);
    draw_device_pane(app, page, may_edit);
    ImGui::EndChild();
}

}  // namespace madoguchi::client
