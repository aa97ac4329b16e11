#include "lending/return_bookings_view.hpp"

#include <imgui.h>

#include "api/form_errors.hpp"
#include "app/app.hpp"
#include "configuration/pane_widgets.hpp"
#include "ui/date_picker.hpp"
#include "ui/form_field.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/list_state.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

void draw_filters(App& app, ReturnBookingList& list, const calendar::Date& today, Language language) {
    const auto& label = i18n::text("lending_desk.return_bookings.day", language);
    if (date_field(label.c_str(), list.day(), language, app.preferences().wareki, today)) list.load(app.api(), today);
    const auto& locations = app.lending_page().reference.locations();
    std::vector<std::string> labels{i18n::text("lending_desk.return_bookings.every_counter", language)};
    int selected = 0;
    for (const auto& location : locations) {
        if (location.id == list.counter()) selected = static_cast<int>(labels.size());
        labels.push_back(location.name);
    }
    const auto& counter = i18n::text("lending_desk.return_bookings.counter", language);
    if (form_choice(FieldFrame{counter, false, {}, {}}, labels, selected, language)) {
        const auto id = selected == 0 ? 0 : locations[static_cast<std::size_t>(selected - 1)].id;
        list.choose_counter(app.api(), id, today);
    }
}

void draw_row(const BookedReturn& row, Language language) {
    std::string tags;
    for (const auto& tag : row.asset_tags) tags += (tags.empty() ? "" : ", ") + tag;
    const auto start = calendar::to_tokyo(row.slot_at);
    const auto line = fill_template(i18n::text("lending_desk.return_bookings.line", language),
                                    {{"time", format_clock(start.second_of_day / 60)},
                                     {"counter", row.counter_name},
                                     {"number", row.request_number},
                                     {"name", row.borrower_name},
                                     {"login", row.borrower_login},
                                     {"tags", tags}});
    ImGui::TextUnformatted(line.c_str());
    report_last_item(line, "listitem");
}

}  // namespace

void draw_return_bookings(App& app, calendar::Instant now) {
    const auto today = calendar::to_tokyo(now).date;
    auto& list = app.lending_page().return_bookings;
    const auto language = app.preferences().language;
    if (ImGui::Button(t("lending_client.reload", language))) list.load(app.api(), today);
    draw_filters(app, list, today, language);
    if (list.state() == ReturnBookingList::State::failed) {
        if (draw_error_state(error_text(list.error(), language), language)) list.load(app.api(), today);
        return;
    }
    if (list.state() != ReturnBookingList::State::loaded && list.rows().empty()) return draw_loading_state(language);
    if (list.rows().empty()) return draw_status(i18n::text("lending_desk.return_bookings.empty", language));
    draw_status(fill_template(i18n::text("lending_desk.return_bookings.summary", language),
                              {{"bookings", std::to_string(list.rows().size())},
                               {"devices", std::to_string(list.device_count())}}));
    ImGui::Separator();
    for (const auto& row : list.rows()) draw_row(row, language);
}

}  // namespace madoguchi::client
