#include "tickets/faq_suggestions_view.hpp"

#include <imgui.h>

#include <optional>
#include <string>

#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/style.hpp"

namespace madoguchi::client {

void draw_faq_suggestions(FaqSuggestions& suggestions, i18n::Language language) {
    if (suggestions.items().empty()) return;
    const auto heading =
        fill_template(i18n::text("ticket_staff.faq.heading", language), {{"n", std::to_string(suggestions.items().size())}});
    ImGui::TextUnformatted(heading.c_str());
    report_last_item(heading, "heading");
    std::optional<std::int64_t> solved;
    for (const auto& item : suggestions.items()) {
        ImGui::PushID(static_cast<int>(item.id));
        const bool open = ImGui::TreeNodeEx(item.question.c_str(), ImGuiTreeNodeFlags_SpanAvailWidth);
        if (open) {
            ImGui::TextWrapped("%s", item.answer.c_str());
            report_last_item(item.answer, "text");
            switch (suggestions.feedback(item.id)) {
                case FaqSuggestions::Feedback::sent:
                    ImGui::TextColored(status_colours().ok, "%s", t("ticket_staff.faq.thanks", language));
                    report_last_item(i18n::text("ticket_staff.faq.thanks", language), "status");
                    break;
                case FaqSuggestions::Feedback::sending:
                    ImGui::BeginDisabled();
                    ImGui::Button(t("ticket_staff.faq.solved", language));
                    ImGui::EndDisabled();
                    break;
                case FaqSuggestions::Feedback::failed:
                case FaqSuggestions::Feedback::none:
                    if (ImGui::Button(t("ticket_staff.faq.solved", language))) solved = item.id;
                    if (suggestions.feedback(item.id) == FaqSuggestions::Feedback::failed) {
                        ImGui::SameLine();
                        ImGui::TextColored(status_colours().error, "%s", t("ticket_staff.faq.not_sent", language));
                        report_last_item(i18n::text("ticket_staff.faq.not_sent", language), "status");
                    }
                    break;
            }
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
    if (solved) suggestions.mark_solved(*solved);
    ImGui::Separator();
    ImGui::Spacing();
}

}  // namespace madoguchi::client
