#include "tickets/my_tickets_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <optional>
#include <string>

#include "api/form_errors.hpp"
#include "tickets/ticket_kind.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/style.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

std::string state_label(const std::string& state, Language language) {
    const auto parsed = tickets::parse_ticket_state(state);
    return parsed ? i18n::text(tickets::state_label_key(*parsed), language) : state;
}

std::string when(const std::string& iso, Language language, bool wareki) {
    const auto instant = calendar::parse_iso8601(iso).instant;
    return instant ? format_display_time(*instant, language, wareki) : iso;
}

void muted_line(std::string_view key, Language language) {
    ImGui::TextDisabled("%s", t(key, language));
    report_last_item(i18n::text(key, language), "status");
}

void draw_list(MyTickets& tickets, Language language, bool wareki) {
    if (ImGui::Button(t("ticket_staff.mine.reload", language))) tickets.refresh();
    if (tickets.loading()) {
        ImGui::SameLine();
        muted_line("ticket_staff.mine.loading", language);
    }
    if (!tickets.error().code.empty()) {
        const auto message = error_text(tickets.error(), language);
        ImGui::TextColored(status_colours().error, "%s", message.c_str());
        report_last_item(message, "alert");
    }
    if (tickets.loaded() && tickets.rows().empty()) muted_line("ticket_staff.mine.none", language);
    std::optional<std::int64_t> opened;
    const auto open_id = tickets.detail() ? std::optional<std::int64_t>(tickets.detail()->row.id) : std::nullopt;
    for (const auto& row : tickets.rows()) {
        ImGui::PushID(static_cast<int>(row.id));
        const auto label = row.number + "　" + row.subject;
        if (ImGui::Selectable(label.c_str(), open_id == row.id)) opened = row.id;
        const auto state = state_label(row.status, language);
        ImGui::TextDisabled("%s", state.c_str());
        report_last_item(label, "status", state);
        ImGui::SameLine();
        const auto updated = fill_template(i18n::text("ticket_staff.mine.updated", language),
                                           {{"time", when(row.updated_at, language, wareki)}});
        ImGui::TextDisabled("%s", updated.c_str());
        if (tickets.has_new_answer(row)) {
            ImGui::SameLine();
            ImGui::TextColored(status_colours().warning, "%s", t("ticket_staff.mine.new_answer", language));
            report_last_item(i18n::text("ticket_staff.mine.new_answer", language), "status", row.number);
        }
        ImGui::Spacing();
        ImGui::PopID();
    }
    if (opened) tickets.open(*opened);
}

void draw_entry(const TimelineEntry& entry, bool from_requester, Language language, bool wareki) {
    const auto& who = from_requester ? i18n::text("ticket_staff.mine.you", language)
                                           : i18n::text("ticket_staff.mine.desk", language);
    const auto header = who + "　" + when(entry.occurred_at, language, wareki);
    ImGui::TextDisabled("%s", header.c_str());
    if (entry.type == "created") {
        ImGui::TextUnformatted(t("ticket_staff.mine.received", language));
        report_last_item(i18n::text("ticket_staff.mine.received", language), "text");
    } else if (entry.type == "state" || entry.type == "approval") {
        const auto moved = fill_template(i18n::text("ticket_staff.mine.moved", language),
                                         {{"state", state_label(entry.to_state, language)}});
        ImGui::TextUnformatted(moved.c_str());
        report_last_item(moved, "text");
    }
    if (!entry.comment.empty()) {
        ImGui::TextWrapped("%s", entry.comment.c_str());
        // An answer is found by its text, and by whom it came from.
        report_last_item(entry.comment, from_requester ? "reply" : "answer");
    }
    ImGui::Separator();
}

void draw_detail(MyTickets& tickets, Language language, bool wareki) {
    if (!tickets.detail_error().code.empty()) {
        const auto message = error_text(tickets.detail_error(), language);
        ImGui::TextColored(status_colours().error, "%s", message.c_str());
        report_last_item(message, "alert");
        return;
    }
    if (!tickets.detail()) {
        muted_line(tickets.detail_loading() ? "ticket_staff.mine.loading" : "ticket_staff.mine.pick", language);
        return;
    }
    const auto& detail = *tickets.detail();
    const auto title = detail.row.number + "　" + detail.row.subject;
    ImGui::TextUnformatted(title.c_str());
    report_last_item(title, "heading");
    const auto state = state_label(detail.row.status, language);
    ImGui::TextDisabled("%s", state.c_str());
    report_last_item(i18n::text("ticket_staff.mine.state", language), "status", state);
    ImGui::TextWrapped("%s", detail.body.c_str());
    ImGui::Separator();
    for (const auto& entry : detail.timeline) draw_entry(entry, detail.from_requester(entry), language, wareki);

    TextFieldOptions reply;
    reply.multiline = true;
    reply.visible_lines = 4;
    const auto error = tickets.reply_errors().field("text", language);
    form_text_field(FieldFrame{i18n::text("ticket_staff.mine.reply", language), false, error, {}}, tickets.reply(),
                    language, reply);
    ImGui::BeginDisabled(tickets.sending_reply());
    if (ImGui::Button(t("ticket_staff.mine.send_reply", language))) tickets.send_reply();
    ImGui::EndDisabled();
    if (const auto general = tickets.reply_errors().general(language); !general.empty()) {
        ImGui::TextColored(status_colours().error, "%s", general.c_str());
        report_last_item(general, "alert");
    }
}

}  // namespace

std::string my_tickets_tab_label(const MyTickets& tickets, Language language) {
    const auto count = tickets.new_answers();
    if (count == 0) return i18n::text("ticket_staff.mine.tab", language);
    return fill_template(i18n::text("ticket_staff.mine.tab_new", language), {{"n", std::to_string(count)}});
}

void draw_my_tickets(MyTickets& tickets, Language language, bool wareki) {
    tickets.update(MyTickets::Clock::now());
    const float list_width = std::max(ImGui::GetFontSize() * 18.0F, ImGui::GetContentRegionAvail().x * 0.4F);
    ImGui::BeginChild("my_tickets_list", ImVec2(list_width, 0.0F), true);
    draw_list(tickets, language, wareki);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("my_tickets_detail", ImVec2(0.0F, 0.0F), true);
    draw_detail(tickets, language, wareki);
    ImGui::EndChild();
}

}  // namespace madoguchi::client
