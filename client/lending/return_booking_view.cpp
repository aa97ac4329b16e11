#include "lending/return_booking_view.hpp"

#include <imgui.h>

#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "lending/return_booking.hpp"
#include "ui/date_picker.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

void draw_counter_choice(App& app, ReturnBooking& booking, Language language) {
    const auto& locations = app.lending_page().reference.locations();
    std::vector<std::string> labels;
    int selected = -1;
    for (const auto& location : locations) {
        if (location.id == booking.counter()) selected = static_cast<int>(labels.size());
        labels.push_back(location.name);
    }
    const auto& label = i18n::text("lending_client.return_booking.counter", language);
    if (form_choice(FieldFrame{label, true, {}, {}}, labels, selected, language)) {
        booking.choose_counter(app.api(), locations[static_cast<std::size_t>(selected)].id);
    }
}

void draw_slots(App& app, ReturnBooking& booking, Language language) {
    if (booking.counter() == 0) return draw_status(i18n::text("lending_client.return_booking.pick_counter", language));
    if (booking.slots_loading()) return draw_status(i18n::text("lending_client.loading", language));
    if (booking.closed_day()) return draw_status(i18n::text("lending_client.return_booking.closed_day", language));
    int in_row = 0;
    for (const auto& slot : booking.slots()) {
        const auto start = calendar::to_tokyo(slot.at);
        const auto label = fill_template(
            i18n::text(slot.begun ? "lending_client.return_booking.begun" : "lending_client.return_booking.free", language),
            {{"time", format_clock(start.second_of_day / 60)}, {"n", std::to_string(slot.free)}});
        if (in_row++ % 4 != 0) ImGui::SameLine();
        ImGui::BeginDisabled(!slot.bookable() || booking.sending());
        if (ImGui::Button(label.c_str())) booking.book(app.api(), slot.at);
        ImGui::EndDisabled();
        annotate_last_item("button", slot.bookable() ? "free" : "taken");
    }
}

}  // namespace

void draw_return_booking(App& app, ReturnBooking& booking, const calendar::Date& today) {
    const auto language = app.preferences().language;
    const bool wareki = app.preferences().wareki;
    ImGui::TextUnformatted(t("lending_client.return_booking.heading", language));
    report_last_item(i18n::text("lending_client.return_booking.heading", language), "heading");
    if (booking.state() == ReturnBooking::State::loading) draw_status(i18n::text("lending_client.loading", language));
    draw_alert(booking.error(language));
    if (booking.state() != ReturnBooking::State::loaded) return;
    if (const auto& booked = booking.booking()) {
        draw_status(fill_template(i18n::text("lending_client.return_booking.booked", language),
                                  {{"slot", return_slot_text(booked->slot_at, language, wareki)},
                                   {"counter", booked->counter_name}}));
        ImGui::BeginDisabled(booking.sending());
        if (ImGui::SmallButton(t("lending_client.return_booking.cancel", language))) booking.cancel(app.api());
        ImGui::EndDisabled();
        draw_status(i18n::text("lending_client.return_booking.move_hint", language));
    } else {
        draw_status(i18n::text("lending_client.return_booking.none", language));
    }
    draw_counter_choice(app, booking, language);
    const auto& label = i18n::text("lending_client.return_booking.day", language);
    if (date_field(label.c_str(), booking.day(), language, wareki, today)) booking.choose_day(app.api());
    draw_slots(app, booking, language);
}

}  // namespace madoguchi::client
