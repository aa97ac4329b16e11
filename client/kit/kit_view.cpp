#include "kit/kit_view.hpp"

#include <imgui.h>

#include "app/app.hpp"
#include "kit/kit_charts.hpp"
#include "kit/kit_table.hpp"
#include "ui/format.hpp"

namespace madoguchi::client {

void draw_kit(App& app, calendar::Instant now) {
    const auto language = app.preferences().language;
    ImGui::TextWrapped("%s", t("kit.intro", language));
    ImGui::Spacing();
    if (!ImGui::BeginTabBar("kit_sections")) return;
    if (ImGui::BeginTabItem(t("kit.input.tab", language))) {
        draw_kit_input(app.kit().input, language);
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(t("kit.dates.tab", language))) {
        draw_kit_dates(app.kit().dates, language, app.preferences().wareki, now);
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(t("kit.charts.tab", language))) {
        draw_kit_charts(language);
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(t("kit.dialogs.tab", language))) {
        draw_kit_dialogs(app.kit().dialogs, language);
        ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(t("kit.table.tab", language))) {
        draw_kit_table(app.kit().table, language);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}  // namespace madoguchi::client
