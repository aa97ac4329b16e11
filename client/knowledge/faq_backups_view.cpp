#include "knowledge/faq_backups_view.hpp"

#include <imgui.h>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "knowledge/knowledge_page.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/list_state.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

std::string backup_label(const FaqBackup& backup, Language language) {
    return fill_template(i18n::text("knowledge.faq.backup", language), {{"id", std::to_string(backup.id)},
                                                                       {"at", backup.created_at},
                                                                       {"by", backup.created_by},
                                                                       {"count", std::to_string(backup.article_count)}});
}

void draw_backup(App& app, KnowledgePage& page, const FaqBackup& backup, Language language) {
    auto& backups = page.backups;
    const auto label = backup_label(backup, language);
    ImGui::TextUnformatted(label.c_str());
    report_last_item(label, "text");
    const auto id = std::to_string(backup.id);
    ImGui::SameLine();
    if (ImGui::Button((i18n::text("knowledge.faq.download", language) + "##download" + id).c_str())) {
        app.download(faq_backup_path(backup.id));
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(backups.busy());
    if (ImGui::Button((i18n::text("knowledge.faq.restore", language) + "##restore" + id).c_str())) {
        backups.ask_restore(backup.id);
        page.confirm.ask({i18n::text("knowledge.faq.restore_title", language),
                          fill_template(i18n::text("knowledge.faq.restore_message", language), {{"id", id}}),
                          i18n::text("knowledge.faq.restore_confirm", language), i18n::text("knowledge.cancel", language), true});
    }
    ImGui::EndDisabled();
}

}  // namespace

void draw_faq_backups(App& app, KnowledgePage& page, Language language) {
    auto& backups = page.backups;
    draw_status(i18n::text("knowledge.faq.about", language));
    ImGui::BeginDisabled(backups.busy());
    if (ImGui::Button(t("knowledge.faq.export", language))) backups.export_now(app.api(), language);
    ImGui::EndDisabled();
    draw_alert(backups.errors().general(language));
    form_text_field({i18n::text("knowledge.faq.restore_reason", language), false, backups.errors().field("reason", language),
                     i18n::text("knowledge.faq.restore_reason_hint", language)},
                    backups.restore_reason, language);
    draw_heading(i18n::text("knowledge.faq.backups", language));
    if (backups.state() == FaqBackups::State::failed) {
        if (draw_error_state(backups.error_text(), language)) backups.load(app.api(), language);
        return;
    }
    if (backups.state() != FaqBackups::State::loaded && backups.backups().empty()) {
        draw_loading_state(language);
        return;
    }
    if (backups.backups().empty()) draw_status(i18n::text("knowledge.faq.none", language));
    for (const auto& backup : backups.backups()) draw_backup(app, page, backup, language);
}

}  // namespace madoguchi::client
