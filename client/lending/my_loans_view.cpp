#include "lending/my_loans_view.hpp"

#include <imgui.h>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"

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

void draw_request(LendingPage& page, const LoanRequestRecord& request, Language language) {
    ImGui::PushID(static_cast<int>(request.id));
    const auto title = fill_template(i18n::text("lending_client.mine.title", language),
                                     {{"number", request.number},
                                      {"class", class_name(request.class_code, language)},
                                      {"n", std::to_string(request.quantity)},
                                      {"state", state_text(request.state, language)}});
    ImGui::TextUnformatted(title.c_str());
    report_last_item(title, "listitem", state_text(request.state, language));
    draw_status(fill_template(i18n::text("lending_client.form.period", language),
                                      {{"start", both_calendars(request.start, language)},
                                       {"due", both_calendars(request.due, language)}}));
    if (!request.devices.empty()) {
        draw_status(fill_template(i18n::text("lending_client.devices", language), {{"tags", device_tags(request)}}));
    }
    if (request.state == lending::RequestState::rejected && !request.state_reason.empty()) {
        draw_status(fill_template(i18n::text("lending_client.mine.reason", language), {{"reason", request.state_reason}}));
    }
    if (lending::cancellable(request.state)) {
        ImGui::BeginDisabled(page.mine.cancelling());
        if (ImGui::SmallButton(t("lending_client.mine.cancel", language))) ask_cancel(page, request, language);
        ImGui::EndDisabled();
    }
    ImGui::Separator();
    ImGui::PopID();
}

}  // namespace

void draw_my_loans(App& app) {
    auto& page = app.lending_page();
    auto& mine = page.mine;
    const auto language = app.preferences().language;
    if (const auto cancelled = mine.take_cancelled(); !cancelled.empty()) {
        app.toasts().show(ToastKind::success, "lending_client.mine.cancelled", Clock::now(), cancelled);
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
    for (const auto& request : mine.rows()) draw_request(page, request, language);
    settle_cancel(app, page);
}

}  // namespace madoguchi::client
