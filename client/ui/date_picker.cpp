#include "ui/date_picker.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <string>

#include "calendar/tokyo_time.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/key_map.hpp"
#include "ui/style.hpp"
#include "ui/text_field.hpp"

namespace madoguchi::client {
namespace {

using calendar::Date;
using i18n::Language;

// A single-line field over a std::string; true when Enter was pressed or focus left after an edit.
bool text_input(const char* id, std::string& text, float width) {
    ImGui::SetNextItemWidth(width);
    const bool entered = ImGui::InputText(id, text.data(), text.capacity() + 1,
                                          ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_EnterReturnsTrue,
                                          resize_string, &text);
    return entered || ImGui::IsItemDeactivatedAfterEdit();
}

ImU32 colour(const ImVec4& value, float alpha = 1.0F) {
    return ImGui::GetColorU32(ImVec4(value.x, value.y, value.z, value.w * alpha));
}

ImVec4 day_text_colour(const DayCell& cell) {
    const auto& status = status_colours();
    switch (cell.kind) {
        case DayKind::holiday:
        case DayKind::sunday:
        case DayKind::closed: return status.error;
        case DayKind::saturday: return status.info;
        case DayKind::weekday: break;
    }
    return ImGui::GetStyle().Colors[ImGuiCol_Text];
}

std::string month_title(int year, int month, Language language, bool wareki) {
    auto title = fill_template(i18n::text("date_picker.month_title", language),
                               {{"year", std::to_string(year)}, {"month", i18n::text("date_picker.month." + std::to_string(month), language)}});
    if (!wareki || language != Language::ja) return title;
    const auto era = calendar::format_wareki(Date{year, month, 1});
    return title + "（" + era.substr(0, era.find("年") + std::string_view("年").size()) + "）";
}

void draw_day(const DayCell& cell, float size, Language language, DatePickerModel& picker, bool& picked) {
    const auto iso = calendar::format_date(cell.date);
    ImGui::BeginDisabled(!cell.enabled);
    if (ImGui::InvisibleButton(iso.c_str(), ImVec2(size, size)) && picker.pick(cell.date)) picked = true;
    report_last_item(iso, "day");
    annotate_last_item("day", day_kind_value(cell.kind));
    const bool hovered = ImGui::IsItemHovered();
    ImGui::EndDisabled();

    const auto min = ImGui::GetItemRectMin();
    const auto max = ImGui::GetItemRectMax();
    auto* draw = ImGui::GetWindowDrawList();
    const auto& colours = ImGui::GetStyle().Colors;
    const float rounding = ImGui::GetStyle().FrameRounding;
    if (cell.selected) draw->AddRectFilled(min, max, colour(colours[ImGuiCol_Header]), rounding);
    else if (hovered && cell.enabled) draw->AddRectFilled(min, max, colour(colours[ImGuiCol_FrameBgHovered]), rounding);
    if (cell.today) draw->AddRect(min, max, colour(colours[ImGuiCol_Text]), rounding, 0, 1.5F);
    if (cell.focused) {
        const ImVec2 inset(2.0F, 2.0F);
        draw->AddRect(ImVec2(min.x + inset.x, min.y + inset.y), ImVec2(max.x - inset.x, max.y - inset.y),
                      colour(colours[ImGuiCol_NavHighlight]), rounding, 0, 2.0F);
    }
    const auto number = std::to_string(cell.date.day);
    const auto text_size = ImGui::CalcTextSize(number.c_str());
    const float alpha = !cell.enabled ? 0.35F : (cell.in_month ? 1.0F : 0.5F);
    draw->AddText(ImVec2(min.x + (size - text_size.x) * 0.5F, min.y + (size - text_size.y) * 0.5F),
                  colour(day_text_colour(cell), alpha), number.c_str());

    if (!hovered) return;
    std::string tip;
    if (cell.kind == DayKind::holiday) tip = std::string(language == Language::ja ? cell.holiday_ja : cell.holiday_en);
    else if (cell.kind == DayKind::closed) tip = i18n::text("date_picker.year_end_closure", language);
    if (!tip.empty()) ImGui::SetTooltip("%s", tip.c_str());
}

void month_button(const char* key, int months, DatePickerModel& picker, Language language) {
    ImGui::BeginDisabled(!picker.can_move_months(months));
    if (ImGui::Button(t(key, language))) picker.move_months(months);
    ImGui::EndDisabled();
}

void handle_keys(DatePickerModel& picker, bool& picked, bool& closed) {
    using Key = DatePickerModel::Key;
    const bool shift = ImGui::GetIO().KeyShift;
    const std::pair<int, Key> keys[] = {
        {key_left, Key::left},   {key_right, Key::right},
        {key_up, Key::up},       {key_down, Key::down},
        {key_page_up, shift ? Key::year_up : Key::page_up},
        {key_page_down, shift ? Key::year_down : Key::page_down},
        {key_enter, Key::enter}, {key_escape, Key::escape},
    };
    for (const auto& [dom_key, key] : keys) {
        if (!ImGui::IsKeyPressed(dom_key)) continue;
        const auto outcome = picker.press(key);
        picked = picked || outcome == DatePickerModel::Outcome::picked;
        closed = closed || outcome == DatePickerModel::Outcome::closed;
    }
}

// The popup's month calendar; true when a day was picked (picker.picked()).
bool draw_calendar(DatePickerModel& picker, const std::optional<Date>& selected, Language language, bool wareki,
                   const Date& today) {
    bool picked = false;
    bool closed = false;
    if (!ImGui::IsWindowAppearing()) handle_keys(picker, picked, closed);

    month_button("date_picker.previous_year", -12, picker, language);
    ImGui::SameLine();
    month_button("date_picker.previous_month", -1, picker, language);
    ImGui::SameLine();
    const auto grid = picker.grid(today, selected);
    const auto title = month_title(grid.year, grid.month, language, wareki);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(title.c_str());
    report_last_item(title, "heading");
    ImGui::SameLine();
    month_button("date_picker.next_month", 1, picker, language);
    ImGui::SameLine();
    month_button("date_picker.next_year", 12, picker, language);

    const float size = ImGui::GetFrameHeight() * 1.25F;
    const float gap = ImGui::GetStyle().ItemSpacing.x * 0.4F;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
    const auto& status = status_colours();
    for (int weekday = 0; weekday < 7; ++weekday) {
        if (weekday > 0) ImGui::SameLine();
        const auto& name = i18n::text("weekday." + std::to_string(weekday), language);
        const auto text_size = ImGui::CalcTextSize(name.c_str());
        ImGui::Dummy(ImVec2(size, text_size.y));
        const auto tint = weekday == 0 ? status.error : weekday == 6 ? status.info : ImGui::GetStyle().Colors[ImGuiCol_Text];
        const auto min = ImGui::GetItemRectMin();
        ImGui::GetWindowDrawList()->AddText(ImVec2(min.x + (size - text_size.x) * 0.5F, min.y), colour(tint), name.c_str());
    }
    for (std::size_t i = 0; i < grid.cells.size(); ++i) {
        if (i % 7 != 0) ImGui::SameLine();
        draw_day(grid.cells[i], size, language, picker, picked);
    }
    ImGui::PopStyleVar();

    ImGui::BeginDisabled(!picker.can_pick(today));
    if (ImGui::Button(t("date_picker.today", language)) && picker.pick(today)) picked = true;
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(t("date_picker.close", language))) closed = true;
    if (picked || closed) ImGui::CloseCurrentPopup();
    return picked;
}

void draw_error(std::string_view key, Language language) {
    const auto& message = i18n::text(key, language);
    ImGui::TextColored(status_colours().error, "%s", message.c_str());
    report_last_item(message, "alert");
}

// The text field, calendar button and label shared by both fields; true when the date changed.
bool draw_date_part(const char* label, DateFieldModel& model, std::string_view role, const std::string& value_text,
                    Language language, bool wareki, const Date& today) {
    bool changed = false;
    auto& draft = model.draft();
    const auto field_id = ImGui::GetID("##date");
    if (ImGui::GetActiveID() != field_id) draft = model.text(language, wareki);
    if (text_input("##date", draft, ImGui::GetFontSize() * 11.0F)) changed = model.commit(draft);
    report_last_item(label, role);
    annotate_last_item(role, value_text);
    const ImVec2 below(ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().y);

    ImGui::SameLine();
    if (ImGui::Button(t("date_picker.open", language))) {
        model.picker().open(model.value(), today, model.bounds());
        ImGui::OpenPopup("calendar");
    }
    ImGui::SetNextWindowPos(below, ImGuiCond_Appearing);
    if (ImGui::BeginPopup("calendar", ImGuiWindowFlags_NoNavInputs)) {
        if (draw_calendar(model.picker(), model.value(), language, wareki, today)) {
            changed = model.value() != model.picker().picked();
            model.set(model.picker().picked());
        }
        ImGui::EndPopup();
    }
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    return changed;
}

}  // namespace

bool date_field(const char* label, DateFieldModel& model, Language language, bool wareki, const Date& today) {
    ImGui::PushID(label);
    const auto value = model.value() ? calendar::format_date(*model.value()) : std::string();
    const bool changed = draw_date_part(label, model, "date", value, language, wareki, today);
    if (model.error() != DateInputError::none) draw_error(date_error_key(model.error()), language);
    ImGui::PopID();
    return changed;
}

bool datetime_field(const char* label, DateTimeFieldModel& model, Language language, bool wareki, const Date& today) {
    ImGui::PushID(label);
    const auto instant = model.value();
    const auto value = instant ? calendar::format_iso8601_utc(*instant) : std::string();
    bool changed = draw_date_part(label, model.date(), "datetime", value, language, wareki, today);

    ImGui::SameLine();
    auto& draft = model.time_draft();
    if (ImGui::GetActiveID() != ImGui::GetID("##time")) draft = model.time_text();
    if (text_input("##time", draft, ImGui::GetFontSize() * 4.0F)) changed = model.commit_time(draft) || changed;
    const auto time_label = fill_template(i18n::text("date_picker.time_of", language), {{"field", label}});
    report_last_item(time_label, "time");
    annotate_last_item("time", model.time_text());
    const auto step = std::to_string(model.step_minutes());
    for (const int direction : {-1, 1}) {
        ImGui::SameLine();
        const auto key = direction < 0 ? "date_picker.earlier" : "date_picker.later";
        const auto text = fill_template(i18n::text(key, language), {{"n", step}});
        if (ImGui::Button(text.c_str())) {
            model.step(direction);
            changed = true;
        }
    }
    if (model.date().error() != DateInputError::none) draw_error(date_error_key(model.date().error()), language);
    if (model.time_error()) draw_error("date_picker.error.time", language);
    ImGui::PopID();
    return changed;
}

}  // namespace madoguchi::client
