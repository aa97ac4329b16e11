#include "lending/my_loans_view.hpp"

#include <imgui.h>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "lending/return_booking_view.hpp"
#include "ui/date_picker.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/style.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;
using Clock = std::chrono::steady_clock;

void ask_cancel(LendingPage& page, const LoanRequestRecord& request, Language language) {
    page.pending_cancel = request.id;
    page.confirm.ask({i18n::text("lending_client.mine.cancel_title", language),
                      fill_template(i18n::text("lending_client.mine.cancel_message", language), {{"number", request.number}}),
                      i18n::text("lending_client.mine.cancel", language), i18n::text("lending_client.mine.keep", language),
                      true});
}

void settle_cancel(App& app, LendingPage& page) {
    draw_confirm_dialog(page.confirm);
    const auto answer = page.confirm.take_answer();
    if (!answer || !page.pending_cancel) return;
    const auto id = *std::exchange(page.pending_cancel, std::nullopt);
    const auto* request = page.mine.find(id);
    if (*answer == ConfirmAnswer::confirmed && request != nullptr) page.mine.cancel(app.api(), *request);
}

void draw_extension(const ExtensionRecord& extension, Language language) {
    auto line = fill_template(i18n::text("lending_client.extension.line", language),
                              {{"due", both_calendars(extension.due, language)},
                               {"state", extension_state_text(extension.state, language)}});
    if (!extension.decision_reason.empty()) {
        line += fill_template(i18n::text("lending_client.extension.decision_reason", language),
                              {{"reason", extension.decision_reason}});
    }
    draw_status(line);
}

void draw_ask(App& app, MyLoanDetail& detail, const calendar::Date& today, Language language) {
    const bool wareki = app.preferences().wareki;
    const auto& label = i18n::text("lending_client.extension.new_due", language);
    date_field(label.c_str(), detail.new_due(), language, wareki, today);
    form_text_field(FieldFrame{i18n::text("lending_client.extension.reason", language), false, {}, {}}, detail.reason,
                    language);
    draw_alert(detail.ask_error(language));
    if (const auto& latest = detail.latest_due()) {
        const auto offer = fill_template(i18n::text("lending_client.extension.take_latest", language),
                                         {{"due", format_display_date(*latest, language, wareki)}});
        if (ImGui::Button(offer.c_str())) detail.take_latest_due();
    }
    ImGui::BeginDisabled(detail.asking());
    if (ImGui::Button(t("lending_client.extension.ask", language))) {
        detail.ask(app.api(), app.lending_page().reference.rule_for(detail.loan()->class_code), today);
    }
    ImGui::EndDisabled();
}

void draw_detail(App& app, MyLoans& mine, const calendar::Date& today, Language language) {
    auto& detail = mine.detail;
    ImGui::Indent();
    if (detail.state() == MyLoanDetail::State::failed) draw_alert(error_text(detail.error(), language));
    if (detail.state() == MyLoanDetail::State::loading) draw_status(i18n::text("lending_client.loading", language));
    ImGui::TextUnformatted(t("lending_client.extension.heading", language));
    report_last_item(i18n::text("lending_client.extension.heading", language), "heading");
    if (detail.extensions().empty() && detail.state() == MyLoanDetail::State::loaded) {
        draw_status(i18n::text("lending_client.extension.none", language));
    }
    for (const auto& extension : detail.extensions()) draw_extension(extension, language);
    if (detail.can_ask()) draw_ask(app, detail, today, language);
    ImGui::TextUnformatted(t("lending_client.reminder.heading", language));
    report_last_item(i18n::text("lending_client.reminder.heading", language), "heading");
    const auto& history = detail.history();
    if (history.reminders.empty() && detail.state() == MyLoanDetail::State::loaded) {
        draw_status(i18n::text("lending_client.reminder.none", language));
    }
    for (const auto& reminder : history.reminders) draw_status(reminder_text(reminder, language));
    if (history.escalated) draw_alert(i18n::text("lending_client.reminder.escalated", language));
    if (mine.return_booking.request_id() == detail.loan()->id) draw_return_booking(app, mine.return_booking, today);
    ImGui::Unindent();
}

void draw_overdue_badge(Language language) {
    ImGui::SameLine();
    const auto& badge = i18n::text("lending_client.mine.overdue", language);
    ImGui::TextColored(status_colours().error, "%s", badge.c_str());
    report_last_item(badge, "badge");
}

void draw_request(App& app, LendingPage& page, const LoanRequestRecord& request, const calendar::Date& today,
                  Language language) {
    ImGui::PushID(static_cast<int>(request.id));
    const auto title = fill_template(i18n::text("lending_client.mine.title", language),
                                     {{"number", request.number},
                                      {"class", class_name(request.class_code, language)},
                                      {"n", std::to_string(request.quantity)},
                                      {"state", state_text(request.state, language)}});
    ImGui::TextUnformatted(title.c_str());
    report_last_item(title, "listitem", state_text(request.state, language));
    if (overdue(request, today)) draw_overdue_badge(language);
    draw_status(fill_template(i18n::text("lending_client.form.period", language),
                                      {{"start", both_calendars(request.start, language)},
                                       {"due", both_calendars(request.due, language)}}));
    if (!request.devices.empty()) {
        draw_status(fill_template(i18n::text("lending_client.devices", language), {{"tags", device_tags(request)}}));
    }
    if (request.state == lending::RequestState::rejected && !request.state_reason.empty()) {
        draw_status(fill_template(i18n::text("lending_client.mine.reason", language), {{"reason", request.state_reason}}));
    }
    auto& detail = page.mine.detail;
    const bool opened = detail.loan() != nullptr && detail.loan()->id == request.id;
    if (lending::cancellable(request.state)) {
        ImGui::BeginDisabled(page.mine.cancelling());
        if (ImGui::SmallButton(t("lending_client.mine.cancel", language))) ask_cancel(page, request, language);
        ImGui::EndDisabled();
        ImGui::SameLine();
    }
    // Extensions and reminders exist once the devices are out.
    if (request.state == lending::RequestState::on_loan || request.state == lending::RequestState::returned ||
        request.state == lending::RequestState::lost) {
        if (ImGui::SmallButton(t(opened ? "lending_client.mine.close_detail" : "lending_client.mine.open_detail", language))) {
            if (opened) {
                page.mine.close_loan();
            } else {
                page.mine.open_loan(app.api(), request, today);
            }
        }
    } else {
        ImGui::NewLine();
    }
    if (opened) draw_detail(app, page.mine, today, language);
    ImGui::Separator();
    ImGui::PopID();
}

}  // namespace

void draw_my_loans(App& app, calendar::Instant now) {
    const auto today = calendar::to_tokyo(now).date;
    auto& page = app.lending_page();
    auto& mine = page.mine;
    const auto language = app.preferences().language;
    if (const auto cancelled = mine.take_cancelled(); !cancelled.empty()) {
        app.toasts().show(ToastKind::success, "lending_client.mine.cancelled", Clock::now(), cancelled);
    }
    if (const auto asked = mine.detail.take_asked(); !asked.empty()) {
        app.toasts().show(ToastKind::success, "lending_client.extension.asked", Clock::now(), asked);
    }
    if (const auto booked = mine.return_booking.take_booked()) {
        app.toasts().show(ToastKind::success, "lending_client.return_booking.done", Clock::now(),
                          return_slot_text(*booked, language, app.preferences().wareki));
    }
    if (mine.return_booking.take_cancelled()) {
        app.toasts().show(ToastKind::success, "lending_client.return_booking.cancelled", Clock::now());
    }
    if (ImGui::Button(t("lending_client.reload", language))) mine.load(app.api(), page.form.owner());
    draw_alert(error_text(mine.cancel_error(), language));
    if (mine.state() == MyLoans::State::failed) {
        draw_alert(error_text(mine.error(), language));
    } else if (mine.state() == MyLoans::State::loaded && mine.rows().empty()) {
        draw_status(i18n::text("lending_client.mine.empty", language));
        if (ImGui::Button(t("lending_client.mine.new", language))) page.select_form = true;
    } else if (mine.state() != MyLoans::State::loaded) {
        draw_status(i18n::text("lending_client.loading", language));
    }
    for (const auto& request : mine.rows()) draw_request(app, page, request, today, language);
    settle_cancel(app, page);
}

}  // namespace madoguchi::client
