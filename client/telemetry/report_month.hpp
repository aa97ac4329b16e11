#pragma once
// The Tokyo months the billing and chatbot reports are asked for: "2026-11", the month
// before or after, and this month (none is asked after it: its pages are not printed yet).
#include <optional>
#include <string>
#include <string_view>

#include "calendar/tokyo_time.hpp"
#include "i18n/catalog.hpp"
#include "telemetry/billing.hpp"

namespace madoguchi::client {

using ReportMonth = telemetry::Month;

ReportMonth month_of(calendar::Instant instant);
ReportMonth add_months(ReportMonth month, int months);
std::string month_text(ReportMonth month);  // "2026-11"
std::optional<ReportMonth> parse_report_month(std::string_view text);
// "2026年11月" / "November 2026".
std::string month_label(ReportMonth month, i18n::Language language);
// The first month of the fiscal year (April) the month belongs to.
ReportMonth fiscal_year_start(ReportMonth month);

}  // namespace madoguchi::client
