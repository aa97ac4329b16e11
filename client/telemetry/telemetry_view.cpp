#include "telemetry/telemetry_view.hpp"

#include <imgui.h>

#include "app/app.hpp"
#include "telemetry/anomaly_review_view.hpp"
#include "telemetry/fleet_overview_view.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"

namespace madoguchi::client {
namespace {

// One tab of the area: its label (also its identity), what it reads afresh when it is
// opened, and how it is drawn.
struct TelemetryTab {
    std::string_view label_key;
    void (*opened)(App& app);
    void (*draw)(App& app, calendar::Instant now);
};

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

void draw_anomalies(App& app, calendar::Instant) { draw_anomaly_review(app); }

// The tabs in order: フリート first.
constexpr TelemetryTab telemetry_tabs[] = {
    {"telemetry_fleet.tab.fleet", open_fleet, draw_fleet_overview},
    {"telemetry_fleet.tab.anomalies", open_anomalies, draw_anomalies},
};

}  // namespace

void draw_telemetry_page(App& app, calendar::Instant now) {
    auto& page = app.telemetry_page();
    if (app.session().user() == nullptr) return;
    const auto language = app.preferences().language;
    if (!page.started) {
        page.started = true;
        page.shown_tab = {};  // another user: the open tab reads its data again
    }
    if (!ImGui::BeginTabBar("telemetry_tabs")) return;
    std::string_view shown;
    for (const auto& tab : telemetry_tabs) {
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
