#pragma once
// ◀ 2026年11月 ▶ 再読み込み: the month picker the billing and chatbot reports share.
#include <optional>

#include "i18n/catalog.hpp"
#include "telemetry/report_month.hpp"

namespace madoguchi::client {

// Draws the picker of `month` (`id` keeps two apart); the month to read when the desk stepped
// to another or asked to read the shown one again, else empty. No step after `today`.
std::optional<ReportMonth> draw_month_picker(const char* id, const ReportMonthState& month, ReportMonth today,
                                             i18n::Language language);

}  // namespace madoguchi::client
