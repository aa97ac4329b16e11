#include "knowledge/article_editor_view.hpp"

#include <imgui.h>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "knowledge/knowledge_list.hpp"
#include "knowledge/knowledge_page.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/style.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;
namespace domain = knowledge;

std::string version_label(const domain::ArticleVersion& version, Language language) {
    return fill_template(i18n::text("knowledge.version.label", language),
                         {{"number", std::to_string(version.version)},
                          {"by", version.changed_by},
                          {"at", version.changed_at},
                          {"reason", version.reason}});
}

void draw_form(ArticleEditor& editor, bool may_write, Language language) {
    const auto& errors = editor.errors();
    if (editor.stale()) draw_alert(i18n::text("knowledge.stale", language));
    ImGui::BeginDisabled(!may_write);
    form_text_field({i18n::text("knowledge.field.question", language), true, errors.field("question", language), {}},
                    editor.question, language);
    TextFieldOptions multiline;
    multiline.multiline = true;
    multiline.visible_lines = 8;
    form_text_field({i18n::text("knowledge.field.answer", language), true, errors.field("answer", language), {}},
                    editor.answer, language, multiline);
    form_text_field({i18n::text("knowledge.field.category", language), true, errors.field("category", language), {}},
                    editor.category, language);
    draw_heading(i18n::text("knowledge.field.audiences", language));
    const auto& all = domain::all_audiences();
    for (std::size_t index = 0; index < all.size(); ++index) {
        if (index > 0) ImGui::SameLine();
        const auto label = i18n::text("knowledge.audience." + std::string(domain::audience_name(all[index])), language);
        ImGui::Checkbox(label.c_str(), &editor.audiences[index]);
    }
    draw_alert(errors.field("audiences", language));
    if (editor.mode() == ArticleEditor::Mode::editing) {
        form_text_field({i18n::text("knowledge.field.reason", language), false, errors.field("reason", language),
                         i18n::text("knowledge.field.reason_hint", language)},
                        editor.reason, language);
    }
    ImGui::EndDisabled();
    draw_alert(errors.field("article", language));
    draw_alert(errors.general(language));
}

void draw_actions(App& app, ArticleEditor& editor, Language language) {
    ImGui::BeginDisabled(editor.busy());
    if (ImGui::Button(t("knowledge.save", language))) editor.save(app.api());
    const auto* entry = editor.entry();
    if (entry != nullptr) {
        ImGui::SameLine();
        const bool published = entry->current.state == domain::ArticleState::published;
        if (ImGui::Button(t(published ? "knowledge.unpublish" : "knowledge.publish", language))) {
            editor.move(app.api(), published ? domain::ArticleState::unpublished : domain::ArticleState::published);
        }
    }
    ImGui::EndDisabled();
}

void version_choice(const char* label_key, std::int64_t& number, const ArticleEditor& editor, Language language) {
    std::vector<std::string> labels;
    int selected = -1;
    for (std::size_t index = 0; index < editor.versions().size(); ++index) {
        const auto& version = editor.versions()[index];
        labels.push_back(version_label(version, language));
        if (version.version == number) selected = static_cast<int>(index);
    }
    if (form_choice({i18n::text(label_key, language), false, {}, {}}, labels, selected, language)) {
        number = editor.versions()[static_cast<std::size_t>(selected)].version;
    }
}

void draw_diff(const ArticleEditor& editor, Language language) {
    const auto& colours = status_colours();
    bool any = false;
    for (const auto& field : editor.diff()) {
        if (!field.changed) continue;
        any = true;
        draw_heading(i18n::text("knowledge.field." + field.field, language));
        for (const auto& line : field.lines) {
            const char* mark = line.change == domain::LineChange::added ? "+ " : line.change == domain::LineChange::removed ? "- " : "  ";
            std::string text(mark);
            text += line.text;
            const bool coloured = line.change != domain::LineChange::same;
            if (coloured) ImGui::PushStyleColor(ImGuiCol_Text, line.change == domain::LineChange::added ? colours.ok : colours.error);
            ImGui::TextWrapped("%s", text.c_str());
            if (coloured) ImGui::PopStyleColor();
            report_last_item(text, "text", domain::change_name(line.change));
        }
    }
    if (!any) draw_status(i18n::text("knowledge.diff.none", language));
}

void draw_versions(KnowledgePage& page, bool may_write, Language language) {
    auto& editor = page.editor;
    if (editor.versions().empty()) return;
    for (std::size_t index = 0; index < editor.versions().size(); ++index) {
        const auto& version = editor.versions()[index];
        const auto label = version_label(version, language);
        ImGui::TextWrapped("%s", label.c_str());
        report_last_item(label, "text");
        if (!may_write || index == 0) continue;  // the newest is the article itself
        ImGui::SameLine();
        const auto button = fill_template(i18n::text("knowledge.restore", language), {{"number", std::to_string(version.version)}}) +
                            "##restore" + std::to_string(version.version);
        ImGui::BeginDisabled(editor.busy());
        if (ImGui::Button(button.c_str())) {
            editor.ask_restore(version.version);
            page.confirm.ask({i18n::text("knowledge.restore.title", language),
                              fill_template(i18n::text("knowledge.restore.message", language), {{"number", std::to_string(version.version)}}),
                              i18n::text("knowledge.restore.confirm", language), i18n::text("knowledge.cancel", language), false});
        }
        ImGui::EndDisabled();
    }
    draw_heading(i18n::text("knowledge.diff", language));
    version_choice("knowledge.diff.from", editor.from, editor, language);
    version_choice("knowledge.diff.to", editor.to, editor, language);
    draw_diff(editor, language);
}

}  // namespace

void draw_article_editor(App& app, KnowledgePage& page, bool may_write, Language language) {
    auto& editor = page.editor;
    const auto* entry = editor.entry();
    const auto title = entry == nullptr ? i18n::text("knowledge.new_title", language)
                                        : fill_template(i18n::text("knowledge.edit_title", language),
                                                        {{"id", std::to_string(entry->id)},
                                                         {"version", std::to_string(entry->current.version)},
                                                         {"state", i18n::text("knowledge.state." + std::string(domain::state_name(entry->current.state)), language)}});
    draw_heading(title);
    if (!ImGui::BeginTabBar("article_tabs")) return;
    if (ImGui::BeginTabItem(t("knowledge.tab.content", language))) {
        if (entry != nullptr) draw_status(fill_template(i18n::text("knowledge.solved_line", language), {{"counts", feedback_text(*entry)}}));
        draw_form(editor, may_write, language);
        if (may_write) draw_actions(app, editor, language);
        ImGui::EndTabItem();
    }
    // Apart from the form, so that the versions and their diff fit the pane.
    if (entry != nullptr && ImGui::BeginTabItem(t("knowledge.versions", language))) {
        draw_versions(page, may_write, language);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}  // namespace madoguchi::client
