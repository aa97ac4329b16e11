#include "calendar/holidays.hpp"

#include <algorithm>
#include <cstdint>

#include "calendar/floor_division.hpp"

namespace madoguchi::calendar {

namespace {

// When the holiday law's amendments took effect: 振替休日 (1973), 国民の休日 (1985), and the
// 2005 amendment that moved 振替休日 past following holidays and narrowed 国民の休日's
// exclusions (2007).
constexpr Date substitute_rule_start{1973, 4, 12};
constexpr Date citizens_rule_start{1985, 12, 27};
constexpr Date revised_rules_start{2007, 1, 1};

// The standard equinox approximation, in millionths of a day so the result is exact:
// floor(base + 0.242194 * (y - 1980) - leap_days). The published 1900-1979 form writes the
// leap term as int((y - 1983) / 4) with int() truncating toward zero; for those negative
// numerators that equals floor((y - 1980) / 4), the 1980-2099 term, so one term serves
// both (a true floor of (y - 1983) / 4 would put e.g. 1973's 春分の日 on 3/22, not 3/21).
int equinox_day(int year, std::int64_t base_from_1980, std::int64_t base_before_1980) {
    const std::int64_t base = year >= 1980 ? base_from_1980 : base_before_1980;
    const std::int64_t millionths =
        base + 242194 * (year - 1980) - 1000000 * floor_div(year - 1980, 4);
    return static_cast<int>(floor_div(millionths, 1000000));
}

int vernal_equinox_day(int year) { return equinox_day(year, 20843100, 20835700); }
int autumnal_equinox_day(int year) { return equinox_day(year, 23248800, 23258800); }

constexpr Holiday one_off_days[] = {
    {{1959, 4, 10}, "皇太子明仁親王の結婚の儀", "Wedding Ceremony of Crown Prince Akihito",
     HolidayKind::special},
    {{1989, 2, 24}, "昭和天皇の大喪の礼", "Funeral Ceremony of Emperor Showa",
     HolidayKind::special},
    {{1990, 11, 12}, "即位礼正殿の儀", "Enthronement Ceremony of Emperor Akihito",
     HolidayKind::special},
    {{1993, 6, 9}, "皇太子徳仁親王の結婚の儀", "Wedding Ceremony of Crown Prince Naruhito",
     HolidayKind::special},
    {{2019, 5, 1}, "天皇の即位の日", "Emperor's Enthronement Day", HolidayKind::special},
    {{2019, 10, 22}, "即位礼正殿の儀の行われる日", "Enthronement Ceremony Day",
     HolidayKind::special},
};

Date second_monday(int year, int month) { return nth_weekday(year, month, Weekday::monday, 2); }
Date third_monday(int year, int month) { return nth_weekday(year, month, Weekday::monday, 3); }

// The days named in 国民の祝日に関する法律 for one year, plus the one-off days special
// laws made holidays; together they are the "national holidays" the 振替休日 and
// 国民の休日 rules look at.
void append_named_holidays(int year, std::vector<Holiday>& out) {
    const auto add = [&](Date date, std::string_view name_ja, std::string_view name_en) {
        out.push_back(Holiday{date, name_ja, name_en, HolidayKind::national});
    };
    // The 2020 and 2021 Olympic special measures moved 海の日, スポーツの日 and 山の日.
    const bool olympic_year = year == 2020 || year == 2021;

    add({year, 1, 1}, "元日", "New Year's Day");
    add(year < 2000 ? Date{year, 1, 15} : second_monday(year, 1), "成人の日", "Coming of Age Day");
    if (year >= 1967) add({year, 2, 11}, "建国記念の日", "National Foundation Day");
    if (year >= 2020) add({year, 2, 23}, "天皇誕生日", "The Emperor's Birthday");
    add({year, 3, vernal_equinox_day(year)}, "春分の日", "Vernal Equinox Day");
    if (year <= 1988) {
        add({year, 4, 29}, "天皇誕生日", "The Emperor's Birthday");
    } else if (year <= 2006) {
        add({year, 4, 29}, "みどりの日", "Greenery Day");
    } else {
        add({year, 4, 29}, "昭和の日", "Showa Day");
    }
    add({year, 5, 3}, "憲法記念日", "Constitution Memorial Day");
    if (year >= 2007) add({year, 5, 4}, "みどりの日", "Greenery Day");
    add({year, 5, 5}, "こどもの日", "Children's Day");

    if (olympic_year) {
        add({year, 7, year == 2020 ? 23 : 22}, "海の日", "Marine Day");
        add({year, 7, year == 2020 ? 24 : 23}, "スポーツの日", "Sports Day");
        add({year, 8, year == 2020 ? 10 : 8}, "山の日", "Mountain Day");
    } else {
        if (year >= 1996) {
            add(year <= 2002 ? Date{year, 7, 20} : third_monday(year, 7), "海の日", "Marine Day");
        }
        if (year >= 2016) add({year, 8, 11}, "山の日", "Mountain Day");
    }

    if (year >= 1966) {
        add(year <= 2002 ? Date{year, 9, 15} : third_monday(year, 9), "敬老の日",
            "Respect for the Aged Day");
    }
    add({year, 9, autumnal_equinox_day(year)}, "秋分の日", "Autumnal Equinox Day");
    if (year >= 1966 && year <= 1999) {
        add({year, 10, 10}, "体育の日", "Health and Sports Day");
    } else if (year >= 2000 && year <= 2019) {
        add(second_monday(year, 10), "体育の日", "Health and Sports Day");
    } else if (year >= 2020 && !olympic_year) {
        add(second_monday(year, 10), "スポーツの日", "Sports Day");
    }
    add({year, 11, 3}, "文化の日", "Culture Day");
    add({year, 11, 23}, "勤労感謝の日", "Labour Thanksgiving Day");
    if (year >= 1989 && year <= 2018) add({year, 12, 23}, "天皇誕生日", "The Emperor's Birthday");

    for (const auto& day : one_off_days) {
        if (day.date.year == year) out.push_back(day);
    }
}

bool by_date(const Holiday& a, const Holiday& b) { return a.date < b.date; }

// A search key for by_date.
Holiday on_date(const Date& date) { return Holiday{date, {}, {}}; }

bool contains_date(const std::vector<Holiday>& sorted, const Date& date) {
    const auto found = std::lower_bound(sorted.begin(), sorted.end(), on_date(date), by_date);
    return found != sorted.end() && found->date == date;
}

// 振替休日: before 2007 the day after a Sunday holiday (when that day is not a holiday
// itself); from 2007 the first following day that is not a national holiday.
std::vector<Holiday> substitute_holidays(const std::vector<Holiday>& named) {
    std::vector<Holiday> result;
    for (const auto& holiday : named) {
        if (holiday.date < substitute_rule_start || weekday_of(holiday.date) != Weekday::sunday) {
            continue;
        }
        Date candidate = add_days(holiday.date, 1);
        if (holiday.date < revised_rules_start) {
            if (contains_date(named, candidate)) continue;
        } else {
            while (contains_date(named, candidate)) candidate = add_days(candidate, 1);
        }
        result.push_back(
            Holiday{candidate, "振替休日", "Substitute Holiday", HolidayKind::substitute});
    }
    return result;
}

// 国民の休日: a day between two national holidays. Before 2007 the law excluded Sundays
// and 振替休日 as well as holidays; from 2007 it excludes only national holidays (a
// substitute that lands there stays a 振替休日 — either way the day is a holiday).
std::vector<Holiday> citizens_holidays(const std::vector<Holiday>& named,
                                       const std::vector<Holiday>& substitutes) {
    std::vector<Holiday> result;
    for (const auto& holiday : named) {
        const Date candidate = add_days(holiday.date, 1);
        const bool between_holidays = !contains_date(named, candidate) &&
                                      contains_date(named, add_days(candidate, 1));
        if (candidate < citizens_rule_start || !between_holidays ||
            contains_date(substitutes, candidate)) {
            continue;
        }
        if (candidate < revised_rules_start && weekday_of(candidate) == Weekday::sunday) {
            continue;
        }
        result.push_back(
            Holiday{candidate, "国民の休日", "Citizens' Holiday", HolidayKind::citizens});
    }
    return result;
}

// All holidays of the supported range, ascending, plus a per-day index into them so that
// holiday_on is a constant-time lookup (business-minute loops call it for every day).
struct HolidayTable {
    std::vector<Holiday> holidays;
    std::vector<std::int16_t> index_by_day;  // -1 when the day is not a holiday
    std::int64_t first_day = 0;

    HolidayTable() {
        for (int year = first_supported_date.year; year <= last_supported_date.year; ++year) {
            append_named_holidays(year, holidays);
        }
        std::sort(holidays.begin(), holidays.end(), by_date);
        const auto substitutes = substitute_holidays(holidays);
        const auto citizens = citizens_holidays(holidays, substitutes);
        holidays.insert(holidays.end(), substitutes.begin(), substitutes.end());
        holidays.insert(holidays.end(), citizens.begin(), citizens.end());
        std::sort(holidays.begin(), holidays.end(), by_date);

        first_day = days_from_civil(first_supported_date);
        index_by_day.assign(days_from_civil(last_supported_date) - first_day + 1, -1);
        for (std::size_t i = 0; i < holidays.size(); ++i) {
            const auto day = days_from_civil(holidays[i].date) - first_day;
            index_by_day[day] = static_cast<std::int16_t>(i);
        }
    }
};

const HolidayTable& holiday_table() {
    static const HolidayTable table;
    return table;
}

}  // namespace

bool is_supported(const Date& date) {
    return is_valid(date) && first_supported_date <= date && date <= last_supported_date;
}

std::vector<Holiday> holidays_between(const Date& from, const Date& to) {
    const auto& holidays = holiday_table().holidays;
    const auto begin = std::lower_bound(holidays.begin(), holidays.end(), on_date(from), by_date);
    const auto end = std::upper_bound(begin, holidays.end(), on_date(to), by_date);
    return std::vector<Holiday>(begin, end);
}

std::vector<Holiday> holidays_in_year(int year) {
    return holidays_between(Date{year, 1, 1}, Date{year, 12, 31});
}

std::optional<Holiday> holiday_on(const Date& date) {
    if (!is_supported(date)) return std::nullopt;
    const auto& table = holiday_table();
    const auto index = table.index_by_day[days_from_civil(date) - table.first_day];
    if (index < 0) return std::nullopt;
    return table.holidays[index];
}

}  // namespace madoguchi::calendar
