#include "tickets/ticket_list_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <vector>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "tickets/approval_queue_view.hpp"
#include "tickets/ticket_detail_view.hpp"
#include "tickets/ticket_form_view.hpp"
#include "tickets/ticket_kind.hpp"
#include "ui/data_table.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/list_state.hpp"
#include "ui/text_field.hpp"

namespace madoguchi::client {
namespace {

namespace domain = madoguchi::tickets;
using i18n::Language;
using identity::Role;
using Tab = TicketDeskPage::Tab;

// A compact choice for the filter bar: "すべて" (or another text for none) and then each
// option; `value` holds the option's name.
void filter_combo(const std::string& label, const std::vector<std::pair<std::string, std::string>>& options,
                  std::string& value, Language language, std::string_view none_key = "ticket_desk.filter.any") {
    ImGui::TextUnformatted(label.c_str());
    std::string preview = i18n::text(none_key, language);
    for (const auto& [name, text] : options) {
        if (name == value) preview = text;
    }
    ImGui::SetNextItemWidth(-FLT_MIN);
    const auto id = "##" + label;
    const bool open = ImGui::BeginCombo(id.c_str(), preview.c_str());
    report_last_item(label, "combo", preview);
    if (!open) return;
    if (ImGui::Selectable(t(none_key, language), value.empty())) value.clear();
    for (const auto& [name, text] : options) {
        if (ImGui::Selectable(text.c_str(), name == value)) value = name;
        annotate_last_item("option", name == value ? "selected" : "");
    }
    ImGui::EndCombo();
}

std::vector<std::pair<std::string, std::string>> kind_options(Language language) {
    std::vector<std::pair<std::string, std::string>> options;
    for (const auto kind : domain::ticket_kinds()) {
        options.emplace_back(domain::kind_name(kind), i18n::text(domain::kind_label_key(kind), language));
    }
    return options;
}

std::vector<std::pair<std::string, std::string>> state_options(Language language) {
    std::vector<std::pair<std::string, std::string>> options;
    for (const auto state : domain::ticket_states()) {
        options.emplace_back(domain::state_name(state), i18n::text(domain::state_label_key(state), language));
    }
    return options;
}

void draw_saved_filters(App& app, TicketDeskPage& page, Language language) {
    auto& saved = page.saved;
    std::vector<std::pair<std::string, std::string>> names;
    for (const auto& filter : saved.filters()) names.emplace_back(filter.name, filter.name);
    std::string chosen;
    if (!names.empty()) {
        filter_combo(i18n::text("ticket_desk.saved.choose", language), names, chosen, language, "ticket_desk.saved.none");
        if (const auto* filter = chosen.empty() ? nullptr : saved.find(chosen)) {
            page.filter = *filter;
            page.list.load(app.api(), page.filter);
            saved.new_name = chosen;
        }
    }
    text_field(i18n::text("ticket_desk.saved.name", language), saved.new_name);
    if (ImGui::Button(t("ticket_desk.saved.save", language))) saved.save(saved.new_name, page.filter);
    if (saved.find(saved.new_name) != nullptr) {
        ImGui::SameLine();
        if (ImGui::Button(t("ticket_desk.saved.remove", language))) {
            saved.remove(saved.new_name);
            saved.new_name.clear();
        }
    }
}

void draw_filter_bar(App& app, TicketDeskPage& page, Language language) {
    auto& filter = page.filter;
    bool search = false;
    if (ImGui::BeginTable("ticket_filters", 5, ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableNextColumn();
        filter_combo(i18n::text("ticket_desk.column.kind", language), kind_options(language), filter.kind, language);
        ImGui::TableNextColumn();
        filter_combo(i18n::text("ticket_desk.column.state", language), state_options(language), filter.state, language);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(t("ticket_desk.filter.assignee", language));
        search |= text_field(i18n::text("ticket_desk.filter.assignee", language), filter.assignee).submitted;
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(t("ticket_desk.filter.text", language));
        search |= text_field(i18n::text("ticket_desk.filter.text", language), filter.text).submitted;
        ImGui::TableNextColumn();
        draw_saved_filters(app, page, language);
        ImGui::EndTable();
    }
    ImGui::Checkbox(t("ticket_desk.filter.mine", language), &filter.mine);
    ImGui::SameLine();
    ImGui::Checkbox(t("ticket_desk.filter.breached", language), &filter.breached);
    ImGui::SameLine();
    search |= ImGui::Button(t("ticket_desk.filter.search", language));
    ImGui::SameLine();
    if (ImGui::Button(t("ticket_desk.filter.clear", language))) {
        filter = {};
        search = true;
    }
    if (search) page.list.load(app.api(), filter);
}

void draw_list_tab(App& app, TicketDeskPage& page, const TicketPermissions& permissions, Language language) {
    auto& list = page.list;
    draw_filter_bar(app, page, language);
    if (list.state() == TicketList::State::failed) {
        if (draw_error_state(list.error_text(), language)) list.reload(app.api());
        return;
    }
    if (list.state() != TicketList::State::loaded && list.tickets().empty()) {
        draw_loading_state(language);
        return;
    }
    if (const auto changed = page.detail.take_changed()) list.replace(*changed);
    if (list.wants_more()) list.load_more(app.api());
    const auto* current = list.current();
    if (current != nullptr && current->id != page.detail.id()) page.detail.open(app.api(), current->id);
    const bool pane = page.detail.id() != 0;
    const float pane_width = pane ? std::max(ImGui::GetFontSize() * 26.0F, ImGui::GetContentRegionAvail().x * 0.5F) : 0.0F;
    ImGui::BeginChild("ticket_table", ImVec2(ImGui::GetContentRegionAvail().x - pane_width, 0.0F), false);
    draw_status(list.count_text());
    if (list.has_more()) {
        ImGui::SameLine();
        ImGui::BeginDisabled(list.loading_more());
        if (ImGui::SmallButton(t("ticket_desk.load_more", language))) list.load_more(app.api());
        ImGui::EndDisabled();
    }
    DataTableOptions options;
    options.empty_message_key = "ticket_desk.empty";
    draw_data_table("tickets", list.table(), options, language);
    ImGui::EndChild();
    if (!pane) return;
    ImGui::SameLine();
    ImGui::BeginChild("ticket_pane", ImVec2(0.0F, 0.0F), true);
    draw_ticket_detail(app, page.detail, permissions, language);
    ImGui::EndChild();
}

bool tab_button(const char* label_key, Tab tab, TicketDeskPage& page, Language language) {
    const bool current = page.tab == tab;
    if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    const bool pressed = ImGui::Button(t(label_key, language));
    if (current) ImGui::PopStyleColor();
    annotate_last_item("tab", current ? "selected" : "");
    if (pressed) page.tab = tab;
    return pressed;
}

}  // namespace

void draw_ticket_desk_page(App& app) {
    auto& page = app.ticket_desk_page();
    const auto language = app.preferences().language;
    const auto* user = app.session().user();
    if (user == nullptr) return;
    const TicketPermissions permissions{user->has_any({Role::desk_operator, Role::it_office, Role::vendor}),
                                        user->has_any({Role::desk_operator, Role::it_office})};
    const bool approver = user->has(Role::it_office);
    page.list.set_language(language);
    page.detail.set_language(language);
    page.approvals.set_language(language);
    page.saved.follow_user(user->login);
    if (!page.started) {
        page.started = true;
        page.list.load(app.api(), page.filter);
    }
    if (const auto created = page.form.take_created()) {
        app.toasts().show(ToastKind::success, "ticket_desk.created", Toasts::Clock::now());
        page.tab = Tab::list;
        page.list.reload(app.api());
        page.detail.open(app.api(), created->first);
    }
    if (!page.approvals.take_decided().empty()) {
        app.toasts().show(ToastKind::success, "ticket_desk.decided", Toasts::Clock::now());
    }
    if (!permissions.may_change) draw_status(i18n::text("ticket_desk.read_only", language));
    tab_button("ticket_desk.tab.list", Tab::list, page, language);
    if (permissions.desk) {
        ImGui::SameLine();
        if (tab_button("ticket_desk.tab.create", Tab::create, page, language) && !page.form_started) {
            page.form_started = true;
            page.form.start(user->roles);
        }
    }
    if (approver) {
        ImGui::SameLine();
        if (tab_button("ticket_desk.tab.approvals", Tab::approvals, page, language)) page.approvals.load(app.api());
    }
    ImGui::Separator();
    if (page.tab == Tab::create && permissions.desk) {
        draw_ticket_form(app, page.form, language);
    } else if (page.tab == Tab::approvals && approver) {
        draw_approval_queue(app, page.approvals, language);
    } else {
        draw_list_tab(app, page, permissions, language);
    }
}

}  // namespace madoguchi::client
