#include "admin/user_admin_view.hpp"

#include <imgui.h>


#include "admin/user_form_view.hpp"
#include "app/app.hpp"
#include "ui/data_table.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/list_state.hpp"
#include "ui/progress.hpp"
#include "ui/text_field.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

// What the confirm dialog was asked about, done once it is confirmed.
void settle_confirm(App& app, UserAdminPage& page) {
    const auto answer = page.confirm.take_answer();
    if (!answer) return;
    const auto pending = std::exchange(page.pending, UserAdminPage::Pending::none);
    if (*answer != ConfirmAnswer::confirmed) return;
    switch (pending) {
        case UserAdminPage::Pending::disable: page.editor.set_disabled(app.api(), true); break;
        case UserAdminPage::Pending::enable: page.editor.set_disabled(app.api(), false); break;
        case UserAdminPage::Pending::set_password: page.editor.set_password(app.api()); break;
        case UserAdminPage::Pending::clear_block: page.blocks.clear(app.api(), page.pending_key); break;
        case UserAdminPage::Pending::none: break;
    }
}

// Answers of the panel, the dialog and the blocks tab: the list shows them, a toast says so.
void take_results(App& app, UserAdminPage& page) {
    const auto now = Toasts::Clock::now();
    if (auto updated = page.editor.take_updated()) page.list.put(*updated);
    if (const auto done = page.editor.take_done(); !done.empty()) app.toasts().show(ToastKind::success, done, now);
    if (auto created = page.new_user.take_created()) {
        page.list.put(*created);
        page.list.focus(created->id);
        page.new_user_open = false;
        app.toasts().show(ToastKind::success, "admin.created", now, created->fields.login);
    }
    if (page.blocks.take_cleared()) app.toasts().show(ToastKind::success, "admin.blocks.cleared", now);
}

std::vector<std::string> with_any(std::vector<std::string> labels, Language language) {
    labels.insert(labels.begin(), i18n::text("admin.filter.any", language));
    return labels;
}

void draw_filters(App& app, UserAdminPage& page, bool may_change) {
    const auto language = app.preferences().language;
    auto& filters = page.list.filters();
    std::vector<std::string> roles;
    for (const auto role : identity::all_roles()) roles.push_back(i18n::text(identity::role_label_key(role), language));
    const auto role_labels = with_any(roles, language);
    int role = filters.role + 1;
    const auto division_labels_any = with_any(division_labels(app.divisions(), language), language);
    int division = app.divisions().index_of(filters.division) + 1;
    const std::vector<std::string> statuses{i18n::text("admin.filter.any", language),
                                            i18n::text("admin.status.enabled", language),
                                            i18n::text("admin.status.disabled", language)};
    int status = static_cast<int>(filters.status);

    TextFieldEvents search;
    bool chosen = false;
    if (ImGui::BeginTable("user_filters", 5, ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableNextColumn();
        search = form_text_field({i18n::text("admin.filter.text", language), false, {}, {}}, filters.text, language);
        ImGui::TableNextColumn();
        chosen |= form_choice({i18n::text("admin.filter.role", language), false, {}, {}}, role_labels, role, language);
        ImGui::TableNextColumn();
        chosen |= form_choice({i18n::text("admin.filter.division", language), false, {}, {}}, division_labels_any,
                              division, language);
        ImGui::TableNextColumn();
        chosen |= form_choice({i18n::text("admin.filter.status", language), false, {}, {}}, statuses, status, language);
        ImGui::TableNextColumn();
        if (may_change) {
            ImGui::TextUnformatted(" ");
            if (ImGui::Button(t("admin.new_user", language))) {
                page.new_user.clear();
                page.new_user_open = true;
            }
        }
        ImGui::EndTable();
    }
    filters.role = role - 1;
    filters.division = division > 0 ? app.divisions().tree()[static_cast<std::size_t>(division - 1)].code : std::string();
    filters.status = static_cast<UserFilters::Status>(status);
    // A choice applies at once; the text when typing ends (Enter or leaving the field).
    const bool text_done = (search.submitted || search.left) && filters.text != page.list.loaded_filters().text;
    if (chosen || text_done) page.list.reload(app.api());
}

void draw_user_list(App& app, UserAdminPage& page, bool may_change) {
    const auto language = app.preferences().language;
    draw_filters(app, page, may_change);
    auto& list = page.list;
    if (list.state() == UserList::State::failed) {
        if (draw_error_state(list.error_text(), language)) list.reload(app.api());
        return;
    }
    if (list.state() == UserList::State::loading) {
        draw_progress(t("admin.loading", language), list.progress(), false, language);
    }
    const bool panel = list.current() != nullptr && !page.new_user_open;
    const float panel_width = panel ? std::max(ImGui::GetFontSize() * 20.0F, ImGui::GetContentRegionAvail().x * 0.38F) : 0.0F;
    ImGui::BeginChild("user_table", ImVec2(ImGui::GetContentRegionAvail().x - panel_width, 0.0F), false);
    if (list.state() == UserList::State::loading && list.users().empty()) {
        draw_loading_state(language);
    } else {
        DataTableOptions options;
        options.empty_message_key = "admin.empty";
        draw_data_table("users", list.table(), options, language);
    }
    ImGui::EndChild();
    const auto* current = list.current();
    if (current == nullptr) {
        page.editor.close();
        return;
    }
    if (page.editor.user() == nullptr || page.editor.user()->id != current->id) page.editor.open(*current);
    if (!panel) return;
    ImGui::SameLine();
    ImGui::BeginChild("user_panel", ImVec2(0.0F, 0.0F), true);
    draw_user_panel(app, page, may_change);
    ImGui::EndChild();
}

}  // namespace

void draw_users_page(App& app) {
    auto& page = app.users_page();
    const auto language = app.preferences().language;
    const auto* user = app.session().user();
    const bool may_change = user != nullptr && user->has(identity::Role::admin);
    page.list.set_language(language);
    page.blocks.set_language(language);
    app.divisions().load(app.api());
    if (!page.started) {
        page.started = true;
        page.list.reload(app.api());
    }
    settle_confirm(app, page);
    take_results(app, page);
    if (!may_change) {
        ImGui::TextDisabled("%s", t("admin.read_only", language));
        report_last_item(i18n::text("admin.read_only", language), "status");
    }
    if (ImGui::BeginTabBar("users_tabs")) {
        if (ImGui::BeginTabItem(t("admin.tab.users", language))) {
            draw_user_list(app, page, may_change);
            ImGui::EndTabItem();
        }
        if (may_change && ImGui::BeginTabItem(t("admin.tab.blocks", language))) {
            draw_login_blocks(app, page);
            ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
    }
    if (may_change) draw_new_user_dialog(app, page);
    draw_confirm_dialog(page.confirm);
}

}  // namespace madoguchi::client
