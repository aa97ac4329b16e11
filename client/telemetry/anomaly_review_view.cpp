#include "telemetry/anomaly_review_view.hpp"

#include <imgui.h>

#include <algorithm>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "ui/data_table.hpp"
#include "ui/date_picker.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/list_state.hpp"
#include "ui/text_field.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;
using identity::Role;
using Shown = AnomalyReview::Shown;

void shown_choice(App& app, AnomalyReview& review, Shown shown, const char* label_key, Language language) {
    if (ImGui::RadioButton(t(label_key, language), review.shown() == shown)) review.load(app.api(), shown);
    annotate_last_item("radio", review.shown() == shown ? "true" : "false");
}

void draw_review_pane(App& app, AnomalyReview& review, bool may_review, Language language) {
    const auto* anomaly = review.current();
    if (anomaly == nullptr) {
        draw_status(i18n::text("telemetry_fleet.anomaly.pick", language));
        return;
    }
    draw_heading(anomaly->asset_tag + ' ' + wire_label("telemetry_extra.anomaly.", anomaly->kind, language));
    if (anomaly->acknowledged_at) {
        draw_status(fill_template(i18n::text("telemetry_fleet.anomaly.reviewed_by", language), {{"login", anomaly->acknowledged_by}}) +
                    " " + format_display_time(*anomaly->acknowledged_at, language, app.preferences().wareki));
        if (!anomaly->note.empty()) draw_status(anomaly->note);
        return;
    }
    if (!may_review) return;
    ImGui::TextUnformatted(t("telemetry_fleet.anomaly.note", language));
    text_field(i18n::text("telemetry_fleet.anomaly.note", language), review.note, {.multiline = true, .visible_lines = 3});
    ImGui::BeginDisabled(review.busy());
    if (ImGui::Button(t("telemetry_fleet.anomaly.acknowledge", language))) review.acknowledge(app.api());
    ImGui::EndDisabled();
}

}  // namespace

void draw_anomaly_review(App& app) {
    auto& review = app.telemetry_page().anomalies;
    const auto language = app.preferences().language;
    review.set_language(language, app.preferences().wareki);
    const auto* user = app.session().user();
    const bool may_review = user != nullptr && user->has_any({Role::desk_operator, Role::it_office, Role::admin});
    shown_choice(app, review, Shown::open, "telemetry_fleet.anomaly.shown.open", language);
    ImGui::SameLine();
    shown_choice(app, review, Shown::acknowledged, "telemetry_fleet.anomaly.shown.acknowledged", language);
    ImGui::SameLine();
    shown_choice(app, review, Shown::all, "telemetry_fleet.anomaly.shown.all", language);
    if (may_review) {
        const auto today = calendar::to_tokyo(calendar::now()).date;
        ImGui::SameLine(0.0F, ImGui::GetFontSize() * 2.0F);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(t("telemetry_fleet.anomaly.scan_day", language));
        ImGui::SameLine();
        date_field(t("telemetry_fleet.anomaly.scan_day", language), review.scan_day(today), language,
                   app.preferences().wareki, today);
        ImGui::SameLine();
        ImGui::BeginDisabled(review.busy());
        if (ImGui::Button(t("telemetry_fleet.anomaly.scan", language))) review.scan(app.api(), today);
        ImGui::EndDisabled();
    }
    if (!review.outcome_text().empty()) {
        if (review.outcome_failed()) {
            draw_alert(review.outcome_text());
        } else {
            draw_status(review.outcome_text());
        }
    }
    ImGui::Separator();
    if (review.state() == AnomalyReview::State::failed) {
        if (draw_error_state(review.error_text(), language)) review.reload(app.api());
        return;
    }
    if (review.state() != AnomalyReview::State::loaded) {
        draw_loading_state(language);
        return;
    }
    const float pane_width = std::max(ImGui::GetFontSize() * 22.0F, ImGui::GetContentRegionAvail().x * 0.35F);
    ImGui::BeginChild("anomaly_table", ImVec2(ImGui::GetContentRegionAvail().x - pane_width, 0.0F), false);
    DataTableOptions options;
    options.empty_message_key = "telemetry_fleet.anomaly.empty";
    draw_data_table("telemetry_anomalies", review.table(), options, language);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("anomaly_pane", ImVec2(0.0F, 0.0F), true);
    draw_review_pane(app, review, may_review, language);
    ImGui::EndChild();
}

}  // namespace madoguchi::client
