#include "knowledge/knowledge_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "knowledge/article_editor_view.hpp"
#include "knowledge/faq_backups_view.hpp"
#include "ui/data_table.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/list_state.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

constexpr std::array<const char*, 4> audience_filters{"", "staff", "desk", "chatbot"};
constexpr std::array<const char*, 4> state_filters{"", "draft", "published", "unpublished"};

// A filter choice over `values` ("" first: any), labelled from "<prefix><value>".
template <std::size_t size>
bool filter_choice(const char* label_key, const char* any_key, const std::string& prefix, const std::array<const char*, size>& values,
                   std::string& chosen, Language language) {
    std::vector<std::string> labels;
    int selected = 0;
    for (std::size_t index = 0; index < values.size(); ++index) {
        labels.push_back(index == 0 ? i18n::text(any_key, language) : i18n::text(prefix + values[index], language));
        if (chosen == values[index]) selected = static_cast<int>(index);
    }
    if (!form_choice({i18n::text(label_key, language), false, {}, {}}, labels, selected, language)) return false;
    chosen = values[static_cast<std::size_t>(selected)];
    return true;
}

void draw_search(App& app, KnowledgePage& page, bool may_write, Language language) {
    auto& list = page.list;
    bool search = form_text_field({i18n::text("knowledge.search", language), false, {}, i18n::text("knowledge.search_hint", language)},
                                  list.search, language)
                      .submitted;
    search |= filter_choice("knowledge.filter.audience", "knowledge.filter.any", "knowledge.audience.", audience_filters,
                            list.audience, language);
    search |= filter_choice("knowledge.filter.state", "knowledge.filter.any", "knowledge.state.", state_filters,
                            list.state_filter, language);
    search |= ImGui::Button(t("knowledge.search_button", language));
    if (search) list.load(app.api());
    if (!may_write) return;
    ImGui::SameLine();
    if (ImGui::Button(t("knowledge.new", language))) {
        list.table().clear_selection();
        page.editor.start_new();
    }
}

void take_changes(App& app, KnowledgePage& page) {
    const auto now = Toasts::Clock::now();
    if (auto updated = page.editor.take_updated()) {
        page.list.replace(*updated);
        page.followed = updated->id;
    }
    if (page.editor.take_saved()) app.toasts().show(ToastKind::success, "knowledge.saved", now);
    if (auto path = page.backups.take_download()) {
        app.download(*path);
        app.toasts().show(ToastKind::success, "knowledge.faq.exported", now);
    }
    if (page.backups.take_restored()) {
        page.list.load(app.api());
        page.editor.close();
        page.followed = 0;
        app.toasts().show(ToastKind::success, "knowledge.faq.restored", now);
    }
    if (const auto answer = page.confirm.take_answer()) {
        const bool confirmed = *answer == ConfirmAnswer::confirmed;
        if (page.editor.restoring()) {
            if (confirmed) {
                page.editor.confirm_restore(app.api());
            } else {
                page.editor.cancel_restore();
            }
        } else if (page.backups.restoring()) {
            if (!confirmed || !page.backups.confirm_restore(app.api(), app.preferences().language)) page.backups.cancel_restore();
        }
    }
}

// The editor follows the list's current row; a new article's form stays until a row is picked.
void follow_list(App& app, KnowledgePage& page) {
    const auto* current = page.list.current();
    if (current == nullptr || current->id == page.followed) return;
    page.followed = current->id;
    page.editor.open(app.api(), *current);
}

void draw_articles(App& app, KnowledgePage& page, bool may_write, Language language) {
    draw_search(app, page, may_write, language);
    auto& list = page.list;
    if (list.state() == KnowledgeList::State::failed) {
        if (draw_error_state(list.error_text(), language)) list.load(app.api());
        return;
    }
    if (list.state() != KnowledgeList::State::loaded && list.articles().empty()) {
        draw_loading_state(language);
        return;
    }
    follow_list(app, page);
    const bool pane = page.editor.mode() != ArticleEditor::Mode::closed;
    const float pane_width = pane ? std::max(ImGui::GetFontSize() * 30.0F, ImGui::GetContentRegionAvail().x * 0.5F) : 0.0F;
    ImGui::BeginChild("knowledge_table", ImVec2(ImGui::GetContentRegionAvail().x - pane_width, 0.0F), false);
    DataTableOptions options;
    options.empty_message_key = "knowledge.empty";
    draw_data_table("knowledge_articles", list.table(), options, language);
    ImGui::EndChild();
    if (!pane) return;
    ImGui::SameLine();
    ImGui::BeginChild("knowledge_pane", ImVec2(0.0F, 0.0F), true);
    draw_article_editor(app, page, may_write, language);
    ImGui::EndChild();
}

}  // namespace

void draw_knowledge_page(App& app) {
    auto& page = app.knowledge_page();
    const auto language = app.preferences().language;
    const auto* user = app.session().user();
    const bool may_write = user != nullptr && may_write_knowledge(user->roles);
    page.list.set_language(language);
    if (!page.started) {
        page.started = true;
        page.list.load(app.api());
        if (may_write) page.backups.load(app.api(), language);
    }
    take_changes(app, page);
    if (!ImGui::BeginTabBar("knowledge_tabs")) return;
    if (ImGui::BeginTabItem(t("knowledge.tab.articles", language))) {
        draw_articles(app, page, may_write, language);
        ImGui::EndTabItem();
    }
    if (may_write && ImGui::BeginTabItem(t("knowledge.tab.faq", language))) {
        draw_faq_backups(app, page, language);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
    draw_confirm_dialog(page.confirm);
}

}  // namespace madoguchi::client
