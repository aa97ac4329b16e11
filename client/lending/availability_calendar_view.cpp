#include "lending/availability_calendar_view.hpp"

#include <imgui.h>

#include <string>
#include <vector>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/style.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

// True when the class or counter changed.
bool draw_choices(AvailabilityCalendar& calendar, const LendingReference& reference, Language language) {
    std::vector<std::string> classes;
    int class_index = -1;
    for (const auto& rule : reference.rules()) {
        if (rule.class_code == calendar.class_code) class_index = static_cast<int>(classes.size());
        classes.push_back(class_name(rule.class_code, language));
    }
    std::vector<std::string> places{i18n::text("lending_client.calendar.everywhere", language)};
    int place_index = 0;
    for (const auto& location : reference.locations()) {
        if (location.id == calendar.location_id) place_index = static_cast<int>(places.size());
        places.push_back(location.name);
    }
    bool changed = false;
    ImGui::BeginTable("calendar_choices", 2);
    ImGui::TableNextColumn();
    if (form_choice(FieldFrame{i18n::text("lending_client.form.class", language), false, {}, {}}, classes, class_index,
                    language)) {
        calendar.class_code = reference.rules()[static_cast<std::size_t>(class_index)].class_code;
        changed = true;
    }
    ImGui::TableNextColumn();
    if (form_choice(FieldFrame{i18n::text("lending_client.form.counter", language), false, {}, {}}, places, place_index,
                    language)) {
        calendar.location_id = place_index == 0 ? 0 : reference.locations()[static_cast<std::size_t>(place_index - 1)].id;
        changed = true;
    }
    ImGui::EndTable();
    return changed;
}

// "12\n3台" in the cell; short days in the error colour, closed days greyed.
void draw_day(const AvailabilityCalendar& calendar, const DayCell& cell, Language language) {
    const auto counts = calendar.counts(cell.date);
    const bool short_day = calendar.short_on(cell.date);
    ImVec4 colour = ImGui::GetStyleColorVec4(ImGuiCol_Text);
    if (!cell.business_day || !cell.in_month) colour = status_colours().muted;
    if (short_day && cell.in_month) colour = status_colours().error;
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::Text("%d", cell.date.day);
    const auto count = counts ? fill_template(i18n::text("lending_client.calendar.free", language),
                                              {{"n", std::to_string(counts->available)}})
                              : std::string();
    ImGui::TextUnformatted(count.empty() ? " " : count.c_str());
    ImGui::PopStyleColor();
    std::string value = counts ? std::to_string(counts->available) : std::string();
    if (short_day) value += " short";
    if (!cell.business_day) value += " closed";
    report_last_item(calendar::format_date(cell.date), "day", value);
}

}  // namespace

void draw_availability_calendar(App& app, calendar::Instant now) {
    auto& page = app.lending_page();
    auto& calendar = page.calendar;
    const auto language = app.preferences().language;
    const auto today = calendar::to_tokyo(now).date;
    if (!calendar.shown()) calendar.show(today);
    if (calendar.class_code.empty() && !page.reference.rules().empty()) {
        calendar.class_code = page.reference.rules().front().class_code;
        calendar.load(app.api());
    }
    if (draw_choices(calendar, page.reference, language)) calendar.load(app.api());
    const auto grid = calendar.grid(today);
    if (ImGui::ArrowButton("previous_month", ImGuiDir_Left)) {
        calendar.move_months(-1);
        calendar.load(app.api());
    }
    ImGui::SameLine();
    const auto month = fill_template(i18n::text("lending_client.calendar.month", language),
                                     {{"year", std::to_string(grid.year)}, {"month", std::to_string(grid.month)}});
    ImGui::TextUnformatted(month.c_str());
    report_last_item(month, "heading");
    ImGui::SameLine();
    if (ImGui::ArrowButton("next_month", ImGuiDir_Right)) {
        calendar.move_months(1);
        calendar.load(app.api());
    }
    if (calendar.state() == AvailabilityCalendar::State::failed) draw_alert(error_text(calendar.error(), language));
    constexpr auto flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchSame;
    if (!ImGui::BeginTable("availability_grid", 7, flags)) return;
    for (int weekday = 0; weekday < 7; ++weekday) {
        ImGui::TableSetupColumn(std::string(weekday_name(calendar::add_days(grid.cells.front().date, weekday), language)).c_str());
    }
    ImGui::TableHeadersRow();
    for (const auto& cell : grid.cells) {
        ImGui::TableNextColumn();
        draw_day(calendar, cell, language);
    }
    ImGui::EndTable();
    draw_status(i18n::text("lending_client.calendar.legend", language));
}

}  // namespace madoguchi::client
