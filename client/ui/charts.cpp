#include "ui/charts.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "ui/format.hpp"
#include "ui/item_registry.hpp"
#include "ui/style.hpp"

namespace madoguchi::client {
namespace {

using i18n::Language;

// Okabe-Ito colours, told apart with the common colour-vision deficiencies; brighter ones
// on the high-contrast theme's black. Line charts add a marker shape per series as well.
constexpr std::array<ImU32, 6> standard_palette{
    IM_COL32(0, 114, 178, 255), IM_COL32(230, 159, 0, 255),  IM_COL32(0, 158, 115, 255),
    IM_COL32(213, 94, 0, 255),  IM_COL32(204, 121, 167, 255), IM_COL32(86, 180, 233, 255)};
constexpr std::array<ImU32, 6> high_contrast_palette{
    IM_COL32(86, 180, 233, 255), IM_COL32(240, 228, 66, 255),  IM_COL32(0, 220, 150, 255),
    IM_COL32(255, 140, 60, 255), IM_COL32(240, 160, 210, 255), IM_COL32(255, 255, 255, 255)};

ImU32 series_colour(std::size_t index) {
    const auto& palette = current_theme() == Theme::high_contrast ? high_contrast_palette : standard_palette;
    return palette[index % palette.size()];
}

void draw_marker(ImDrawList* draw, ImVec2 at, float radius, std::size_t series, ImU32 colour) {
    switch (series % 4) {
        case 0: draw->AddCircleFilled(at, radius, colour); break;
        case 1: draw->AddRectFilled(ImVec2(at.x - radius, at.y - radius), ImVec2(at.x + radius, at.y + radius), colour); break;
        case 2:
            draw->AddTriangleFilled(ImVec2(at.x, at.y - radius * 1.2F), ImVec2(at.x - radius * 1.2F, at.y + radius),
                                    ImVec2(at.x + radius * 1.2F, at.y + radius), colour);
            break;
        default:
            draw->AddQuadFilled(ImVec2(at.x, at.y - radius * 1.3F), ImVec2(at.x + radius * 1.3F, at.y),
                                ImVec2(at.x, at.y + radius * 1.3F), ImVec2(at.x - radius * 1.3F, at.y), colour);
    }
}

void draw_legend(ChartKind kind, const ChartData& data) {
    const float swatch = ImGui::GetTextLineHeight() * 0.7F;
    for (std::size_t i = 0; i < data.series.size(); ++i) {
        if (i > 0) ImGui::SameLine(0.0F, ImGui::GetFontSize());
        ImGui::Dummy(ImVec2(swatch, ImGui::GetTextLineHeight()));
        const auto min = ImGui::GetItemRectMin();
        const ImVec2 centre(min.x + swatch * 0.5F, min.y + ImGui::GetTextLineHeight() * 0.5F);
        auto* draw = ImGui::GetWindowDrawList();
        if (kind == ChartKind::line) {
            draw_marker(draw, centre, swatch * 0.45F, i, series_colour(i));
        } else {
            draw->AddRectFilled(ImVec2(centre.x - swatch * 0.5F, centre.y - swatch * 0.5F),
                                ImVec2(centre.x + swatch * 0.5F, centre.y + swatch * 0.5F), series_colour(i));
        }
        ImGui::SameLine(0.0F, swatch * 0.5F);
        ImGui::TextUnformatted(data.series[i].name.c_str());
        report_last_item(data.series[i].name, "legend");
    }
}

struct Plot {
    ImVec2 min;  // the plotting area, inside the axes
    ImVec2 max;
    LinearScale y;
    float slot = 0.0F;  // width per category
    float centre(std::size_t category) const { return min.x + slot * (static_cast<float>(category) + 0.5F); }
    float at(double value) const { return static_cast<float>(y(value)); }
};

Plot draw_axes(const ChartData& data, const AxisTicks& ticks, ImVec2 min, ImVec2 max) {
    auto* draw = ImGui::GetWindowDrawList();
    const auto& colours = ImGui::GetStyle().Colors;
    const float line_height = ImGui::GetTextLineHeight();
    const float pad = ImGui::GetFontSize() * 0.5F;
    float widest = 0.0F;
    for (const double value : ticks.values) {
        widest = std::max(widest, ImGui::CalcTextSize(format_number(value, ticks.step).c_str()).x);
    }
    Plot plot;
    plot.min = ImVec2(min.x + widest + pad * 2.0F, min.y + line_height * 0.5F + pad);
    plot.max = ImVec2(max.x - pad, max.y - line_height - pad * 1.5F);
    plot.y = LinearScale{ticks.low, ticks.high, plot.max.y, plot.min.y};
    plot.slot = (plot.max.x - plot.min.x) / static_cast<float>(data.categories.size());

    const auto grid = ImGui::GetColorU32(ImGuiCol_Border, 0.5F);
    const auto text = ImGui::GetColorU32(colours[ImGuiCol_Text]);
    for (const double value : ticks.values) {
        const float y = plot.at(value);
        draw->AddLine(ImVec2(plot.min.x, y), ImVec2(plot.max.x, y), grid);
        const auto label = format_number(value, ticks.step);
        const float width = ImGui::CalcTextSize(label.c_str()).x;
        draw->AddText(ImVec2(plot.min.x - pad - width, y - line_height * 0.5F), text, label.c_str());
    }
    const float baseline = plot.at(std::clamp(0.0, ticks.low, ticks.high));
    draw->AddLine(ImVec2(plot.min.x, baseline), ImVec2(plot.max.x, baseline), text, 1.5F);
    draw->AddLine(ImVec2(plot.min.x, plot.min.y), ImVec2(plot.min.x, plot.max.y), text, 1.5F);

    float widest_category = 0.0F;
    for (const auto& category : data.categories) {
        widest_category = std::max(widest_category, ImGui::CalcTextSize(category.c_str()).x);
    }
    const int stride = label_stride(static_cast<int>(data.categories.size()), plot.slot, widest_category, pad);
    for (std::size_t i = 0; i < data.categories.size(); i += static_cast<std::size_t>(stride)) {
        const auto& label = data.categories[i];
        const float width = ImGui::CalcTextSize(label.c_str()).x;
        const float x = std::clamp(plot.centre(i) - width * 0.5F, min.x, max.x - width);
        draw->AddText(ImVec2(x, plot.max.y + pad * 0.5F), text, label.c_str());
    }
    return plot;
}

std::string tooltip_line(const Series& series, const std::string& category, double value, double step, Language language) {
    const auto shown = has_value(value) ? format_number(value, std::min(step, 1.0)) : i18n::text("chart.no_value", language);
    return fill_template(i18n::text("chart.tooltip", language), {{"series", series.name}, {"category", category}, {"value", shown}});
}

void draw_lines(const ChartData& data, const Plot& plot, const AxisTicks& ticks, bool hovered, Language language) {
    auto* draw = ImGui::GetWindowDrawList();
    const float radius = ImGui::GetFontSize() * 0.22F;
    for (std::size_t s = 0; s < data.series.size(); ++s) {
        // A category without a value breaks the line: each run of values is its own polyline.
        std::vector<ImVec2> run;
        const auto finish_run = [&] {
            if (run.size() > 1) draw->AddPolyline(run.data(), static_cast<int>(run.size()), series_colour(s), 0, 2.0F);
            run.clear();
        };
        for (std::size_t c = 0; c < data.categories.size(); ++c) {
            const double value = data.series[s].values[c];
            if (!has_value(value)) {
                finish_run();
                continue;
            }
            run.emplace_back(plot.centre(c), plot.at(value));
            draw_marker(draw, run.back(), radius, s, series_colour(s));
        }
        finish_run();
    }
    if (!hovered) return;
    const auto mouse = ImGui::GetIO().MousePos;
    const auto category = static_cast<std::size_t>(std::clamp((mouse.x - plot.min.x) / plot.slot, 0.0F,
                                                              static_cast<float>(data.categories.size()) - 1.0F));
    draw->AddLine(ImVec2(plot.centre(category), plot.min.y), ImVec2(plot.centre(category), plot.max.y),
                  ImGui::GetColorU32(ImGuiCol_Text, 0.4F));
    std::string tip;
    for (const auto& series : data.series) {
        if (!tip.empty()) tip += '\n';
        tip += tooltip_line(series, data.categories[category], series.values[category], ticks.step, language);
    }
    ImGui::SetTooltip("%s", tip.c_str());
}

void draw_bars(const ChartData& data, const Plot& plot, const AxisTicks& ticks, bool hovered, Language language) {
    auto* draw = ImGui::GetWindowDrawList();
    const float group = plot.slot * 0.8F;
    const float width = group / static_cast<float>(data.series.size());
    const auto mouse = ImGui::GetIO().MousePos;
    const float zero = plot.at(std::clamp(0.0, ticks.low, ticks.high));
    for (std::size_t c = 0; c < data.categories.size(); ++c) {
        for (std::size_t s = 0; s < data.series.size(); ++s) {
            if (!has_value(data.series[s].values[c])) continue;
            const float left = plot.centre(c) - group * 0.5F + width * static_cast<float>(s);
            const float top = plot.at(data.series[s].values[c]);
            const ImVec2 a(left + 1.0F, std::min(top, zero));
            const ImVec2 b(left + width - 1.0F, std::max(top, zero));
            draw->AddRectFilled(a, b, series_colour(s));
            if (hovered && mouse.x >= left && mouse.x < left + width) {
                ImGui::SetTooltip("%s", tooltip_line(data.series[s], data.categories[c], data.series[s].values[c], ticks.step, language).c_str());
            }
        }
    }
}

void draw_stacked(const ChartData& data, const Stack& stack, const Plot& plot, const AxisTicks& ticks, bool hovered,
                  Language language) {
    auto* draw = ImGui::GetWindowDrawList();
    const float width = plot.slot * 0.6F;
    const auto mouse = ImGui::GetIO().MousePos;
    for (std::size_t c = 0; c < data.categories.size(); ++c) {
        const float left = plot.centre(c) - width * 0.5F;
        const bool in_column = hovered && mouse.x >= left && mouse.x < left + width;
        for (std::size_t s = 0; s < data.series.size(); ++s) {
            if (!has_value(data.series[s].values[c])) continue;
            const float bottom = plot.at(stack.bottoms[s][c]);
            const float top = plot.at(stack.tops[s][c]);
            draw->AddRectFilled(ImVec2(left, top), ImVec2(left + width, bottom), series_colour(s));
            if (in_column && mouse.y >= top && mouse.y < bottom) {
                ImGui::SetTooltip("%s", tooltip_line(data.series[s], data.categories[c], data.series[s].values[c], ticks.step, language).c_str());
            }
        }
    }
}

void draw_centred_message(const std::string& message, ImVec2 min, ImVec2 max) {
    const auto size = ImGui::CalcTextSize(message.c_str());
    ImGui::GetWindowDrawList()->AddText(ImVec2((min.x + max.x - size.x) * 0.5F, (min.y + max.y - size.y) * 0.5F),
                                        ImGui::GetColorU32(ImGuiCol_TextDisabled), message.c_str());
}

// "、6月・7月はデータなし" / "; no data for June, July": the categories where no series has a
// value, named while few enough to read out, else counted.
std::string no_data_text(const ChartData& data, Language language) {
    constexpr std::size_t named_at_most = 5;
    std::vector<std::string> missing;
    for (std::size_t category = 0; category < data.categories.size(); ++category) {
        if (!data.has_data(category)) missing.push_back(data.categories[category]);
    }
    if (missing.empty()) return {};
    if (missing.size() > named_at_most) {
        return fill_template(i18n::text("chart.no_data_count", language), {{"count", std::to_string(missing.size())}});
    }
    std::string names;
    for (const auto& name : missing) {
        if (!names.empty()) names += language == Language::ja ? "・" : ", ";
        names += name;
    }
    return fill_template(i18n::text("chart.no_data_for", language), {{"categories", names}});
}

}  // namespace

std::string chart_summary(ChartKind kind, const ChartData& data, Language language) {
    if (data.empty()) return i18n::text("chart.empty", language);
    if (!data.well_formed()) return i18n::text("chart.malformed", language);
    double low = 0.0;
    double high = 0.0;
    bool first = true;
    const auto include = [&](double value) {
        low = first ? value : std::min(low, value);
        high = first ? value : std::max(high, value);
        first = false;
    };
    if (kind == ChartKind::stacked_bar) {
        const auto stack = stack_series(data);
        if (!stack) return i18n::text("chart.negative_stack", language);
        for (const double total : stack->totals) {
            if (has_value(total)) include(total);
        }
    } else {
        for (const auto& series : data.series) {
            for (const double value : series.values) {
                if (has_value(value)) include(value);
            }
        }
    }
    if (first) return i18n::text("chart.no_data_at_all", language);
    const auto key = kind == ChartKind::stacked_bar ? "chart.summary_totals" : "chart.summary";
    const double step = nice_ticks(low, high).step;
    auto summary = fill_template(i18n::text(key, language), {{"series", std::to_string(data.series.size())},
                                                             {"categories", std::to_string(data.categories.size())},
                                                             {"low", format_number(low, step < 1.0 ? step : 1.0)},
                                                             {"high", format_number(high, step < 1.0 ? step : 1.0)}});
    return summary + no_data_text(data, language);
}

void draw_chart(ChartKind kind, const ChartData& data, float height, Language language) {
    ImGui::PushID(data.title.c_str());
    ImGui::TextUnformatted(data.title.c_str());
    const bool drawable = !data.empty() && data.well_formed();
    std::optional<Stack> stack;
    if (drawable && kind == ChartKind::stacked_bar) stack = stack_series(data);
    if (drawable) draw_legend(kind, data);

    const float width = std::max(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 8.0F);
    ImGui::InvisibleButton(data.title.c_str(), ImVec2(width, std::max(height, ImGui::GetFontSize() * 6.0F)));
    const bool hovered = ImGui::IsItemHovered();
    report_last_item(data.title, "chart");
    annotate_last_item("chart", chart_summary(kind, data, language));

    const auto min = ImGui::GetItemRectMin();
    const auto max = ImGui::GetItemRectMax();
    auto* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(min, max, ImGui::GetColorU32(ImGuiCol_ChildBg), ImGui::GetStyle().ChildRounding);
    draw->AddRect(min, max, ImGui::GetColorU32(ImGuiCol_Border), ImGui::GetStyle().ChildRounding);
    bool any_data = false;
    for (std::size_t category = 0; drawable && !any_data && category < data.categories.size(); ++category) {
        any_data = data.has_data(category);
    }
    if (!drawable || !any_data || (kind == ChartKind::stacked_bar && !stack)) {
        draw_centred_message(chart_summary(kind, data, language), min, max);
        ImGui::PopID();
        return;
    }
    const auto range = value_range(data, kind == ChartKind::stacked_bar);
    const auto ticks = nice_ticks(range.low, range.high);
    const auto plot = draw_axes(data, ticks, min, max);
    draw->PushClipRect(ImVec2(plot.min.x, min.y), ImVec2(max.x, plot.max.y + 1.0F), true);
    switch (kind) {
        case ChartKind::line: draw_lines(data, plot, ticks, hovered, language); break;
        case ChartKind::bar: draw_bars(data, plot, ticks, hovered, language); break;
        case ChartKind::stacked_bar: draw_stacked(data, *stack, plot, ticks, hovered, language); break;
    }
    draw->PopClipRect();
    ImGui::PopID();
}

}  // namespace madoguchi::client
