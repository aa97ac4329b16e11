#include "kit/kit_dialogs.hpp"

#include <imgui.h>

#include "ui/format.hpp"
#include "ui/item_registry.hpp"

namespace madoguchi::client {

void step_simulated_operation(KitDialogs& kit) {
    if (!kit.progress.running()) return;
    ++kit.frames;
    if (kit.frames <= KitDialogs::preparing_frames) return;
    const int done = (kit.frames - KitDialogs::preparing_frames) * KitDialogs::items_per_frame;
    kit.progress.advance(done, KitDialogs::items);
    if (done >= KitDialogs::items) kit.progress.finish();
}

void draw_kit_dialogs(KitDialogs& kit, i18n::Language language) {
    ImGui::TextWrapped("%s", t("kit.dialogs.intro", language));
    ImGui::Spacing();

    if (ImGui::Button(t("kit.dialogs.delete_draft", language))) {
        kit.confirm.ask({i18n::text("kit.dialogs.confirm_title", language), i18n::text("kit.dialogs.confirm_message", language),
                         i18n::text("kit.dialogs.confirm_delete", language), i18n::text("kit.dialogs.confirm_keep", language),
                         true});
    }
    draw_confirm_dialog(kit.confirm);
    if (const auto answer = kit.confirm.take_answer()) {
        kit.answer_key = *answer == ConfirmAnswer::confirmed ? "kit.dialogs.deleted" : "kit.dialogs.kept";
    }
    if (!kit.answer_key.empty()) {
        ImGui::SameLine();
        ImGui::AlignTextToFramePadding();
        const auto& answer = i18n::text(kit.answer_key, language);
        ImGui::TextUnformatted(answer.c_str());
        report_last_item(answer, "status");
    }
    ImGui::Separator();

    ImGui::BeginDisabled(kit.progress.running());
    if (ImGui::Button(t("kit.dialogs.run", language))) {
        kit.frames = 0;
        kit.progress.start();
    }
    ImGui::EndDisabled();
    step_simulated_operation(kit);
    if (draw_progress(t("kit.dialogs.operation", language), kit.progress, true, language)) kit.progress.cancel();
}

}  // namespace madoguchi::client
