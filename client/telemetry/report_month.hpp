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

// The month a report shows: this month until the desk picks another, never one after this
// month (its pages are not printed nor its probes taken yet). Billing and the chatbot keep one.
class ReportMonthState {
public:
    // The month to read: the picked one, brought back to `today` when none or a later one is.
    ReportMonth settle(ReportMonth today);
    void pick(ReportMonth month) { picked_ = month; }
    void clear() { picked_.reset(); }
    // Empty until the first read.
    std::optional<ReportMonth> shown() const { return picked_; }
    bool can_go_later(ReportMonth today) const { return picked_ && *picked_ < today; }

private:
    std::optional<ReportMonth> picked_;
};

}  // namespace madoguchi::client
