#pragma once
// Line, bar and stacked bar charts drawn with ImGui draw lists: nice axes, thousands
// separators, thinned category labels, a legend, a hover tooltip and an empty state. A NaN
// value is a gap (chart_scale.hpp): no bar or point, the line broken there.
// Reported as one item, role "chart", labelled with the title and valued with a short
// summary (the start of a screen-reader description).
#include <string>

#include "i18n/catalog.hpp"
#include "ui/chart_scale.hpp"

namespace madoguchi::client {

enum class ChartKind { line, bar, stacked_bar };

// "3系列・12項目、0〜1,234" / "3 series, 12 categories, 0 to 1,234"; totals for stacked bars;
// then the categories without a value (NaN, chart_scale.hpp): "、6月はデータなし" / "; no
// data for June".
std::string chart_summary(ChartKind kind, const ChartData& data, i18n::Language language);

void draw_chart(ChartKind kind, const ChartData& data, float height, i18n::Language language);

}  // namespace madoguchi::client
