#include "telemetry/telemetry_view.hpp"

#include <imgui.h>

#include "app/app.hpp"
#include "telemetry/billing_report_view.hpp"
#include "telemetry/chatbot_availability_view.hpp"
#include "telemetry/firmware_compliance_view.hpp"
#include "telemetry/toner_board_view.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"

namespace madoguchi::client {
namespace {

using identity::Role;

bool tab(const char* label) {
    const bool open = ImGui::BeginTabItem(label);
    annotate_last_item("tab", open ? "selected" : "");
    return open;
}

}  // namespace

void draw_telemetry_page(App& app) {
    const auto* user = app.session().user();
    if (user == nullptr) return;
    const auto language = app.preferences().language;
    auto& page = app.telemetry_page();
    // Vendors read only their company's toner orders; the rest is the desk's, the IT office's,
    // the auditors' and the admins'.
    const bool overseer = user->has_any({Role::desk_operator, Role::it_office, Role::auditor, Role::admin});
    if (!ImGui::BeginTabBar("telemetry_tabs")) return;
    if (tab(t("telemetry_office.tab.toner", language))) {
        draw_toner_board(app, page.toner);
        ImGui::EndTabItem();
    }
    if (overseer && tab(t("telemetry_office.tab.firmware", language))) {
        draw_firmware_compliance(app, page.firmware);
        ImGui::EndTabItem();
    }
    if (overseer && tab(t("telemetry_office.tab.billing", language))) {
        draw_billing(app, page.billing);
        ImGui::EndTabItem();
    }
    if (overseer && tab(t("telemetry_office.tab.chatbot", language))) {
        draw_chatbot_availability(app, page.chatbot);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}  // namespace madoguchi::client
