#include "counter/counter_view.hpp"

#include <imgui.h>

#include <string>

#include "app/app.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/style.hpp"
#include "ui/text_field.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

void big_line(const std::string& text, float scale, std::string_view role) {
    ImGui::SetWindowFontScale(scale);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::SetWindowFontScale(1.0F);
    report_last_item(text, role);
}

// A full-width band in the verdict's colour: green for accepted, red for refused.
void draw_verdict(const ScanVerdict& verdict, Language language) {
    const auto& colours = status_colours();
    const auto colour = verdict.accepted ? colours.ok : colours.error;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(colour.x, colour.y, colour.z, 0.15F));
    ImGui::PushStyleColor(ImGuiCol_Border, colour);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, 3.0F);
    const float height = ImGui::GetTextLineHeightWithSpacing() * 3.0F;
    ImGui::BeginChild("verdict", ImVec2(0.0F, height), true, ImGuiWindowFlags_NoScrollbar);
    auto message = i18n::text(verdict.message_key, language);
    if (!verdict.code.empty()) message += (language == Language::ja ? "：" : ": ") + verdict.code;
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    big_line(message, 1.3F, verdict.accepted ? "status" : "alert");
    ImGui::PopStyleColor();
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
}

void draw_person(CounterSession& session, Language language) {
    big_line(fill_template(i18n::text("counter.serving", language), {{"id", session.staff_id()}}), 1.2F, "heading");
    ImGui::Spacing();
    const auto heading = fill_template(i18n::text("counter.tags_read", language), {{"n", std::to_string(session.tags().size())}});
    ImGui::TextUnformatted(heading.c_str());
    report_last_item(heading, "heading");
    for (const auto& tag : session.tags()) {
        ImGui::BulletText("%s", tag.c_str());
        report_last_item(tag, "listitem");
    }
    ImGui::Spacing();
    if (ImGui::Button(t("counter.finish", language), ImVec2(ImGui::GetFontSize() * 10.0F, 0.0F))) session.finish();
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
    big_line(i18n::text(session.screen() == CounterSession::Screen::start ? "counter.scan_staff_card" : "counter.scan_devices",
                        language),
             1.5F, "heading");
    ImGui::Spacing();

    // The scan field keeps the keyboard: a scanner's keys must never land elsewhere.
    auto& code = app.counter_input();
    if (!ImGui::IsAnyItemActive()) ImGui::SetKeyboardFocusHere();
    const auto& label = i18n::text("counter.scan_field", language);
    if (scan_field(label, code).submitted) {
        const auto verdict = session.scan(code, now);
        app.play_sound(verdict.accepted);
        code.clear();
    }
    ImGui::TextDisabled("%s", t("counter.scan_hint", language));
    ImGui::Spacing();
    if (const auto verdict = session.verdict(now)) draw_verdict(*verdict, language);
    if (session.screen() == CounterSession::Screen::person) draw_person(session, language);

    if (const auto left = session.reset_countdown(now)) {
        ImGui::Spacing();
        const auto warning = fill_template(i18n::text("counter.idle_warning", language), {{"n", std::to_string(*left)}});
        ImGui::TextColored(status_colours().warning, "%s", warning.c_str());
        report_last_item(warning, "alert");
    }
}

}  // namespace madoguchi::client
