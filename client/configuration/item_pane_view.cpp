#include "configuration/item_pane_view.hpp"

#include <imgui.h>

#include "app/app.hpp"
#include "configuration/document_view.hpp"
#include "configuration/item_form_view.hpp"
#include "configuration/licence_view.hpp"
#include "configuration/pane_widgets.hpp"
#include "configuration/settings_view.hpp"
#include "ui/format.hpp"

namespace madoguchi::client {

void draw_item_pane(App& app, ConfigurationPage& page, bool may_edit) {
    const auto language = app.preferences().language;
    auto& pane = page.pane;
    const auto* entry = pane.editor.entry();
    if (entry == nullptr) return;
    draw_heading(entry->item.fields.name);
    if (entry->usage && entry->usage->over_allocated()) draw_alert(usage_text(*entry->usage, language));
    ImGui::Separator();
    if (!ImGui::BeginTabBar("item_tabs")) return;
    if (ImGui::BeginTabItem(t("configuration.tab.overview", language))) {
        draw_item_overview(app, pane, may_edit, language);
        ImGui::EndTabItem();
    }
    if (entry->item.fields.kind == configuration::ItemKind::software &&
        ImGui::BeginTabItem(t("configuration.tab.licence", language))) {
        draw_licence_tab(app, pane.licence, may_edit, language);
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(t("configuration.tab.settings", language))) {
        draw_settings_tab(app, pane.settings, may_edit, language);
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(t("configuration.tab.documents", language))) {
        draw_documents_tab(app, pane.documents, may_edit, language);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
    draw_restore_dialog(app, pane.settings, language);
}

}  // namespace madoguchi::client
