#include "lending/overdue_loans_view.hpp"

#include <imgui.h>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "ui/data_table.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/list_state.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;
using identity::Role;
using Clock = std::chrono::steady_clock;

void ask_send(LendingPage& page, const OverdueLoan& loan, Language language) {
    page.desk_confirm.ask({i18n::text("lending_desk.overdue.confirm_title", language),
                           fill_template(i18n::text("lending_desk.overdue.confirm_message", language),
                                         {{"number", loan.number}, {"name", loan.borrower_name}}),
                           i18n::text("lending_desk.overdue.send", language), i18n::text("lending_desk.cancel", language),
                           false});
}

void settle_send(App& app, LendingPage& page) {
    draw_confirm_dialog(page.desk_confirm);
    if (page.desk_confirm.take_answer() == ConfirmAnswer::confirmed) page.overdue.send_reminder(app.api());
}

void draw_detail(App& app, LendingPage& page, const OverdueLoan& loan, Language language) {
    draw_heading(fill_template(i18n::text("lending_desk.overdue.detail", language),
                               {{"number", loan.number}, {"name", loan.borrower_name}}));
    draw_status(fill_template(i18n::text("lending_desk.overdue.what", language),
                              {{"class", class_name(loan.class_code, language)},
                               {"due", both_calendars(loan.due_date, language)},
                               {"days", std::to_string(loan.business_days_overdue)}}));
    const auto escalation = i18n::text(loan.escalated ? "lending_desk.overdue.escalated_long" : "lending_desk.overdue.not_escalated_long",
                                       language);
    ImGui::TextUnformatted(escalation.c_str());
    report_last_item(escalation, "status", loan.escalated ? "escalated" : "");
    const auto* user = app.session().user();
    if (user != nullptr && user->has(Role::desk_operator)) {
        ImGui::BeginDisabled(page.overdue.sending());
        if (ImGui::Button(t("lending_desk.overdue.send_now", language))) ask_send(page, loan, language);
        ImGui::EndDisabled();
        draw_alert(page.overdue.send_error(language));
    }
    ImGui::Separator();
    draw_heading(i18n::text("lending_desk.overdue.history", language));
    if (loan.reminders.empty()) draw_status(i18n::text("lending_desk.overdue.no_reminders", language));
    for (const auto& reminder : loan.reminders) {
        const auto line = reminder_text(reminder, language);
        ImGui::TextWrapped("%s", line.c_str());
        report_last_item(line, "listitem", reminder.state);
    }
}

}  // namespace

void draw_overdue_loans(App& app) {
    auto& page = app.lending_page();
    auto& overdue = page.overdue;
    const auto language = app.preferences().language;
    overdue.set_language(language);
    if (const auto sent = overdue.take_sent(); !sent.empty()) {
        app.toasts().show(ToastKind::success, "lending_desk.overdue.sent", Clock::now(), sent);
    }
    if (ImGui::Button(t("lending_client.reload", language))) overdue.load(app.api());
    if (overdue.state() == OverdueLoans::State::failed) {
        if (draw_error_state(error_text(overdue.error(), language), language)) overdue.load(app.api());
        return;
    }
    if (overdue.state() == OverdueLoans::State::loading && overdue.rows().empty()) {
        draw_loading_state(language);
        return;
    }
    if (overdue.total() > static_cast<int>(overdue.rows().size())) {
        draw_status(fill_template(i18n::text("lending_desk.overdue.more", language),
                                  {{"shown", std::to_string(overdue.rows().size())}, {"total", std::to_string(overdue.total())}}));
    }
    const float detail_width = overdue.opened() != nullptr ? ImGui::GetContentRegionAvail().x * 0.42F : 0.0F;
    ImGui::BeginChild("overdue_table", ImVec2(-detail_width, 0.0F));
    DataTableOptions options;
    options.empty_message_key = "lending_desk.overdue.empty";
    draw_data_table("overdue_loans", overdue.table(), options, language);
    ImGui::EndChild();
    if (const auto row = overdue.table().current_row(); row && *row < overdue.rows().size()) overdue.open(overdue.rows()[*row].id);
    if (const auto* opened = overdue.opened()) {
        ImGui::SameLine();
        ImGui::BeginChild("overdue_detail", ImVec2(0.0F, 0.0F), true);
        const auto loan = *opened;
        draw_detail(app, page, loan, language);
        ImGui::EndChild();
    }
    settle_send(app, page);
}

}  // namespace madoguchi::client
