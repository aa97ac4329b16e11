#include "telemetry/telemetry_view.hpp"

#include <imgui.h>

#include "app/app.hpp"
#include "telemetry/anomaly_review_view.hpp"
#include "telemetry/billing_report_view.hpp"
#include "telemetry/chatbot_availability_view.hpp"
#include "telemetry/firmware_compliance_view.hpp"
#include "telemetry/fleet_overview_view.hpp"
#include "telemetry/telemetry_settings_view.hpp"
#include "telemetry/toner_board_view.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"

namespace madoguchi::client {
namespace {

using identity::Role;

// One tab of the area: its label (also its identity), who sees it, what it reads afresh when
// it is opened (the office tabs read their own data when first drawn), and how it is drawn.
struct TelemetryTab {
    std::string_view label_key;
    bool (*shown_to)(const CurrentUser& user);
    void (*opened)(App& app);
    void (*draw)(App& app, calendar::Instant now);
};

// Vendors read only their company's toner orders; the rest is the desk's, the IT office's,
// the auditors' and the admins'.
bool overseer(const CurrentUser& user) {
    return user.has_any({Role::desk_operator, Role::it_office, Role::auditor, Role::admin});
}
bool overseer_or_vendor(const CurrentUser& user) { return overseer(user) || user.has(Role::vendor); }

void open_fleet(App& app) {
    auto& page = app.telemetry_page();
    page.fleet.load_choices(app.api());
    if (page.device.id() != 0) {
        page.device.reload(app.api());
    } else {
        page.fleet.load(app.api(), page.filter);
    }
}

void open_anomalies(App& app) { app.telemetry_page().anomalies.reload(app.api()); }
void nothing_to_open(App&) {}

void draw_anomalies(App& app, calendar::Instant) { draw_anomaly_review(app); }
void draw_toner(App& app, calendar::Instant) { draw_toner_board(app, app.telemetry_page().toner); }
void draw_firmware(App& app, calendar::Instant) { draw_firmware_compliance(app, app.telemetry_page().firmware); }
void draw_billing_tab(App& app, calendar::Instant) { draw_billing(app, app.telemetry_page().billing); }
void draw_chatbot(App& app, calendar::Instant) { draw_chatbot_availability(app, app.telemetry_page().chatbot); }
void draw_settings(App& app, calendar::Instant) { draw_telemetry_settings(app); }

// The tabs in order: フリート first.
constexpr TelemetryTab telemetry_tabs[] = {
    {"telemetry_fleet.tab.fleet", overseer, open_fleet, draw_fleet_overview},
    {"telemetry_fleet.tab.anomalies", overseer, open_anomalies, draw_anomalies},
    {"telemetry_office.tab.toner", overseer_or_vendor, nothing_to_open, draw_toner},
    {"telemetry_office.tab.firmware", overseer, nothing_to_open, draw_firmware},
    {"telemetry_office.tab.billing", overseer, nothing_to_open, draw_billing_tab},
    {"telemetry_office.tab.chatbot", overseer, nothing_to_open, draw_chatbot},
    // Read by all who oversee; the IT office and admins change them.
    {"telemetry_settings.tab", overseer, nothing_to_open, draw_settings},
};

}  // namespace

void draw_telemetry_page(App& app, calendar::Instant now) {
    auto& page = app.telemetry_page();
    const auto* user = app.session().user();
    if (user == nullptr) return;
    const auto language = app.preferences().language;
    if (!page.started) {
        page.started = true;
        page.shown_tab = {};  // another user: the open tab reads its data again
    }
    if (!ImGui::BeginTabBar("telemetry_tabs")) return;
    std::string_view shown;
    for (const auto& tab : telemetry_tabs) {
        if (!tab.shown_to(*user)) continue;
        const bool open = ImGui::BeginTabItem(t(tab.label_key, language));
        annotate_last_item("tab", open ? "selected" : "");
        if (!open) continue;
        if (page.shown_tab != tab.label_key) tab.opened(app);
        shown = tab.label_key;
        tab.draw(app, now);
        ImGui::EndTabItem();
    }
    page.shown_tab = shown;
    ImGui::EndTabBar();
}

}  // namespace madoguchi::client
