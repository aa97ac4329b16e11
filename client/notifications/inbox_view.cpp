#include "notifications/inbox_view.hpp"

#include <imgui.h>

#include "api/form_errors.hpp"
#include "app/app.hpp"
#include "lending/request_queue.hpp"
#include "notifications/relative_time.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/list_state.hpp"
#include "ui/style.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

// Where the user reads a ticket: the desk's detail pane, or staff's own inquiries.
void open_ticket(App& app, std::int64_t id) {
    if (app.allowed(Area::ticket_desk)) {
        auto& page = app.ticket_desk_page();
        page.tab = TicketDeskPage::Tab::list;
        // A fresh list has no current row that would take the pane back to itself.
        if (page.started) page.list.reload(app.api());
        page.detail.open(app.api(), id);
        app.select(Area::ticket_desk);
    } else if (app.allowed(Area::tickets)) {
        auto& page = app.inquiry_page();
        page.select_mine = true;
        page.mine.open(id);
        app.select(Area::tickets);
    }
}

// Where the user reads a loan: the queue for those who decide or oversee loans, else one's
// own loans with it opened.
void open_loan(App& app, std::int64_t id) {
    const auto* user = app.session().user();
    if (user == nullptr || !app.allowed(Area::lending)) return;
    app.lending_page().focus_loan(id, sees_lending_queue(*user));
    app.select(Area::lending);
}

void draw_entry(App& app, NotificationInbox& inbox, const InboxItem& item, calendar::Instant now, Language language) {
    const auto& title = item.title(language);
    ImGui::PushID(static_cast<int>(item.id));
    if (!item.read) {
        ImGui::TextColored(status_colours().info, "%s", t("notifications_inbox.unread_mark", language));
        report_last_item(i18n::text("notifications_inbox.unread", language), "status", title);
        ImGui::SameLine();
    }
    const bool opened = ImGui::Selectable(title.c_str(), false, ImGuiSelectableFlags_None);
    annotate_last_item("listitem", item.read ? "read" : "unread");
    std::string when = format_relative_time(item.created_at, now, language);
    if (!item.loan_request_number.empty()) when = item.loan_request_number + "  " + when;
    if (!item.ticket_number.empty()) when = item.ticket_number + "  " + when;
    ImGui::TextDisabled("%s", when.c_str());
    report_last_item(when, "text");
    ImGui::PopID();
    if (!opened) return;
    const auto target = inbox.open(item.id);
    if (target.ticket_id) {
        open_ticket(app, *target.ticket_id);
    } else if (target.loan_request_id) {
        open_loan(app, *target.loan_request_id);
    }
}

void draw_panel(App& app, NotificationInbox& inbox, calendar::Instant now, Language language) {
    ImGui::TextUnformatted(t("notifications_inbox.title", language));
    report_last_item(i18n::text("notifications_inbox.title", language), "heading");
    ImGui::SameLine();
    ImGui::BeginDisabled(inbox.unread() == 0);
    if (ImGui::SmallButton(t("notifications_inbox.read_all", language))) inbox.mark_all_read();
    ImGui::EndDisabled();
    ImGui::Separator();
    if (!inbox.loaded()) {
        if (!inbox.error().code.empty()) {
            if (draw_error_state(error_text(inbox.error(), language), language)) inbox.refresh();
        } else {
            draw_loading_state(language);
        }
        return;
    }
    if (inbox.items().empty()) {
        draw_empty_state("notifications_inbox.empty", {}, language);
        return;
    }
    // Entries point into the inbox, which a click may change: walk a copy of this frame's.
    const auto items = inbox.items();
    for (const auto& item : items) draw_entry(app, inbox, item, now, language);
    if (inbox.has_more()) {
        ImGui::BeginDisabled(inbox.loading());
        if (ImGui::SmallButton(t("notifications_inbox.more", language))) inbox.load_more();
        ImGui::EndDisabled();
    }
}

}  // namespace

void draw_notification_bell(App& app, calendar::Instant now) {
    auto& inbox = app.inbox();
    const auto language = app.preferences().language;
    const auto unread = inbox.unread();
    // ### keeps one button (and its popup) while the count in its label changes.
    auto label = unread > 0 ? fill_template(i18n::text("notifications_inbox.bell_unread", language),
                                            {{"count", std::to_string(unread)}})
                            : i18n::text("notifications_inbox.bell", language);
    label += "###notification_bell";
    if (unread > 0) ImGui::PushStyleColor(ImGuiCol_Text, status_colours().warning);
    const bool pressed = ImGui::Button(label.c_str());
    if (unread > 0) ImGui::PopStyleColor();
    annotate_last_item("button", std::to_string(unread));
    if (pressed) {
        inbox.refresh();
        ImGui::OpenPopup("notification_panel");
    }
    ImGui::SetNextWindowSizeConstraints(ImVec2(ImGui::GetFontSize() * 24.0F, 0.0F),
                                        ImVec2(ImGui::GetFontSize() * 36.0F, ImGui::GetFontSize() * 30.0F));
    if (!ImGui::BeginPopup("notification_panel")) return;
    draw_panel(app, inbox, now, language);
    ImGui::EndPopup();
}

}  // namespace madoguchi::client
