#pragma once
// National holidays (国民の祝日) and the days the law makes holidays with them
// (振替休日, 国民の休日), computed by rule for 1955-2099.
#include <optional>
#include <string_view>
#include <vector>

#include "calendar/civil_date.hpp"

namespace madoguchi::calendar {

enum class HolidayKind {
    national,    // 国民の祝日 named in the holiday law
    special,     // one-off days set by special laws (e.g. 即位の日 2019-05-01)
    substitute,  // 振替休日
    citizens,    // 国民の休日 (a day sandwiched between two national holidays)
};

struct Holiday {
    Date date;
    std::string_view name_ja;  // as in the Cabinet Office list
    std::string_view name_en;
    HolidayKind kind = HolidayKind::national;
};

inline constexpr Date first_supported_date{1955, 1, 1};
inline constexpr Date last_supported_date{2099, 12, 31};
bool is_supported(const Date& date);

// Every holiday in [from, to], ascending. Dates outside the supported range are not
// holidays by this function; callers validate the range first.
std::vector<Holiday> holidays_between(const Date& from, const Date& to);
std::vector<Holiday> holidays_in_year(int year);
std::optional<Holiday> holiday_on(const Date& date);

}  // namespace madoguchi::calendar
