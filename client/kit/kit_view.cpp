#include "kit/kit_view.hpp"

#include <imgui.h>

#include "app/app.hpp"
#include "kit/kit_table.hpp"
#include "ui/format.hpp"

namespace madoguchi::client {

void draw_kit(App& app, calendar::Instant) {
    const auto language = app.preferences().language;
    ImGui::TextWrapped("%s", t("kit.intro", language));
    ImGui::Spacing();
    if (!ImGui::BeginTabBar("kit_sections")) return;
    if (ImGui::BeginTabItem(t("kit.table.tab", language))) {
        draw_kit_table(app.kit().table, language);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}  // namespace madoguchi::client
