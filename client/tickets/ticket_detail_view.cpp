#include "tickets/ticket_detail_view.hpp"

#include <imgui.h>

#include <vector>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "tickets/inquiry.hpp"
#include "tickets/priority.hpp"
#include "tickets/sla_badge_view.hpp"
#include "tickets/ticket_detail.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/list_state.hpp"

namespace madoguchi::client {
namespace {

namespace domain = madoguchi::tickets;
using i18n::Language;

void line(const char* label_key, const std::string& value, Language language) {
    auto text = i18n::text(label_key, language);
    text.append("：").append(value);
    ImGui::TextWrapped("%s", text.c_str());
    report_last_item(text, "text");
}

void draw_header(const TicketDetail& detail, Language language) {
    const auto& ticket = detail.ticket();
    draw_heading(ticket.number + ' ' + ticket.title);
    line("ticket_desk.column.kind", kind_label(ticket.kind, language), language);
    line("ticket_desk.column.state", state_label(ticket.state, language), language);
    line("ticket_desk.column.priority", priority_label(ticket.priority, language), language);
    line("ticket_desk.label.requester", ticket.requester_login, language);
    line("ticket_desk.label.division", ticket.division_code, language);
    line("ticket_desk.column.assignee",
         ticket.assignee_login.empty() ? i18n::text("ticket_desk.unassigned", language) : ticket.assignee_login, language);
    draw_sla_badge(detail.sla(), language);
    ImGui::TextWrapped("%s", ticket.body.c_str());
    report_last_item(ticket.body, "text");
}

void draw_moves(App& app, TicketDetail& detail, Language language) {
    if (detail.moves().empty()) return;
    draw_heading(i18n::text("ticket_desk.moves", language));
    ImGui::BeginDisabled(detail.busy());
    bool first = true;
    for (const auto& move : detail.moves()) {
        if (!first) ImGui::SameLine();
        first = false;
        if (ImGui::Button(t(move.action_key, language))) detail.choose_move(app.api(), move);
    }
    ImGui::EndDisabled();
    const auto& pending = detail.pending_move();
    if (!pending) return;
    const auto prompt = fill_template(i18n::text("ticket_desk.move.prompt", language),
                                      {{"action", i18n::text(pending->action_key, language)}});
    draw_status(prompt);
    const auto error = detail.errors().field("comment", language);
    TextFieldOptions options;
    options.multiline = true;
    options.visible_lines = 3;
    form_text_field({i18n::text("ticket_desk.move.comment", language), pending->needs_comment, error, {}},
                    detail.move_comment, language, options);
    ImGui::BeginDisabled(detail.busy());
    if (ImGui::Button(t("ticket_desk.move.confirm", language))) detail.confirm_move(app.api());
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(t("ticket_desk.move.cancel", language))) detail.cancel_move();
}

// Index of `value` among `names`, or -1.
int index_of(std::span<const std::string> names, const std::string& value) {
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == value) return static_cast<int>(i);
    }
    return -1;
}

void draw_edit(App& app, TicketDetail& detail, Language language) {
    draw_heading(i18n::text("ticket_desk.edit", language));
    const auto& errors = detail.errors();
    form_text_field({i18n::text("ticket_desk.label.assignee_login", language), false, errors.field("assignee", language), {}},
                    detail.edit_assignee, language);
    std::vector<std::string> priorities;
    std::vector<std::string> priority_labels;
    for (const auto priority : domain::priorities()) {
        priorities.emplace_back(domain::priority_name(priority));
        priority_labels.push_back(i18n::text(domain::priority_label_key(priority), language));
    }
    int selected = index_of(priorities, detail.edit_priority);
    if (form_choice({i18n::text("ticket_desk.column.priority", language), false, errors.field("priority", language), {}},
                    priority_labels, selected, language)) {
        detail.edit_priority = priorities[static_cast<std::size_t>(selected)];
    }
    std::vector<std::string> categories;
    std::vector<std::string> category_labels;
    for (const auto category : domain::inquiry_categories()) {
        categories.emplace_back(category);
        category_labels.push_back(i18n::text("tickets.category." + std::string(category), language));
    }
    selected = index_of(categories, detail.edit_category);
    if (form_choice({i18n::text("ticket_desk.label.category", language), false, errors.field("category", language), {}},
                    category_labels, selected, language)) {
        detail.edit_category = categories[static_cast<std::size_t>(selected)];
    }
    ImGui::BeginDisabled(detail.busy() || !detail.fields_changed());
    if (ImGui::Button(t("ticket_desk.save", language))) detail.save_fields(app.api());
    ImGui::EndDisabled();
}

void draw_note_form(App& app, TicketDetail& detail, bool desk, Language language) {
    draw_heading(i18n::text("ticket_desk.work_log", language));
    TextFieldOptions options;
    options.multiline = true;
    options.visible_lines = 3;
    form_text_field({i18n::text("ticket_desk.note", language), false, detail.errors().field("text", language), {}},
                    detail.note_text, language, options);
    // Only the desk writes internal notes; the requester never reads them.
    if (desk) {
        ImGui::Checkbox(t("ticket_desk.note.internal", language), &detail.note_internal);
        ImGui::SameLine();
    }
    ImGui::BeginDisabled(detail.busy());
    if (ImGui::Button(t("ticket_desk.note.add", language))) detail.add_note(app.api());
    ImGui::EndDisabled();
}

std::string link_text(const TicketLinkEntry& link, Language language) {
    const auto key = "ticket_desk.link." + link.kind;
    return fill_template(i18n::text(key, language), {{"name", link.name}, {"id", std::to_string(link.target_id)}});
}

void draw_links(App& app, TicketDetail& detail, bool desk, Language language) {
    draw_heading(i18n::text("ticket_desk.links", language));
    if (detail.links().empty()) {
        draw_status(i18n::text("ticket_desk.links.none", language));
    }
    for (const auto& link : detail.links()) {
        const auto text = link_text(link, language);
        ImGui::BulletText("%s", text.c_str());
        report_last_item(text, "listitem");
    }
    if (!desk) return;
    const std::vector<std::string> kinds{i18n::text("ticket_desk.link.kind.ticket", language),
                                         i18n::text("ticket_desk.link.kind.device", language),
                                         i18n::text("ticket_desk.link.kind.configuration_item", language)};
    int selected = static_cast<int>(detail.link_kind);
    if (form_choice({i18n::text("ticket_desk.link.kind", language), false, {}, {}}, kinds, selected, language)) {
        detail.link_kind = static_cast<LinkKind>(selected);
    }
    const auto& errors = detail.errors();
    auto error = errors.field("ticket_id", language);
    if (error.empty()) error = errors.field("device_id", language);
    if (error.empty()) error = errors.field("configuration_item_id", language);
    form_text_field({i18n::text("ticket_desk.link.target", language), false, error, {}}, detail.link_target, language);
    ImGui::BeginDisabled(detail.busy());
    if (ImGui::Button(t("ticket_desk.link.add", language))) detail.add_link(app.api());
    ImGui::EndDisabled();
}

void draw_timeline(const TicketDetail& detail, Language language) {
    draw_heading(i18n::text("ticket_desk.timeline", language));
    // Newest first: the latest answer is what the desk reads before replying.
    const auto& timeline = detail.timeline();
    for (auto entry = timeline.rbegin(); entry != timeline.rend(); ++entry) {
        const auto heading = timeline_heading(*entry, language);
        ImGui::Separator();
        ImGui::TextUnformatted(heading.c_str());
        report_last_item(heading, "text");
        if (!entry->comment.empty()) {
            ImGui::TextWrapped("%s", entry->comment.c_str());
            report_last_item(entry->comment, "text", entry->internal ? "internal" : "public");
        }
    }
}

}  // namespace

void draw_ticket_detail(App& app, TicketDetail& detail, const TicketPermissions& permissions, Language language) {
    if (detail.state() == TicketDetail::State::failed) {
        if (draw_error_state(detail.error_text(), language)) detail.open(app.api(), detail.id());
        return;
    }
    if (detail.state() != TicketDetail::State::loaded) {
        draw_loading_state(language);
        return;
    }
    if (detail.stale()) draw_alert(i18n::text("ticket_desk.stale", language));
    draw_header(detail, language);
    draw_alert(detail.errors().general(language));
    if (permissions.may_change) draw_moves(app, detail, language);
    // Notes before the edit: the desk answers far more often than it reassigns.
    if (permissions.may_change) draw_note_form(app, detail, permissions.desk, language);
    if (permissions.desk) draw_edit(app, detail, language);
    draw_links(app, detail, permissions.desk, language);
    draw_timeline(detail, language);
}

}  // namespace madoguchi::client
