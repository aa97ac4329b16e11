#include "lending/shipments_view.hpp"

#include <imgui.h>

#include <vector>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "ui/data_table.hpp"
#include "ui/date_picker.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/list_state.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;
using identity::Role;
using Clock = std::chrono::steady_clock;

void draw_form(App& app, ShipmentForm& form, Language language, const calendar::Date& today) {
    if (form.state() == ShipmentForm::State::failed) {
        if (draw_error_state(error_text(form.error(), language), language)) form.load(app.api());
        return;
    }
    const auto& errors = form.errors();
    std::vector<std::string> labels;
    int selected = -1;
    for (std::size_t i = 0; i < form.candidates().size(); ++i) {
        const auto& request = form.candidates()[i];
        labels.push_back(fill_template(i18n::text("lending_desk.shipment.candidate", language),
                                       {{"number", request.number},
                                        {"name", request.requester_name},
                                        {"state", state_text(request.state, language)}}));
        if (form.chosen() != nullptr && form.chosen()->id == request.id) selected = static_cast<int>(i);
    }
    if (labels.empty()) draw_status(i18n::text("lending_desk.shipment.no_candidates", language));
    if (form_choice(FieldFrame{i18n::text("lending_desk.shipment.request", language), true, errors.field("request_id", language), {}},
                    labels, selected, language)) {
        form.choose(form.candidates()[static_cast<std::size_t>(selected)].id, today);
    }
    const auto* request = form.chosen();
    if (request == nullptr) return;
    draw_status(i18n::text("lending_desk.shipment.direction." + form.direction(), language));
    draw_status(fill_template(i18n::text("lending_desk.shipment.to", language),
                              {{"recipient", request->ship_recipient}, {"address", request->ship_address}}));
    draw_heading(i18n::text("lending_desk.shipment.contents", language));
    for (std::size_t i = 0; i < request->devices.size() && i < form.ticked.size(); ++i) {
        bool ticked = form.ticked[i] != 0;
        if (ImGui::Checkbox(request->devices[i].asset_tag.c_str(), &ticked)) form.ticked[i] = ticked ? 1 : 0;
    }
    draw_alert(errors.field("tags", language));
    form_text_field(FieldFrame{i18n::text("lending_desk.shipment.carrier", language), true, errors.field("carrier", language), {}},
                    form.carrier, language);
    form_text_field(FieldFrame{i18n::text("lending_desk.shipment.tracking", language), true,
                               errors.field("tracking_number", language), {}},
                    form.tracking_number, language);
    date_field(t("lending_desk.shipment.sent_date", language), form.sent_date, language, app.preferences().wareki, today);
    draw_alert(errors.field("sent_date", language));
    ImGui::BeginDisabled(form.submitting());
    if (ImGui::Button(t("lending_desk.shipment.register", language))) form.submit(app.api(), today);
    ImGui::EndDisabled();
    draw_alert(errors.general(language));
}

void draw_detail(App& app, ShipmentList& list, const ShipmentRecord& shipment, Language language, bool desk,
                 const calendar::Date& today) {
    draw_heading(fill_template(i18n::text("lending_desk.shipment.detail", language),
                               {{"number", shipment.request_number},
                                {"direction", i18n::text("lending_desk.shipment.direction." + shipment.direction, language)}}));
    const auto state = i18n::text("lending_desk.shipment.state." + shipment.state, language);
    ImGui::TextUnformatted(state.c_str());
    report_last_item(state, "status", shipment.state);
    draw_status(fill_template(i18n::text("lending_desk.shipment.by", language),
                              {{"carrier", shipment.carrier}, {"tracking", shipment.tracking_number}}));
    draw_status(fill_template(i18n::text("lending_desk.shipment.to", language),
                              {{"recipient", shipment.recipient}, {"address", shipment.address}}));
    std::string tags;
    for (const auto& tag : shipment.tags) tags += (tags.empty() ? "" : ", ") + tag;
    draw_status(fill_template(i18n::text("lending_client.devices", language), {{"tags", tags}}));
    draw_status(fill_template(i18n::text("lending_desk.shipment.sent_on", language),
                              {{"date", both_calendars(shipment.sent_date, language)}}));
    if (shipment.state != "in_transit") {
        if (const auto received = calendar::parse_date(shipment.received_date)) {
            draw_status(fill_template(i18n::text("lending_desk.shipment.received_on", language),
                                      {{"date", both_calendars(*received, language)}}));
        }
        return;
    }
    if (!desk) return;
    date_field(t("lending_desk.shipment.received_date", language), list.received, language, app.preferences().wareki, today);
    ImGui::BeginDisabled(list.confirming());
    if (ImGui::Button(t("lending_desk.shipment.confirm_receipt", language))) list.confirm_receipt(app.api());
    ImGui::EndDisabled();
    draw_alert(list.receipt_error(language));
}

}  // namespace

void draw_shipments(App& app) {
    auto& page = app.lending_page();
    auto& list = page.shipments;
    const auto language = app.preferences().language;
    const auto today = calendar::to_tokyo(calendar::now()).date;
    list.set_language(language);
    if (const auto received = list.take_received(); !received.empty()) {
        app.toasts().show(ToastKind::success, "lending_desk.shipment.received", Clock::now(), received);
    }
    if (const auto created = page.new_shipment.take_created(); !created.empty()) {
        app.toasts().show(ToastKind::success, "lending_desk.shipment.created", Clock::now(), created);
        list.load(app.api());
    }
    const auto* user = app.session().user();
    const bool desk = user != nullptr && user->has(Role::desk_operator);
    if (ImGui::Button(t("lending_client.reload", language))) {
        list.load(app.api());
        if (desk) page.new_shipment.load(app.api());
    }
    if (desk && ImGui::CollapsingHeader(t("lending_desk.shipment.new", language))) draw_form(app, page.new_shipment, language, today);
    if (list.state() == ShipmentList::State::failed) {
        if (draw_error_state(error_text(list.error(), language), language)) list.load(app.api());
        return;
    }
    if (list.state() == ShipmentList::State::loading && list.rows().empty()) {
        draw_loading_state(language);
        return;
    }
    const float detail_width = list.opened() != nullptr ? ImGui::GetContentRegionAvail().x * 0.42F : 0.0F;
    ImGui::BeginChild("shipment_table", ImVec2(-detail_width, 0.0F));
    DataTableOptions options;
    options.empty_message_key = "lending_desk.shipment.empty";
    draw_data_table("shipments", list.table(), options, language);
    ImGui::EndChild();
    if (const auto row = list.table().current_row(); row && *row < list.rows().size()) list.open(list.rows()[*row].id, today);
    if (const auto* opened = list.opened()) {
        ImGui::SameLine();
        ImGui::BeginChild("shipment_detail", ImVec2(0.0F, 0.0F), true);
        const auto shipment = *opened;
        draw_detail(app, list, shipment, language, desk, today);
        ImGui::EndChild();
    }
}

}  // namespace madoguchi::client
