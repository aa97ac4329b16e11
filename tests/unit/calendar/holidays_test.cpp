#include "calendar/holidays.hpp"

#include <string>
#include <vector>

#include "calendar_test_support.hpp"

using namespace madoguchi::calendar;

namespace {

// "2026-05-06 振替休日" lines: a mismatch then prints both lists readably.
std::vector<std::string> listing(const std::vector<Holiday>& holidays) {
    std::vector<std::string> lines;
    for (const auto& holiday : holidays) {
        lines.push_back(format_date(holiday.date) + " " + std::string(holiday.name_ja));
    }
    return lines;
}

std::vector<std::string> listing_of_year(int year) { return listing(holidays_in_year(year)); }

std::string name_on(const Date& date) {
    const auto holiday = holiday_on(date);
    return holiday ? std::string(holiday->name_ja) : std::string("(none)");
}

}  // namespace

TEST_CASE("calendar: 2026 holidays match the Cabinet Office list", "[calendar][holidays]") {
    const std::vector<std::string> expected{
        "2026-01-01 元日",       "2026-01-12 成人の日",     "2026-02-11 建国記念の日",
        "2026-02-23 天皇誕生日", "2026-03-20 春分の日",     "2026-04-29 昭和の日",
        "2026-05-03 憲法記念日", "2026-05-04 みどりの日",   "2026-05-05 こどもの日",
        "2026-05-06 振替休日",   "2026-07-20 海の日",       "2026-08-11 山の日",
        "2026-09-21 敬老の日",   "2026-09-22 国民の休日",   "2026-09-23 秋分の日",
        "2026-10-12 スポーツの日", "2026-11-03 文化の日",   "2026-11-23 勤労感謝の日",
    };
    CHECK(listing_of_year(2026) == expected);
    CHECK(holiday_on(Date{2026, 5, 6})->kind == HolidayKind::substitute);
    CHECK(holiday_on(Date{2026, 9, 22})->kind == HolidayKind::citizens);
    CHECK(holiday_on(Date{2026, 11, 3})->kind == HolidayKind::national);
}

TEST_CASE("calendar: 2020 Olympic year moves 海の日, スポーツの日 and 山の日",
          "[calendar][holidays]") {
    const std::vector<std::string> expected{
        "2020-01-01 元日",       "2020-01-13 成人の日",   "2020-02-11 建国記念の日",
        "2020-02-23 天皇誕生日", "2020-02-24 振替休日",   "2020-03-20 春分の日",
        "2020-04-29 昭和の日",   "2020-05-03 憲法記念日", "2020-05-04 みどりの日",
        "2020-05-05 こどもの日", "2020-05-06 振替休日",   "2020-07-23 海の日",
        "2020-07-24 スポーツの日", "2020-08-10 山の日",   "2020-09-21 敬老の日",
        "2020-09-22 秋分の日",   "2020-11-03 文化の日",   "2020-11-23 勤労感謝の日",
    };
    CHECK(listing_of_year(2020) == expected);
}

TEST_CASE("calendar: 2021 Olympic year moves 海の日, スポーツの日 and 山の日",
          "[calendar][holidays]") {
    const std::vector<std::string> expected{
        "2021-01-01 元日",       "2021-01-11 成人の日",   "2021-02-11 建国記念の日",
        "2021-02-23 天皇誕生日", "2021-03-20 春分の日",   "2021-04-29 昭和の日",
        "2021-05-03 憲法記念日", "2021-05-04 みどりの日", "2021-05-05 こどもの日",
        "2021-07-22 海の日",     "2021-07-23 スポーツの日", "2021-08-08 山の日",
        "2021-08-09 振替休日",   "2021-09-20 敬老の日",   "2021-09-23 秋分の日",
        "2021-11-03 文化の日",   "2021-11-23 勤労感謝の日",
    };
    CHECK(listing_of_year(2021) == expected);
    // No October holiday in 2021: スポーツの日 was moved to July.
    CHECK(holidays_between(Date{2021, 10, 1}, Date{2021, 10, 31}).empty());
}

TEST_CASE("calendar: 2019 holidays around the enthronement", "[calendar][holidays]") {
    const std::vector<std::string> expected{
        "2019-01-01 元日",
        "2019-01-14 成人の日",
        "2019-02-11 建国記念の日",
        "2019-03-21 春分の日",
        "2019-04-29 昭和の日",
        "2019-04-30 国民の休日",
        "2019-05-01 天皇の即位の日",
        "2019-05-02 国民の休日",
        "2019-05-03 憲法記念日",
        "2019-05-04 みどりの日",
        "2019-05-05 こどもの日",
        "2019-05-06 振替休日",
        "2019-07-15 海の日",
        "2019-08-11 山の日",
        "2019-08-12 振替休日",
        "2019-09-16 敬老の日",
        "2019-09-23 秋分の日",
        "2019-10-14 体育の日",
        "2019-10-22 即位礼正殿の儀の行われる日",
        "2019-11-03 文化の日",
        "2019-11-04 振替休日",
        "2019-11-23 勤労感謝の日",
    };
    CHECK(listing_of_year(2019) == expected);
}

TEST_CASE("calendar: the number of holidays per year", "[calendar][holidays]") {
    CHECK(holidays_in_year(1955).size() == 9);
    CHECK(holidays_in_year(1959).size() == 10);  // with the Crown Prince's wedding
    CHECK(holidays_in_year(1966).size() == 11);  // 敬老の日 and 体育の日 added
    CHECK(holidays_in_year(1967).size() == 12);  // 建国記念の日 added
    CHECK(holidays_in_year(2016).size() == 17);
    CHECK(holidays_in_year(2018).size() == 20);
    CHECK(holidays_in_year(2019).size() == 22);
    CHECK(holidays_in_year(2020).size() == 18);
    CHECK(holidays_in_year(2021).size() == 17);
    CHECK(holidays_in_year(2026).size() == 18);
}

TEST_CASE("calendar: 成人の日 moves to the second Monday in 2000", "[calendar][holidays]") {
    CHECK(name_on(Date{1999, 1, 15}) == "成人の日");
    CHECK(name_on(Date{2000, 1, 15}) == "(none)");
    CHECK(name_on(Date{2000, 1, 10}) == "成人の日");
    CHECK(name_on(Date{2001, 1, 8}) == "成人の日");
}

TEST_CASE("calendar: 建国記念の日 starts in 1967", "[calendar][holidays]") {
    CHECK(name_on(Date{1966, 2, 11}) == "(none)");
    CHECK(name_on(Date{1967, 2, 11}) == "建国記念の日");
}

TEST_CASE("calendar: 海の日 starts on 7/20 in 1996 and moves to the third Monday in 2003",
          "[calendar][holidays]") {
    CHECK(holidays_between(Date{1995, 7, 1}, Date{1995, 7, 31}).empty());
    CHECK(name_on(Date{1996, 7, 20}) == "海の日");
    CHECK(name_on(Date{2002, 7, 20}) == "海の日");
    CHECK(name_on(Date{2003, 7, 20}) == "(none)");
    CHECK(name_on(Date{2003, 7, 21}) == "海の日");
}

TEST_CASE("calendar: 山の日 starts in 2016", "[calendar][holidays]") {
    CHECK(holidays_between(Date{2015, 8, 1}, Date{2015, 8, 31}).empty());
    CHECK(name_on(Date{2016, 8, 11}) == "山の日");
    CHECK(name_on(Date{2019, 8, 11}) == "山の日");
    CHECK(name_on(Date{2020, 8, 11}) == "(none)");
    CHECK(name_on(Date{2022, 8, 11}) == "山の日");
}

TEST_CASE("calendar: 敬老の日 from 1966, third Monday of September from 2003",
          "[calendar][holidays]") {
    CHECK(name_on(Date{1965, 9, 15}) == "(none)");
    CHECK(name_on(Date{1966, 9, 15}) == "敬老の日");
    CHECK(name_on(Date{2002, 9, 15}) == "敬老の日");
    CHECK(name_on(Date{2002, 9, 16}) == "振替休日");
    CHECK(name_on(Date{2004, 9, 15}) == "(none)");
    CHECK(name_on(Date{2004, 9, 20}) == "敬老の日");
}

TEST_CASE("calendar: 体育の日 from 1966, second Monday from 2000, スポーツの日 from 2020",
          "[calendar][holidays]") {
    CHECK(name_on(Date{1965, 10, 10}) == "(none)");
    CHECK(name_on(Date{1966, 10, 10}) == "体育の日");
    CHECK(name_on(Date{1999, 10, 10}) == "体育の日");
    CHECK(name_on(Date{1999, 10, 11}) == "振替休日");
    CHECK(name_on(Date{2000, 10, 10}) == "(none)");
    CHECK(name_on(Date{2000, 10, 9}) == "体育の日");
    CHECK(name_on(Date{2019, 10, 14}) == "体育の日");
    CHECK(name_on(Date{2022, 10, 10}) == "スポーツの日");
    CHECK(holiday_on(Date{2022, 10, 10})->name_en == "Sports Day");
    CHECK(holiday_on(Date{2019, 10, 14})->name_en == "Health and Sports Day");
}

TEST_CASE("calendar: 天皇誕生日 follows the reigning emperor", "[calendar][holidays]") {
    CHECK(name_on(Date{1988, 4, 29}) == "天皇誕生日");
    CHECK(name_on(Date{1988, 12, 23}) == "(none)");
    CHECK(name_on(Date{1989, 12, 23}) == "天皇誕生日");
    CHECK(name_on(Date{2018, 12, 23}) == "天皇誕生日");
    CHECK(name_on(Date{2018, 12, 24}) == "振替休日");
    CHECK(name_on(Date{2019, 2, 23}) == "(none)");
    CHECK(name_on(Date{2019, 12, 23}) == "(none)");
    CHECK(name_on(Date{2020, 2, 23}) == "天皇誕生日");
    CHECK(name_on(Date{2020, 2, 24}) == "振替休日");
    CHECK(name_on(Date{2020, 12, 23}) == "(none)");
}

TEST_CASE("calendar: April 29 and May 4 across 1988, 1989, 2006 and 2007", "[calendar][holidays]") {
    CHECK(listing(holidays_between(Date{1988, 4, 29}, Date{1988, 5, 5})) ==
          std::vector<std::string>{"1988-04-29 天皇誕生日", "1988-05-03 憲法記念日",
                                   "1988-05-04 国民の休日", "1988-05-05 こどもの日"});
    CHECK(listing(holidays_between(Date{1989, 4, 29}, Date{1989, 5, 5})) ==
          std::vector<std::string>{"1989-04-29 みどりの日", "1989-05-03 憲法記念日",
                                   "1989-05-04 国民の休日", "1989-05-05 こどもの日"});
    CHECK(listing(holidays_between(Date{2006, 4, 29}, Date{2006, 5, 5})) ==
          std::vector<std::string>{"2006-04-29 みどりの日", "2006-05-03 憲法記念日",
                                   "2006-05-04 国民の休日", "2006-05-05 こどもの日"});
    CHECK(listing(holidays_between(Date{2007, 4, 29}, Date{2007, 5, 5})) ==
          std::vector<std::string>{"2007-04-29 昭和の日", "2007-04-30 振替休日",
                                   "2007-05-03 憲法記念日", "2007-05-04 みどりの日",
                                   "2007-05-05 こどもの日"});
    CHECK(holiday_on(Date{2007, 4, 29})->name_en == "Showa Day");
    CHECK(holiday_on(Date{2007, 5, 4})->name_en == "Greenery Day");
}

TEST_CASE("calendar: the one-off holidays set by special laws", "[calendar][holidays]") {
    struct OneOff {
        Date date;
        std::string_view name_ja;
    };
    const OneOff one_offs[] = {
        {{1959, 4, 10}, "皇太子明仁親王の結婚の儀"},
        {{1989, 2, 24}, "昭和天皇の大喪の礼"},
        {{1990, 11, 12}, "即位礼正殿の儀"},
        {{1993, 6, 9}, "皇太子徳仁親王の結婚の儀"},
        {{2019, 5, 1}, "天皇の即位の日"},
        {{2019, 10, 22}, "即位礼正殿の儀の行われる日"},
    };
    for (const auto& one_off : one_offs) {
        INFO(format_date(one_off.date));
        const auto holiday = holiday_on(one_off.date);
        REQUIRE(holiday);
        CHECK(holiday->name_ja == one_off.name_ja);
        CHECK(holiday->kind == HolidayKind::special);
        CHECK_FALSE(holiday->name_en.empty());
    }
    // They count as national holidays for 国民の休日: 2019-05-01 makes 4/30 and 5/2 holidays.
    CHECK(holiday_on(Date{2019, 4, 30})->kind == HolidayKind::citizens);
    CHECK(holiday_on(Date{2019, 5, 2})->kind == HolidayKind::citizens);
}

TEST_CASE("calendar: 振替休日 starts with holidays from 1973-04-12", "[calendar][holidays]") {
    // 1973-02-11 was a Sunday before the amendment took effect: no substitute.
    CHECK(name_on(Date{1973, 2, 12}) == "(none)");
    CHECK(name_on(Date{1973, 4, 30}) == "振替休日");
    CHECK(name_on(Date{1973, 9, 24}) == "振替休日");
    CHECK(holiday_on(Date{1973, 4, 30})->name_en == "Substitute Holiday");
}

TEST_CASE("calendar: 振替休日 before 2007 is only the day after", "[calendar][holidays]") {
    CHECK(name_on(Date{1989, 1, 2}) == "振替休日");
    CHECK(name_on(Date{1989, 1, 16}) == "振替休日");
    CHECK(name_on(Date{2006, 1, 2}) == "振替休日");
    // 5/3 on a Sunday: May 4 became the substitute (and so not 国民の休日).
    CHECK(name_on(Date{1992, 5, 4}) == "振替休日");
    CHECK(name_on(Date{1998, 5, 4}) == "振替休日");
}

TEST_CASE("calendar: 振替休日 from 2007 is the next day that is not a holiday",
          "[calendar][holidays]") {
    CHECK(name_on(Date{2007, 12, 24}) == "振替休日");
    // 5/4 Sunday: 5/5 is a holiday, so the substitute moves on to 5/6.
    CHECK(name_on(Date{2008, 5, 6}) == "振替休日");
    // 5/3 Sunday: 5/4 and 5/5 are holidays, so the substitute is 5/6.
    CHECK(name_on(Date{2009, 5, 6}) == "振替休日");
    CHECK(name_on(Date{2015, 5, 6}) == "振替休日");
    CHECK(name_on(Date{2019, 5, 6}) == "振替休日");
    CHECK(name_on(Date{2026, 5, 6}) == "振替休日");
    CHECK(name_on(Date{2008, 5, 7}) == "(none)");
}

TEST_CASE("calendar: 国民の休日 before 2007 excludes Sundays and 振替休日",
          "[calendar][holidays]") {
    // The provision took effect on 1985-12-27; 1986-05-04 was a Sunday.
    CHECK(name_on(Date{1986, 5, 4}) == "(none)");
    CHECK(name_on(Date{1987, 5, 4}) == "振替休日");
    CHECK(name_on(Date{1988, 5, 4}) == "国民の休日");
    CHECK(name_on(Date{1992, 5, 4}) == "振替休日");
    CHECK(name_on(Date{1993, 5, 4}) == "国民の休日");
    CHECK(name_on(Date{1997, 5, 4}) == "(none)");
    CHECK(name_on(Date{2003, 5, 4}) == "(none)");
    CHECK(holiday_on(Date{1993, 5, 4})->name_en == "Citizens' Holiday");
}

TEST_CASE("calendar: 国民の休日 from 2007 in September", "[calendar][holidays]") {
    CHECK(name_on(Date{2009, 9, 22}) == "国民の休日");
    CHECK(name_on(Date{2015, 9, 22}) == "国民の休日");
    CHECK(name_on(Date{2026, 9, 22}) == "国民の休日");
    CHECK(name_on(Date{2032, 9, 21}) == "国民の休日");
    CHECK(name_on(Date{2020, 9, 23}) == "(none)");
}

TEST_CASE("calendar: equinox days by the standard formula", "[calendar][holidays]") {
    CHECK(name_on(Date{2025, 3, 20}) == "春分の日");
    CHECK(name_on(Date{2026, 3, 20}) == "春分の日");
    CHECK(name_on(Date{2027, 3, 21}) == "春分の日");
    CHECK(name_on(Date{2023, 3, 21}) == "春分の日");
    CHECK(name_on(Date{1960, 3, 20}) == "春分の日");
    CHECK(name_on(Date{1973, 3, 21}) == "春分の日");
    CHECK(name_on(Date{1979, 3, 21}) == "春分の日");
    CHECK(name_on(Date{2099, 3, 20}) == "春分の日");

    CHECK(name_on(Date{2012, 9, 22}) == "秋分の日");
    CHECK(name_on(Date{2024, 9, 22}) == "秋分の日");
    CHECK(name_on(Date{2025, 9, 23}) == "秋分の日");
    CHECK(name_on(Date{2026, 9, 23}) == "秋分の日");
    CHECK(name_on(Date{1955, 9, 24}) == "秋分の日");
    CHECK(name_on(Date{1973, 9, 23}) == "秋分の日");
    CHECK(name_on(Date{1979, 9, 24}) == "秋分の日");
    CHECK(holiday_on(Date{2026, 9, 23})->name_en == "Autumnal Equinox Day");
}

TEST_CASE("calendar: English names", "[calendar][holidays]") {
    const std::vector<std::pair<Date, std::string_view>> expected{
        {{2026, 1, 1}, "New Year's Day"},          {{2026, 1, 12}, "Coming of Age Day"},
        {{2026, 2, 11}, "National Foundation Day"}, {{2026, 2, 23}, "The Emperor's Birthday"},
        {{2026, 3, 20}, "Vernal Equinox Day"},      {{2026, 5, 3}, "Constitution Memorial Day"},
        {{2026, 5, 5}, "Children's Day"},           {{2026, 7, 20}, "Marine Day"},
        {{2026, 8, 11}, "Mountain Day"},            {{2026, 9, 21}, "Respect for the Aged Day"},
        {{2026, 11, 3}, "Culture Day"},             {{2026, 11, 23}, "Labour Thanksgiving Day"},
    };
    for (const auto& [date, name_en] : expected) {
        INFO(format_date(date));
        CHECK(holiday_on(date)->name_en == name_en);
    }
}

TEST_CASE("calendar: holidays_between is inclusive, ordered and spans years",
          "[calendar][holidays]") {
    CHECK(listing(holidays_between(Date{2026, 12, 23}, Date{2027, 1, 11})) ==
          std::vector<std::string>{"2027-01-01 元日", "2027-01-11 成人の日"});
    CHECK(holidays_between(Date{2026, 5, 3}, Date{2026, 5, 3}).size() == 1);
    CHECK(holidays_between(Date{2026, 5, 6}, Date{2026, 5, 3}).empty());

    const auto everything = holidays_between(first_supported_date, last_supported_date);
    std::size_t sum_of_years = 0;
    for (int year = 1955; year <= 2099; ++year) sum_of_years += holidays_in_year(year).size();
    CHECK(everything.size() == sum_of_years);
    for (std::size_t i = 1; i < everything.size(); ++i) {
        REQUIRE(everything[i - 1].date < everything[i].date);
    }
}

TEST_CASE("calendar: substitutes never fall on a weekend and always follow a Sunday holiday",
          "[calendar][holidays]") {
    for (const auto& holiday : holidays_between(first_supported_date, last_supported_date)) {
        if (holiday.kind != HolidayKind::substitute) continue;
        INFO(format_date(holiday.date));
        CHECK(weekday_of(holiday.date) != Weekday::saturday);
        CHECK(weekday_of(holiday.date) != Weekday::sunday);
        Date previous = add_days(holiday.date, -1);
        while (weekday_of(previous) != Weekday::sunday) {
            REQUIRE(holiday_on(previous));
            previous = add_days(previous, -1);
        }
        CHECK(holiday_on(previous));
    }
}

TEST_CASE("calendar: dates outside 1955-2099 or impossible are not holidays",
          "[calendar][holidays]") {
    CHECK_FALSE(holiday_on(Date{1954, 1, 1}));
    CHECK_FALSE(holiday_on(Date{2100, 1, 1}));
    CHECK_FALSE(holiday_on(Date{2026, 2, 30}));
    CHECK(holiday_on(Date{1955, 1, 1}));
    CHECK(holiday_on(Date{2099, 11, 23}));
    CHECK(holidays_between(Date{1900, 1, 1}, Date{1954, 12, 31}).empty());
    CHECK(holidays_between(Date{1900, 1, 1}, Date{1955, 1, 1}).size() == 1);
    CHECK(holidays_in_year(2100).empty());

    CHECK(is_supported(Date{1955, 1, 1}));
    CHECK(is_supported(Date{2099, 12, 31}));
    CHECK_FALSE(is_supported(Date{1954, 12, 31}));
    CHECK_FALSE(is_supported(Date{2100, 1, 1}));
    CHECK_FALSE(is_supported(Date{2026, 2, 29}));
}
