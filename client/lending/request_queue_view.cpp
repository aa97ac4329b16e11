#include "lending/request_queue_view.hpp"

#include <imgui.h>

#include <string>
#include <vector>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "ui/data_table.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;
using Clock = std::chrono::steady_clock;

// A filter over fixed codes; "" (every one) comes first. True when another was picked.
bool filter_choice(std::string_view label_key, const std::vector<std::string>& codes,
                   const std::vector<std::string>& labels, std::string& value, Language language) {
    std::vector<std::string> shown{i18n::text("lending_client.queue.all", language)};
    shown.insert(shown.end(), labels.begin(), labels.end());
    int selected = 0;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        if (codes[i] == value) selected = static_cast<int>(i + 1);
    }
    ImGui::BeginGroup();
    ImGui::PushItemWidth(ImGui::GetFontSize() * 12.0F);
    const bool picked = form_choice(FieldFrame{i18n::text(label_key, language), false, {}, {}}, shown, selected, language);
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    if (picked) value = selected == 0 ? std::string() : codes[static_cast<std::size_t>(selected - 1)];
    return picked;
}

void draw_filters(App& app, RequestQueue& queue, const LendingReference& reference, Language language) {
    std::vector<std::string> states;
    std::vector<std::string> state_labels;
    for (const auto state : lending::request_states()) {
        states.emplace_back(lending::state_name(state));
        state_labels.push_back(state_text(state, language));
    }
    states.emplace_back(RequestQueue::extension_pending_filter);
    state_labels.push_back(i18n::text("lending_client.queue.extension_filter", language));
    std::vector<std::string> classes;
    std::vector<std::string> class_labels;
    for (const auto& rule : reference.rules()) {
        classes.push_back(rule.class_code);
        class_labels.push_back(class_name(rule.class_code, language));
    }
    ImGui::BeginTable("queue_filters", 3);
    ImGui::TableNextColumn();
    bool changed = filter_choice("lending_client.queue.state_filter", states, state_labels, queue.state_filter, language);
    ImGui::TableNextColumn();
    changed = filter_choice("lending_client.queue.class_filter", classes, class_labels, queue.class_filter, language) || changed;
    ImGui::TableNextColumn();
    if (ImGui::Button(t("lending_client.reload", language))) changed = true;
    ImGui::EndTable();
    if (changed) queue.load(app.api());
}

std::string approver_text(App& app, const std::string& block, const LoanRequestRecord& request, Language language) {
    const auto* rule = app.lending_page().reference.rule_for(request.class_code);
    std::string approver_key = "lending.approver.";
    approver_key += rule != nullptr ? lending::approver_name(rule->approver) : "operator";
    return fill_template(i18n::text(block, language), {{"approver", i18n::text(approver_key, language)}});
}

// The loan's extensions; the one waiting with approve and reject for the class's approver.
void draw_extensions(App& app, ExtensionDecisions& decisions, const LoanRequestRecord& request, Language language) {
    if (decisions.request_id() != request.id) decisions.open(app.api(), request.id);
    ImGui::Separator();
    ImGui::TextUnformatted(t("lending_client.extension.heading", language));
    report_last_item(i18n::text("lending_client.extension.heading", language), "heading");
    if (decisions.state() == ExtensionDecisions::State::failed) draw_alert(error_text(decisions.error(), language));
    if (decisions.state() == ExtensionDecisions::State::loaded && decisions.extensions().empty()) {
        draw_status(i18n::text("lending_client.extension.none", language));
    }
    for (const auto& extension : decisions.extensions()) {
        auto line = fill_template(i18n::text("lending_client.extension.asked_line", language),
                                  {{"due", both_calendars(extension.due, language)},
                                   {"state", extension_state_text(extension.state, language)},
                                   {"reason", extension.reason}});
        if (!extension.decision_reason.empty()) {
            line += fill_template(i18n::text("lending_client.extension.decision_reason", language),
                                  {{"reason", extension.decision_reason}});
        }
        draw_status(line);
    }
    if (decisions.pending() == nullptr) return;
    const auto* user = app.session().user();
    const auto block = user == nullptr ? std::string("lending_client.queue.not_approver")
                                       : approver_block(request, app.lending_page().reference.rule_for(request.class_code), *user);
    if (!block.empty()) {
        draw_status(approver_text(app, block, request, language));
        return;
    }
    ImGui::PushID("extension_decision");
    ImGui::BeginDisabled(decisions.deciding());
    if (ImGui::Button(t("lending_client.extension.approve", language))) {
        decisions.decide(app.api(), ExtensionDecisions::Decision::approve);
    }
    ImGui::EndDisabled();
    form_text_field(FieldFrame{i18n::text("lending_client.extension.decision_reason_field", language), false,
                               decisions.reason_missing() ? i18n::text("lending_client.queue.reason_required", language)
                                                          : std::string(),
                               {}},
                    decisions.reason, language);
    ImGui::BeginDisabled(decisions.deciding());
    if (ImGui::Button(t("lending_client.extension.reject", language))) {
        decisions.decide(app.api(), ExtensionDecisions::Decision::reject);
    }
    ImGui::EndDisabled();
    if (!decisions.reason_missing()) draw_alert(decisions.decision_error(language));
    ImGui::PopID();
}

void draw_detail(App& app, RequestQueue& queue, const LoanRequestRecord& request, Language language) {
    const auto* user = app.session().user();
    const auto heading = fill_template(i18n::text("lending_client.queue.detail", language),
                                       {{"number", request.number}, {"state", state_text(request.state, language)}});
    ImGui::TextUnformatted(heading.c_str());
    report_last_item(heading, "heading", state_text(request.state, language));
    draw_status(fill_template(i18n::text("lending_client.queue.requester", language),
                                      {{"name", request.requester_name}, {"division", request.requester_division}}));
    draw_status(fill_template(i18n::text("lending_client.queue.what", language),
                                      {{"class", class_name(request.class_code, language)},
                                       {"n", std::to_string(request.quantity)}}));
    draw_status(fill_template(i18n::text("lending_client.form.period", language),
                                      {{"start", both_calendars(request.start, language)},
                                       {"due", both_calendars(request.due, language)}}));
    draw_status(fill_template(i18n::text("lending_client.queue.purpose", language), {{"purpose", request.purpose}}));
    const auto where = request.delivery == "pickup" ? request.pickup_location_name
                                                     : request.ship_address + " / " + request.ship_recipient;
    draw_status(fill_template(i18n::text("lending_client.queue.where", language), {{"where", where}}));
    if (!request.devices.empty()) {
        draw_status(fill_template(i18n::text("lending_client.devices", language), {{"tags", device_tags(request)}}));
    }
    if (!request.state_reason.empty()) {
        draw_status(fill_template(i18n::text("lending_client.mine.reason", language), {{"reason", request.state_reason}}));
    }
    ImGui::Spacing();
    if (request.state == lending::RequestState::on_loan) {
        draw_extensions(app, queue.extensions, request, language);
        return;
    }
    const auto block = user == nullptr ? std::string("lending_client.queue.not_approver")
                                       : decision_block(request, app.lending_page().reference.rule_for(request.class_code), *user);
    if (!block.empty()) {
        draw_status(approver_text(app, block, request, language));
        return;
    }
    ImGui::BeginDisabled(queue.deciding());
    if (ImGui::Button(t("lending_client.queue.approve", language))) queue.decide(app.api(), RequestQueue::Decision::approve);
    ImGui::EndDisabled();
    form_text_field(
        FieldFrame{i18n::text("lending_client.queue.reason", language), false,
                   queue.reason_missing() ? i18n::text("lending_client.queue.reason_required", language) : std::string(), {}},
        queue.reason, language);
    ImGui::BeginDisabled(queue.deciding());
    if (ImGui::Button(t("lending_client.queue.reject", language))) queue.decide(app.api(), RequestQueue::Decision::reject);
    ImGui::EndDisabled();
    if (!queue.reason_missing()) draw_alert(queue.decision_error(language));
}

}  // namespace

void draw_request_queue(App& app) {
    auto& page = app.lending_page();
    auto& queue = page.queue;
    const auto language = app.preferences().language;
    queue.set_language(language);
    if (const auto decided = queue.take_decided(); !decided.empty()) {
        app.toasts().show(ToastKind::success, "lending_client.queue.decided", Clock::now(), decided);
    }
    if (const auto extension = queue.extensions.take_decided()) {
        app.toasts().show(ToastKind::success, "lending_client.extension.decided", Clock::now(),
                          extension_state_text(extension->state, language));
        // An approval moved the loan's due date.
        queue.load(app.api());
    }
    draw_filters(app, queue, page.reference, language);
    if (queue.state() == RequestQueue::State::failed) draw_alert(error_text(queue.error(), language));
    const float detail_width = queue.opened() != nullptr ? ImGui::GetContentRegionAvail().x * 0.45F : 0.0F;
    ImGui::BeginChild("queue_table", ImVec2(-detail_width, 0.0F));
    DataTableOptions options;
    options.empty_message_key = "lending_client.queue.empty";
    draw_data_table("lending_requests", queue.table(), options, language);
    ImGui::EndChild();
    if (const auto row = queue.table().current_row(); row && *row < queue.rows().size()) {
        const auto id = queue.rows()[*row].id;
        if (queue.opened() == nullptr || queue.opened()->id != id) queue.open(id);
    }
    if (const auto* opened = queue.opened()) {
        ImGui::SameLine();
        ImGui::BeginChild("queue_detail", ImVec2(0.0F, 0.0F), true);
        const auto request = *opened;
        draw_detail(app, queue, request, language);
        ImGui::EndChild();
    }
}

}  // namespace madoguchi::client
