#include "lending/loss_report_view.hpp"

#include <imgui.h>

#include <string>
#include <vector>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "ui/date_picker.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;
using Clock = std::chrono::steady_clock;

// The devices one may report: those of one's loans that are out.
void draw_device(LossReportForm& form, const MyLoans& mine, calendar::Instant now, Language language) {
    std::vector<std::string> tags;
    std::vector<std::string> labels;
    int selected = -1;
    for (const auto& loan : mine.rows()) {
        if (loan.state != lending::RequestState::on_loan) continue;
        for (const auto& device : loan.devices) {
            if (device.asset_tag == form.values().tag) selected = static_cast<int>(tags.size());
            tags.push_back(device.asset_tag);
            labels.push_back(fill_template(i18n::text("lending_client.loss.device_option", language),
                                           {{"tag", device.asset_tag},
                                            {"number", loan.number},
                                            {"class", class_name(loan.class_code, language)}}));
        }
    }
    const auto& label = i18n::text("lending_client.loss.device", language);
    if (tags.empty() && mine.state() == MyLoans::State::loaded) {
        draw_status(i18n::text("lending_client.loss.no_devices", language));
    }
    if (form_choice(FieldFrame{label, true, form.error_for("tag", now, language), {}}, labels, selected, language)) {
        form.choose_tag(tags[static_cast<std::size_t>(selected)], Clock::now());
    }
}

void draw_kind(LossReportForm& form, calendar::Instant now, Language language) {
    ImGui::TextUnformatted(t("lending_client.loss.kind", language));
    for (const auto kind : {lending::LossKind::lost, lending::LossKind::stolen}) {
        const bool chosen = form.values().kind == lending::loss_kind_name(kind);
        if (ImGui::RadioButton(t(lending::loss_kind_label_key(kind), language), chosen)) form.choose_kind(kind, Clock::now());
        annotate_last_item("radio", chosen ? "true" : "false");
        ImGui::SameLine();
    }
    ImGui::NewLine();
    draw_alert(form.error_for("kind", now, language));
}

void text_row(LossReportForm& form, std::string_view field, std::string_view label_key, std::string& value,
              calendar::Instant now, Language language, const TextFieldOptions& options = {}) {
    const auto& label = i18n::text(label_key, language);
    const auto events = form_text_field(FieldFrame{label, true, form.error_for(field, now, language), {}}, value, language, options);
    if (events.changed) form.edited(Clock::now());
    if (events.left) form.left(field, Clock::now());
}

void draw_waiting(App& app, Language language) {
    std::size_t waiting = 0;
    for (const auto* draft : app.drafts().list()) {
        if (draft->form == loss_report_form_name && draft->state == DraftState::queued &&
            belongs_to(*draft, app.lending_page().loss.owner())) {
            ++waiting;
        }
    }
    if (waiting > 0) {
        draw_status(fill_template(i18n::text("lending_client.loss.waiting", language), {{"n", std::to_string(waiting)}}));
    }
}

void draw_reports(const LossReports& reports, Language language) {
    ImGui::TextUnformatted(t("lending_client.loss.reports", language));
    report_last_item(i18n::text("lending_client.loss.reports", language), "heading");
    if (reports.state() == LossReports::State::failed) draw_alert(error_text(reports.error(), language));
    if (reports.state() == LossReports::State::loaded && reports.rows().empty()) {
        draw_status(i18n::text("lending_client.loss.no_reports", language));
    }
    for (const auto& report : reports.rows()) {
        const auto kind = i18n::text("lending.loss.kind." + report.kind, language);
        const auto line = fill_template(i18n::text("lending_client.loss.report_line", language),
                                        {{"tag", report.asset_tag}, {"kind", kind}, {"incident", report.incident_number}});
        ImGui::TextUnformatted(line.c_str());
        report_last_item(line, "listitem", kind);
        // The note the server recorded: the GSS side wipes a GSS terminal, asked through the ministry.
        if (report.remote_wipe_requested) draw_alert(i18n::text("lending.loss.remote_wipe", language));
        if (!report.replacement_number.empty()) {
            draw_status(fill_template(i18n::text("lending_client.loss.replacement", language),
                                      {{"number", report.replacement_number}}));
        }
        ImGui::Separator();
    }
}

}  // namespace

void draw_loss_report(App& app, calendar::Instant now) {
    auto& page = app.lending_page();
    auto& form = page.loss;
    const auto language = app.preferences().language;
    if (const auto incident = form.take_incident(); !incident.empty()) {
        page.loss_incident = incident;
        page.losses.load(app.api());
        page.mine.load(app.api(), form.owner());
    }
    if (!page.loss_incident.empty()) {
        draw_status(fill_template(i18n::text("lending_client.loss.incident_opened", language),
                                  {{"incident", page.loss_incident}}));
    }
    draw_waiting(app, language);
    draw_alert(form.refusal(language));
    draw_device(form, page.mine, now, language);
    draw_kind(form, now, language);
    const auto& occurred_label = i18n::text("lending_client.loss.occurred_at", language);
    if (datetime_field(occurred_label.c_str(), form.occurred(), language, app.preferences().wareki,
                       calendar::to_tokyo(now).date)) {
        form.occurred_changed(Clock::now());
    }
    draw_alert(form.error_for("occurred_at", now, language));
    text_row(form, "place", "lending_client.loss.place", form.values().place, now, language);
    TextFieldOptions circumstances;
    circumstances.multiline = true;
    circumstances.visible_lines = 4;
    text_row(form, "circumstances", "lending_client.loss.circumstances", form.values().circumstances, now, language,
             circumstances);
    if (ImGui::Button(t("lending_client.loss.submit", language))) {
        if (form.submit(now, Clock::now()) == LossReportForm::Submission::invalid) {
            app.toasts().show(ToastKind::failure, "lending_client.form.fix_fields", Clock::now());
        } else {
            page.loss_incident.clear();
            app.toasts().show(ToastKind::success,
                              app.api().offline() ? "lending_client.loss.queued_offline" : "lending_client.loss.queued",
                              Clock::now());
        }
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(!form.has_content());
    if (ImGui::Button(t("lending_client.form.discard", language))) form.discard();
    ImGui::EndDisabled();
    ImGui::Spacing();
    draw_reports(page.losses, language);
}

}  // namespace madoguchi::client
