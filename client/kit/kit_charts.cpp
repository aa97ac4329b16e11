#include "kit/kit_charts.hpp"

#include <imgui.h>

#include <string>

#include "ui/charts.hpp"
#include "ui/format.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

// The `count` months up to November 2026, as year-month so both languages read them.
std::vector<std::string> sample_months(int count) {
    constexpr int last = 2026 * 12 + 10;  // months since year 0, January = 0
    std::vector<std::string> months;
    for (int i = 0; i < count; ++i) {
        const int index = last - (count - 1) + i;
        const int month = index % 12 + 1;
        auto label = std::to_string(index / 12);
        label += month < 10 ? "-0" : "-";
        label += std::to_string(month);
        months.push_back(std::move(label));
    }
    return months;
}

// Made-up but plausible figures: a fixed formula, so every run draws the same charts.
double sample_value(int series, int category, int base, int swing) {
    return base + (series * 37 + category * 53 + series * category * 11) % swing;
}

ChartData loans(Language language) {
    ChartData data{t("kit.charts.loans", language), sample_months(12), {}};
    const char* keys[] = {"kit.charts.class.pc", "kit.charts.class.ipad", "kit.charts.class.mobile_printer",
                          "kit.charts.class.scanner"};
    const int bases[] = {120, 60, 25, 12};
    // Gaps (chart_scale.hpp's NaN): scanners lent only from the fourth month, and no figures
    // for any class in the seventh (a month the records were not kept).
    for (int s = 0; s < 4; ++s) {
        Series series{t(keys[s], language), {}};
        for (int c = 0; c < 12; ++c) {
            const bool missing = c == 6 || (s == 3 && c < 3);
            series.values.push_back(missing ? no_value : sample_value(s, c, bases[s], bases[s] / 2 + 7));
        }
        data.series.push_back(std::move(series));
    }
    return data;
}

ChartData toner(Language language) {
    ChartData data{t("kit.charts.toner", language), {}, {}};
    for (int floor = 1; floor <= 16; ++floor) {
        data.categories.push_back(fill_template(i18n::text("kit.charts.floor", language), {{"n", std::to_string(floor)}}));
    }
    Series black{t("kit.charts.black", language), {}};
    Series colour{t("kit.charts.colour", language), {}};
    for (int c = 0; c < 16; ++c) {
        black.values.push_back(sample_value(0, c, 8, 23));
        colour.values.push_back(sample_value(1, c, 2, 11));
    }
    data.series = {std::move(black), std::move(colour)};
    return data;
}

ChartData tickets(Language language) {
    ChartData data{t("kit.charts.tickets", language), sample_months(6), {}};
    const char* keys[] = {"kit.charts.kind.inquiry", "kit.charts.kind.fault", "kit.charts.kind.request"};
    const int bases[] = {340, 95, 60};
    for (int s = 0; s < 3; ++s) {
        Series series{t(keys[s], language), {}};
        for (int c = 0; c < 6; ++c) series.values.push_back(sample_value(s, c, bases[s], bases[s] / 3 + 5));
        data.series.push_back(std::move(series));
    }
    return data;
}

}  // namespace

void draw_kit_charts(Language language) {
    const float height = ImGui::GetFontSize() * 14.0F;
    draw_chart(ChartKind::line, loans(language), height, language);
    ImGui::Spacing();
    draw_chart(ChartKind::bar, toner(language), height, language);
    ImGui::Spacing();
    draw_chart(ChartKind::stacked_bar, tickets(language), height, language);
    ImGui::Spacing();
    draw_chart(ChartKind::bar, ChartData{t("kit.charts.no_data", language), {}, {}}, ImGui::GetFontSize() * 6.0F, language);
}

}  // namespace madoguchi::client
