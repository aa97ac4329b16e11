#include "lending/loan_request_form_view.hpp"

#include <imgui.h>

#include <string>
#include <vector>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "ui/date_picker.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/style.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;
using Clock = std::chrono::steady_clock;

void error_line(const std::string& text) { draw_alert(text); }
// Nothing for empty text (a hint not answered yet).
void status_line(const std::string& text) {
    if (!text.empty()) draw_status(text);
}

// "モバイルプリンター（最長14日・承認: 運用窓口）"
std::string rule_label(const lending::LoanRule& rule, Language language) {
    std::string approver_key = "lending.approver.";
    approver_key += lending::approver_name(rule.approver);
    return fill_template(i18n::text("lending_client.form.class_option", language),
                         {{"class", class_name(rule.class_code, language)},
                          {"days", std::to_string(rule.max_days)},
                          {"approver", i18n::text(approver_key, language)}});
}

void draw_class(LoanRequestForm& form, const LendingReference& reference, const calendar::Date& today, Language language) {
    std::vector<std::string> labels;
    int selected = -1;
    for (const auto& rule : reference.rules()) {
        if (rule.class_code == form.values().class_code) selected = static_cast<int>(labels.size());
        labels.push_back(rule_label(rule, language));
    }
    const auto& label = i18n::text("lending_client.form.class", language);
    const auto error = form.error_for("class", today, language);
    if (form_choice(FieldFrame{label, true, error, {}}, labels, selected, language)) {
        form.choose_class(reference.rules()[static_cast<std::size_t>(selected)].class_code, Clock::now());
    }
}

void draw_quantity(LoanRequestForm& form, const calendar::Date& today, Language language) {
    const auto& label = i18n::text("lending_client.form.quantity", language);
    ImGui::TextUnformatted(label.c_str());
    int quantity = static_cast<int>(form.values().quantity);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0F);
    if (ImGui::InputInt("##quantity", &quantity)) {
        form.values().quantity = quantity;
        form.left("quantity", Clock::now());
    }
    report_last_item(label, "spinbutton", std::to_string(quantity));
    error_line(form.error_for("quantity", today, language));
    ImGui::Spacing();
}

void text_row(LoanRequestForm& form, std::string_view field, std::string_view label_key, std::string& value,
              bool required, const calendar::Date& today, Language language, const TextFieldOptions& options = {}) {
    const auto& label = i18n::text(label_key, language);
    const auto error = form.error_for(field, today, language);
    const auto events = form_text_field(FieldFrame{label, required, error, {}}, value, language, options);
    if (events.changed) form.edited(Clock::now());
    if (events.left) form.left(field, Clock::now());
}

void draw_dates(App& app, LendingPage& page, const calendar::Date& today, Language language) {
    auto& form = page.form;
    const bool wareki = app.preferences().wareki;
    bool changed = date_field(t("lending_client.form.start", language), form.start_field(), language, wareki, today);
    error_line(form.error_for("start_date", today, language));
    changed = date_field(t("lending_client.form.due", language), form.due_field(), language, wareki, today) || changed;
    error_line(form.error_for("due_date", today, language));
    if (changed) form.dates_changed(Clock::now());
    const auto& start = form.start_field().value();
    const auto& due = form.due_field().value();
    if (start && due) {
        // Both calendars, whichever the date fields show.
        status_line(fill_template(i18n::text("lending_client.form.period", language),
                                  {{"start", both_calendars(*start, language)}, {"due", both_calendars(*due, language)}}));
    }
    if (const auto* rule = form.rule(); rule != nullptr && start && due && !(*due < *start)) {
        const auto location = form.values().delivery == "pickup" ? form.values().pickup_location_id : 0;
        page.hint.want(app.api(), AvailabilityQuery{rule->class_code, location, *start, *due});
    } else {
        page.hint.want(app.api(), std::nullopt);
    }
    const auto hint = page.hint.text(form.values().quantity, language);
    if (page.hint.short_of(form.values().quantity)) {
        error_line(hint);
    } else {
        status_line(hint);
    }
    ImGui::Spacing();
}

void draw_delivery(LoanRequestForm& form, const LendingReference& reference, const calendar::Date& today,
                   Language language) {
    ImGui::TextUnformatted(t("lending_client.form.delivery", language));
    const auto now = Clock::now();
    for (const auto delivery : {lending::Delivery::pickup, lending::Delivery::shipping}) {
        std::string key = "lending.delivery.";
        key += lending::delivery_name(delivery);
        const bool chosen = form.values().delivery == lending::delivery_name(delivery);
        if (ImGui::RadioButton(t(key, language), chosen)) form.choose_delivery(delivery, now);
        annotate_last_item("radio", chosen ? "true" : "false");
        ImGui::SameLine();
    }
    ImGui::NewLine();
    error_line(form.error_for("delivery", today, language));
    if (form.values().delivery == "pickup") {
        std::vector<std::string> labels;
        int selected = -1;
        for (const auto& location : reference.locations()) {
            if (location.id == form.values().pickup_location_id) selected = static_cast<int>(labels.size());
            labels.push_back(location.name);
        }
        const auto& label = i18n::text("lending_client.form.counter", language);
        if (form_choice(FieldFrame{label, true, form.error_for("pickup_location_id", today, language), {}}, labels,
                        selected, language)) {
            form.choose_location(reference.locations()[static_cast<std::size_t>(selected)].id, now);
        }
    } else if (form.values().delivery == "shipping") {
        text_row(form, "ship_address", "lending_client.form.ship_address", form.values().ship_address, true, today,
                 language);
        text_row(form, "ship_recipient", "lending_client.form.ship_recipient", form.values().ship_recipient, true, today,
                 language);
    }
}

void draw_terms(LoanRequestForm& form, const LendingReference& reference, const calendar::Date& today,
                Language language) {
    ImGui::TextUnformatted(t("lending_client.form.terms", language));
    const auto& terms = reference.terms();
    if (!terms) {
        error_line(i18n::text("error.no_terms", language));
        return;
    }
    ImGui::BeginChild("terms_text", ImVec2(0.0F, ImGui::GetTextLineHeightWithSpacing() * 6.0F), true);
    ImGui::TextWrapped("%s", terms->text(language).c_str());
    report_last_item(terms->text(language), "document");
    ImGui::EndChild();
    const auto label = fill_template(i18n::text("lending_client.form.accept", language),
                                     {{"version", std::to_string(terms->version)}});
    bool accepted = form.terms_accepted();
    if (ImGui::Checkbox(label.c_str(), &accepted)) form.accept_terms(accepted, Clock::now());
    annotate_last_item("checkbox", accepted ? "true" : "false");
    error_line(form.error_for("terms", today, language));
}

void draw_refusal(LoanRequestForm& form, bool wareki, Language language) {
    error_line(form.refusal(language));
    const auto& offer = form.offer();
    if (!offer) return;
    const auto label = fill_template(i18n::text("lending_client.form.take_offer", language),
                                     {{"start", format_display_date(offer->start, language, wareki)},
                                      {"due", format_display_date(offer->due, language, wareki)}});
    if (ImGui::Button(label.c_str())) form.take_offer(Clock::now());
}

// Requests sent while offline wait in the outbox; staff see how many.
void draw_waiting(App& app, Language language) {
    std::size_t waiting = 0;
    for (const auto* draft : app.drafts().list()) {
        if (draft->form == loan_request_form_name && draft->state == DraftState::queued &&
            belongs_to(*draft, app.lending_page().form.owner())) {
            ++waiting;
        }
    }
    if (waiting > 0) {
        status_line(fill_template(i18n::text("lending_client.form.waiting", language), {{"n", std::to_string(waiting)}}));
    }
}

}  // namespace

void draw_loan_request_form(App& app, calendar::Instant now) {
    auto& page = app.lending_page();
    auto& form = page.form;
    const auto language = app.preferences().language;
    const auto today = calendar::to_tokyo(now).date;
    const auto& reference = page.reference;
    if (reference.state() == LendingReference::State::failed) {
        error_line(error_text(reference.error(), language));
        if (ImGui::Button(t("lending_client.retry", language))) page.reference.load(app.api());
        return;
    }
    if (reference.state() != LendingReference::State::loaded) {
        status_line(i18n::text("lending_client.loading", language));
        return;
    }
    draw_waiting(app, language);
    draw_refusal(form, app.preferences().wareki, language);
    draw_class(form, page.reference, today, language);
    draw_quantity(form, today, language);
    TextFieldOptions purpose;
    purpose.multiline = true;
    purpose.visible_lines = 3;
    text_row(form, "purpose", "lending_client.form.purpose", form.values().purpose, true, today, language, purpose);
    draw_dates(app, page, today, language);
    draw_delivery(form, page.reference, today, language);
    text_row(form, "accessories", "lending_client.form.accessories", form.accessories_text(), false, today, language);
    draw_terms(form, page.reference, today, language);
    ImGui::Spacing();
    if (ImGui::Button(t("lending_client.form.submit", language))) {
        if (form.submit(today, Clock::now()) == LoanRequestForm::Submission::invalid) {
            app.toasts().show(ToastKind::failure, "lending_client.form.fix_fields", Clock::now());
        } else {
            app.toasts().show(ToastKind::success,
                              app.api().offline() ? "lending_client.form.queued_offline" : "lending_client.form.queued",
                              Clock::now());
        }
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(!form.has_content());
    if (ImGui::Button(t("lending_client.form.discard", language))) form.discard();
    ImGui::EndDisabled();
}

}  // namespace madoguchi::client
