#include "tickets/sla_badge_view.hpp"

#include <imgui.h>

#include "ui/item_registry.hpp"
#include "ui/style.hpp"

namespace madoguchi::client {

std::string_view sla_status_name(SlaStatus status) {
    switch (status) {
        case SlaStatus::none: return "none";
        case SlaStatus::on_track: return "on_track";
        case SlaStatus::near_breach: return "near_breach";
        case SlaStatus::breached: return "breached";
        case SlaStatus::paused: return "paused";
        case SlaStatus::stopped: return "stopped";
    }
    return "none";
}

void draw_sla_badge(const SlaBadge& badge, i18n::Language language) {
    const auto text = sla_badge_text(badge, language);
    if (text.empty()) return;
    const auto& colours = status_colours();
    const auto colour = badge.status == SlaStatus::breached      ? colours.error
                        : badge.status == SlaStatus::near_breach ? colours.warning
                        : badge.status == SlaStatus::on_track    ? colours.ok
                                                                 : colours.muted;
    ImGui::TextColored(colour, "%s", text.c_str());
    report_last_item(text, "status", sla_status_name(badge.status));
}

}  // namespace madoguchi::client
