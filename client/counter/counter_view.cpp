#include "counter/counter_view.hpp"

#include <imgui.h>

#include <string>

#include "app/app.hpp"
#include "counter/counter_receipt.hpp"
#include "lending/lending_records.hpp"
#include "ui/format.hpp"
#include "ui/form_field.hpp"
#include "ui/item_registry.hpp"
#include "ui/style.hpp"
#include "ui/text_field.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;
using Choice = ReturnInspection::Choice;

void big_line(const std::string& text, float scale, std::string_view role) {
    ImGui::SetWindowFontScale(scale);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::SetWindowFontScale(1.0F);
    report_last_item(text, role);
}

void line(const std::string& text, std::string_view role = "text") {
    ImGui::TextWrapped("%s", text.c_str());
    report_last_item(text, role);
}

void coloured_line(const ImVec4& colour, const std::string& text, std::string_view role) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    line(text, role);
    ImGui::PopStyleColor();
}

float verdict_band_height() { return ImGui::GetTextLineHeightWithSpacing() * 3.0F; }

// A full-width band in the verdict's colour: green for accepted, red for refused.
void draw_verdict(const ScanVerdict& verdict, Language language) {
    const auto& colours = status_colours();
    const auto colour = verdict.accepted ? colours.ok : colours.error;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(colour.x, colour.y, colour.z, 0.15F));
    ImGui::PushStyleColor(ImGuiCol_Border, colour);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, 3.0F);
    ImGui::BeginChild("verdict", ImVec2(0.0F, verdict_band_height()), true, ImGuiWindowFlags_NoScrollbar);
    auto message = verdict_text(verdict, language);
    if (!verdict.code.empty()) message += (language == Language::ja ? "：" : ": ") + verdict.code;
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    big_line(message, 1.3F, verdict.accepted ? "status" : "alert");
    ImGui::PopStyleColor();
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
}

// この端末の窓口: the counter handovers and returns here are recorded at, chosen from the
// ledger's locations; open at once while none is set.
void draw_counter_choice(App& app, Language language) {
    auto& places = app.counter_locations();
    places.load(app.api());
    const auto current = app.counter().counter();
    const auto& heading = i18n::text("counter.terminal_counter", language);
    if (!ImGui::CollapsingHeader(heading.c_str(), current == 0 ? ImGuiTreeNodeFlags_DefaultOpen : 0)) return;
    std::vector<std::string> labels;
    int selected = -1;
    for (const auto& location : places.locations()) {
        if (location.id == current) selected = static_cast<int>(labels.size());
        labels.push_back(location.name);
    }
    const auto& label = i18n::text("counter.choose_counter", language);
    if (form_choice(FieldFrame{label, true, {}, {}}, labels, selected, language)) {
        app.choose_counter(places.locations()[static_cast<std::size_t>(selected)].id);
    }
}

void draw_ready(const CounterPerson& person, Language language) {
    if (person.ready.empty()) return;
    line(i18n::text("counter.ready_heading", language), "heading");
    for (const auto& loan : person.ready) {
        line(fill_template(i18n::text("counter.ready_loan", language),
                           {{"number", loan.number}, {"class", class_name(loan.class_code, language)},
                            {"due", format_display_date(loan.due, language, false)}}),
             "listitem");
        for (const auto& device : loan.devices) {
            ImGui::Indent();
            if (device.ready) {
                coloured_line(status_colours().ok, fill_template(i18n::text("counter.device_ready", language), {{"tag", device.asset_tag}}), "listitem");
            } else {
                coloured_line(status_colours().warning,
                              fill_template(i18n::text("counter.device_not_ready", language),
                                            {{"tag", device.asset_tag}, {"reason", i18n::text(device.reason_key, language)}}),
                              "listitem");
            }
            ImGui::Unindent();
        }
    }
    ImGui::Spacing();
}

void draw_loans(const CounterPerson& person, Language language) {
    if (person.loans.empty()) return;
    line(i18n::text("counter.loans_heading", language), "heading");
    for (const auto& loan : person.loans) {
        const auto text = fill_template(i18n::text("counter.loan_out", language),
                                        {{"tag", loan.asset_tag}, {"class", class_name(loan.class_code, language)},
                                         {"due", format_display_date(loan.due, language, false)}});
        if (loan.overdue) {
            coloured_line(status_colours().error,
                          text + fill_template(i18n::text("counter.overdue_days", language), {{"n", std::to_string(loan.overdue_days)}}),
                          "listitem");
        } else {
            line(text, "listitem");
        }
    }
    ImGui::Spacing();
}

void draw_basket(App& app, CounterSession& session, Language language) {
    if (session.basket().empty()) return;
    line(fill_template(i18n::text("counter.basket_heading", language), {{"n", std::to_string(session.basket().size())}}), "heading");
    for (const auto& item : session.basket()) {
        ImGui::BulletText("%s", item.asset_tag.c_str());
        report_last_item(item.asset_tag, "listitem");
    }
    ImGui::BeginDisabled(session.busy());
    if (ImGui::Button(t("counter.confirm_handover", language))) session.hand_over(app.api(), std::chrono::system_clock::now());
    ImGui::EndDisabled();
    ImGui::Spacing();
}

void draw_inspection(App& app, CounterSession& session, Language language) {
    auto& inspection = *session.inspection();
    line(fill_template(i18n::text("counter.inspection_heading", language), {{"tag", inspection.asset_tag}}), "heading");
    const std::pair<Choice, const char*> choices[] = {{Choice::ok, "lending.inspection.ok"},
                                                      {Choice::damaged, "lending.inspection.damaged"},
                                                      {Choice::missing_accessory, "lending.inspection.missing_accessory"}};
    for (const auto& [choice, key] : choices) {
        if (choice != Choice::ok) ImGui::SameLine();
        if (ImGui::RadioButton(t(key, language), inspection.choice == choice)) inspection.choice = choice;
        annotate_last_item("radio", inspection.choice == choice ? "true" : "false");
    }
    if (inspection.choice == Choice::damaged) {
        form_text_field({i18n::text("counter.damage_note", language), true, {}, {}}, inspection.note, language);
    }
    if (inspection.choice != Choice::ok) {
        for (std::size_t index = 0; index < inspection.accessories.size(); ++index) {
            bool missing = inspection.missing[index];
            const auto label = fill_template(i18n::text("counter.accessory_missing", language),
                                             {{"name", accessory_name(inspection.accessories[index], language)}});
            if (ImGui::Checkbox(label.c_str(), &missing)) inspection.missing[index] = missing;
        }
        if (inspection.accessories.empty()) line(i18n::text("counter.no_accessories", language));
    }
    const auto problem = session.inspection_problem();
    if (!problem.empty()) coloured_line(status_colours().warning, i18n::text(problem, language), "status");
    ImGui::BeginDisabled(session.busy() || !problem.empty());
    if (ImGui::Button(t("counter.confirm_return", language))) session.confirm_return(app.api(), std::chrono::system_clock::now());
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(t("counter.cancel_inspection", language))) session.cancel_inspection();
    ImGui::Spacing();
}

void draw_sheet(const ReceiptSheet& sheet, const std::string& id) {
    line(sheet.title, "heading");
    if (!ImGui::BeginTable(id.c_str(), 2, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) return;
    for (const auto& row : sheet.rows) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%s", row.label.c_str());
        ImGui::TableNextColumn();
        line(row.value);
    }
    ImGui::EndTable();
    ImGui::Spacing();
}

// 貸出票 and 返却票 of this visit, the handover ones printable.
void draw_receipts(App& app, const CounterSession& session, Language language) {
    std::vector<ReceiptSheet> handovers;
    for (const auto& receipt : session.receipts()) handovers.push_back(handover_sheet(receipt, language));
    if (!handovers.empty() && app.can_print()) {
        if (ImGui::Button(t("counter.print", language))) app.print(handovers);
    }
    for (std::size_t index = 0; index < handovers.size(); ++index) draw_sheet(handovers[index], "handover" + std::to_string(index));
    for (std::size_t index = 0; index < session.returns().size(); ++index) {
        draw_sheet(return_sheet(session.returns()[index], language), "return" + std::to_string(index));
    }
}

// この端末の窓口's height as drawn last frame (one header line until then): the visit pane
// stops above it and 受付を終了 and scrolls by itself, so neither slips under the bottom of a
// short (1280×800) screen.
ImGuiID counter_choice_height_id() { return ImGui::GetID("counter_choice_height"); }

float below_visit_height() {
    const float line = ImGui::GetFrameHeightWithSpacing();
    return line + ImGui::GetStateStorage()->GetFloat(counter_choice_height_id(), line);
}

// The visit's pane: what is to be done now (the basket to hand over, the return being
// inspected) first, under the scan's verdict where the operator is looking, then the person's
// ready and lent devices; the receipts of the visit beside it.
void draw_visit(App& app, CounterSession& session, Language language) {
    const auto& person = *session.person();
    const bool receipts = !session.receipts().empty() || !session.returns().empty();
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = -below_visit_height();
    ImGui::BeginChild("visit", ImVec2(receipts ? width * 0.5F : 0.0F, height), false);
    draw_basket(app, session, language);
    if (session.inspection()) draw_inspection(app, session, language);
    draw_ready(person, language);
    draw_loans(person, language);
    if (person.ready.empty() && person.loans.empty()) line(i18n::text("counter.nothing_to_do", language), "status");
    ImGui::EndChild();
    if (!receipts) return;
    ImGui::SameLine();
    ImGui::BeginChild("receipts", ImVec2(0.0F, height), true);
    draw_receipts(app, session, language);
    ImGui::EndChild();
}

void draw_person(App& app, CounterSession& session, Language language) {
    const auto& person = *session.person();
    const auto& division = language == Language::en && !person.division_en.empty() ? person.division_en : person.division_ja;
    big_line(fill_template(i18n::text("counter.serving", language), {{"name", person.name}, {"division", division}, {"card", session.card()}}),
             1.2F, "heading");
    draw_visit(app, session, language);
    if (ImGui::Button(t("counter.finish", language))) session.finish();
}

// The counter's name and the time, as on a reception desk's sign.
void draw_title(App& app, std::chrono::system_clock::time_point now, Language language) {
    ImGui::TextUnformatted(t("counter.title", language));
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    const auto clock = format_display_time(calendar::Instant{seconds}, language, app.preferences().wareki);
    ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(clock.c_str()).x);
    ImGui::TextUnformatted(clock.c_str());
    ImGui::Separator();
    ImGui::Spacing();
}

}  // namespace

void draw_counter(App& app, std::chrono::system_clock::time_point now) {
    auto& session = app.counter();
    const auto language = app.preferences().language;
    if (app.terminal().kiosk) draw_title(app, now, language);
    if (session.counter() == 0) {
        coloured_line(status_colours().warning, i18n::text("counter.no_counter", language), "alert");
    } else if (const auto name = app.counter_locations().name(session.counter()); !name.empty()) {
        line(fill_template(i18n::text("counter.at_counter", language), {{"name", name}}), "status");
    }
    big_line(i18n::text(session.screen() == CounterSession::Screen::start ? "counter.scan_staff_card" : "counter.scan_devices",
                        language),
             1.5F, "heading");

    // The scan field keeps the keyboard: a scanner's keys must never land elsewhere.
    auto& code = app.counter_input();
    if (!ImGui::IsAnyItemActive()) ImGui::SetKeyboardFocusHere();
    const auto& label = i18n::text("counter.scan_field", language);
    if (scan_field(label, code).submitted) {
        session.scan(app.api(), code, now);
        code.clear();
    }
    // Whether a scan is being checked is part of what the counter shows (and what tests wait on).
    const auto& hint = i18n::text(session.busy() ? "counter.checking" : "counter.scan_hint", language);
    ImGui::TextDisabled("%s", hint.c_str());
    report_last_item(hint, "status");
    // The band's place stays when its verdict goes, 4 s after the scan: what is below must not
    // jump up under the operator's pointer (返却を確定 was clicked on the wrong place that way).
    if (const auto verdict = session.verdict(now)) {
        draw_verdict(*verdict, language);
    } else {
        ImGui::Dummy(ImVec2(0.0F, verdict_band_height()));
    }
    if (const auto left = session.reset_countdown(now)) {
        const auto warning = fill_template(i18n::text("counter.idle_warning", language), {{"n", std::to_string(*left)}});
        coloured_line(status_colours().warning, warning, "alert");
    }
    if (session.screen() == CounterSession::Screen::person && session.person()) draw_person(app, session, language);
    const float choice_top = ImGui::GetCursorPosY();
    draw_counter_choice(app, language);
    ImGui::GetStateStorage()->SetFloat(counter_choice_height_id(), ImGui::GetCursorPosY() - choice_top);
}

}  // namespace madoguchi::client
