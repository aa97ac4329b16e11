#include "telemetry/report_month.hpp"

#include <array>
#include <charconv>
#include <cstdio>

namespace madoguchi::client {

ReportMonth month_of(calendar::Instant instant) {
    const auto date = calendar::to_tokyo(instant).date;
    return {date.year, date.month};
}

ReportMonth add_months(ReportMonth month, int months) {
    const int index = month.year * 12 + (month.month - 1) + months;
    return {index / 12, index % 12 + 1};
}

std::string month_text(ReportMonth month) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d", month.year, month.month);
    return text;
}

std::optional<ReportMonth> parse_report_month(std::string_view text) {
    if (text.size() != 7 || text[4] != '-') return std::nullopt;
    int year = 0;
    int month = 0;
    const auto year_read = std::from_chars(text.data(), text.data() + 4, year);
    const auto month_read = std::from_chars(text.data() + 5, text.data() + 7, month);
    if (year_read.ptr != text.data() + 4 || month_read.ptr != text.data() + 7 || month < 1 || month > 12) return std::nullopt;
    return ReportMonth{year, month};
}

std::string month_label(ReportMonth month, i18n::Language language) {
    static constexpr std::array<const char*, 12> english{"January", "February", "March",     "April",   "May",      "June",
                                                         "July",    "August",   "September", "October", "November", "December"};
    if (language == i18n::Language::en) return std::string(english[month.month - 1]) + " " + std::to_string(month.year);
    return std::to_string(month.year) + "年" + std::to_string(month.month) + "月";
}

ReportMonth fiscal_year_start(ReportMonth month) { return {month.month >= 4 ? month.year : month.year - 1, 4}; }

ReportMonth ReportMonthState::settle(ReportMonth today) {
    if (!picked_ || today < *picked_) picked_ = today;
    return *picked_;
}

}  // namespace madoguchi::client
