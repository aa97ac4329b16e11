#include "kit/kit_dates.hpp"

#include <imgui.h>

#include "ui/date_picker.hpp"
#include "ui/format.hpp"
#include "ui/item_registry.hpp"

namespace madoguchi::client {
namespace {

void show_value(const char* key, const std::string& value, i18n::Language language) {
    const auto text = fill_template(i18n::text(key, language), {{"value", value.empty() ? "—" : value}});
    ImGui::TextUnformatted(text.c_str());
    report_last_item(text, "status");
}

}  // namespace

void draw_kit_dates(KitDates& kit, i18n::Language language, bool wareki, calendar::Instant now) {
    const auto today = calendar::to_tokyo(now).date;
    ImGui::TextWrapped("%s", t("kit.dates.intro", language));
    ImGui::Spacing();

    date_field(t("kit.dates.loan_date", language), kit.date, language, wareki, today);
    show_value("kit.dates.picked", kit.date.value() ? calendar::format_date(*kit.date.value()) : std::string(), language);
    ImGui::Spacing();

    datetime_field(t("kit.dates.due", language), kit.date_time, language, wareki, today);
    const auto due = kit.date_time.value();
    show_value("kit.dates.picked_instant", due ? calendar::format_iso8601_tokyo(*due) : std::string(), language);
    ImGui::Spacing();

    date_field(t("kit.dates.bounded", language), kit.bounded, language, wareki, today);
    show_value("kit.dates.picked", kit.bounded.value() ? calendar::format_date(*kit.bounded.value()) : std::string(),
               language);
}

}  // namespace madoguchi::client
