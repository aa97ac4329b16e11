#include "calendar/business_calendar.hpp"

#include <cstdlib>
#include <ctime>
#include <limits>
#include <optional>
#include <string>

#include "calendar/holidays.hpp"
#include "calendar_test_support.hpp"

using namespace madoguchi::calendar;

namespace {

const BusinessCalendar desk;

std::int64_t business_minutes(Instant from, Instant to) {
    return desk.business_minutes_between(from, to);
}

std::optional<Instant> deadline(Instant start, std::int64_t minutes) {
    return desk.add_business_minutes(start, minutes);
}

Instant tokyo(int year, int month, int day, int hour, int minute, int second = 0) {
    return from_tokyo(Date{year, month, day}, hour * 3600 + minute * 60 + second);
}

Instant iso(std::string_view text) {
    const auto result = parse_iso8601(text);
    REQUIRE(result.instant);
    return *result.instant;
}

bool all_closed(const Date& first, const Date& last) {
    for (Date day = first; day <= last; day = add_days(day, 1)) {
        if (is_business_day(day)) return false;
    }
    return true;
}

// Sets TZ for one scope and restores the previous value afterwards.
class MachineTimeZone {
public:
    explicit MachineTimeZone(const char* zone) {
        if (const char* current = std::getenv("TZ")) previous_ = current;
        setenv("TZ", zone, 1);
        tzset();
    }
    ~MachineTimeZone() {
        if (previous_) {
            setenv("TZ", previous_->c_str(), 1);
        } else {
            unsetenv("TZ");
        }
        tzset();
    }
    MachineTimeZone(const MachineTimeZone&) = delete;
    MachineTimeZone& operator=(const MachineTimeZone&) = delete;

private:
    std::optional<std::string> previous_;
};

}  // namespace

TEST_CASE("calendar: weekends and holidays are closed", "[calendar][business]") {
    CHECK(is_business_day(Date{2026, 11, 25}));
    CHECK(is_closed_day(Date{2026, 11, 28}));  // Saturday
    CHECK(is_closed_day(Date{2026, 11, 29}));  // Sunday
    CHECK(is_closed_day(Date{2026, 11, 23}));  // 勤労感謝の日, a Monday
    CHECK(is_closed_day(Date{2026, 9, 22}));   // 国民の休日
    CHECK(is_closed_day(Date{2026, 5, 6}));    // 振替休日
    CHECK(is_business_day(Date{2026, 11, 24}));
}

TEST_CASE("calendar: 12/29 to 1/3 is closed whatever the weekday", "[calendar][business]") {
    CHECK(is_business_day(Date{2026, 12, 28}));
    CHECK(all_closed(Date{2026, 12, 29}, Date{2027, 1, 3}));
    CHECK(is_business_day(Date{2027, 1, 4}));

    CHECK(is_business_day(Date{2027, 12, 28}));
    CHECK(all_closed(Date{2027, 12, 29}, Date{2028, 1, 3}));
    // 2028-01-03 is a Monday and no national holiday: closed by the year-end rule alone.
    CHECK_FALSE(holiday_on(Date{2028, 1, 3}));
    CHECK(is_business_day(Date{2028, 1, 4}));
}

TEST_CASE("calendar: Golden Week closures", "[calendar][business]") {
    // 2019: ten days in a row, 4/27 (Saturday) to 5/6 (振替休日).
    CHECK(is_business_day(Date{2019, 4, 26}));
    CHECK(all_closed(Date{2019, 4, 27}, Date{2019, 5, 6}));
    CHECK(is_business_day(Date{2019, 5, 7}));

    CHECK(is_business_day(Date{2026, 5, 1}));
    CHECK(all_closed(Date{2026, 5, 2}, Date{2026, 5, 6}));
    CHECK(is_business_day(Date{2026, 5, 7}));
}

TEST_CASE("calendar: 2026 has 240 business days", "[calendar][business]") {
    int business_days = 0;
    for (Date day{2026, 1, 1}; day <= Date{2026, 12, 31}; day = add_days(day, 1)) {
        if (is_business_day(day)) ++business_days;
    }
    CHECK(business_days == 240);
    CHECK(business_minutes(tokyo(2026, 1, 1, 0, 0), tokyo(2027, 1, 1, 0, 0)) ==
          240 * 585);
}

TEST_CASE("calendar: service hours default to 08:30-18:15", "[calendar][business]") {
    CHECK(desk.hours().open_minute == 8 * 60 + 30);
    CHECK(desk.hours().close_minute == 18 * 60 + 15);
    CHECK(desk.hours().minutes_per_day() == 585);
}

TEST_CASE("calendar: the desk is open from 08:30:00 until before 18:15:00",
          "[calendar][business]") {
    CHECK_FALSE(desk.is_open(tokyo(2026, 11, 25, 8, 29, 59)));
    CHECK(desk.is_open(tokyo(2026, 11, 25, 8, 30, 0)));
    CHECK(desk.is_open(tokyo(2026, 11, 25, 18, 14, 59)));
    CHECK_FALSE(desk.is_open(tokyo(2026, 11, 25, 18, 15, 0)));
    CHECK_FALSE(desk.is_open(tokyo(2026, 11, 28, 10, 0)));  // Saturday
    CHECK_FALSE(desk.is_open(tokyo(2026, 11, 23, 10, 0)));  // holiday
    CHECK_FALSE(desk.is_open(tokyo(2026, 12, 29, 10, 0)));  // year end
    // 00:30Z is 09:30 in Tokyo, whatever the offset the instant was written in.
    CHECK(desk.is_open(iso("2026-11-24T19:30:00-05:00")));
}

TEST_CASE("calendar: status_at gives the next change", "[calendar][business]") {
    const auto open = desk.status_at(tokyo(2026, 11, 25, 10, 0));
    CHECK(open.open);
    CHECK(open.next_change == tokyo(2026, 11, 25, 18, 15));

    const auto early = desk.status_at(tokyo(2026, 11, 25, 7, 0));
    CHECK_FALSE(early.open);
    CHECK(early.next_change == tokyo(2026, 11, 25, 8, 30));

    const auto friday_closing = desk.status_at(tokyo(2026, 11, 27, 18, 15));
    CHECK_FALSE(friday_closing.open);
    CHECK(friday_closing.next_change == tokyo(2026, 11, 30, 8, 30));

    // Saturday before 勤労感謝の日 on Monday: opens again on Tuesday.
    CHECK(desk.status_at(tokyo(2026, 11, 21, 12, 0)).next_change == tokyo(2026, 11, 24, 8, 30));
    CHECK(desk.status_at(tokyo(2026, 12, 28, 19, 0)).next_change == tokyo(2027, 1, 4, 8, 30));
    CHECK(desk.status_at(tokyo(2019, 4, 26, 18, 30)).next_change == tokyo(2019, 5, 7, 8, 30));

    // No opening is left after 2099-12-28: the end of the supported range stands in.
    const auto last = desk.status_at(tokyo(2099, 12, 28, 20, 0));
    CHECK_FALSE(last.open);
    CHECK(last.next_change == tokyo(2100, 1, 1, 0, 0));
}

TEST_CASE("calendar: next opening at or after an instant", "[calendar][business]") {
    CHECK(desk.next_opening_at_or_after(tokyo(2026, 11, 25, 10, 0)) == tokyo(2026, 11, 25, 10, 0));
    CHECK(desk.next_opening_at_or_after(tokyo(2026, 11, 25, 18, 15)) == tokyo(2026, 11, 26, 8, 30));
    CHECK(desk.next_opening_at_or_after(tokyo(2026, 11, 25, 0, 0)) == tokyo(2026, 11, 25, 8, 30));
    CHECK(desk.next_opening_at_or_after(tokyo(2099, 12, 28, 18, 15)) == std::nullopt);
    // Before 1955 the holidays are unknown, so the desk first opens on 1955-01-04.
    CHECK(desk.next_opening_at_or_after(tokyo(1954, 6, 1, 10, 0)) == tokyo(1955, 1, 4, 8, 30));
}

TEST_CASE("calendar: business minutes between two instants", "[calendar][business]") {
    CHECK(business_minutes(tokyo(2026, 11, 25, 10, 0), tokyo(2026, 11, 25, 11, 0)) == 60);
    CHECK(business_minutes(tokyo(2026, 11, 25, 8, 30), tokyo(2026, 11, 25, 18, 15)) == 585);
    CHECK(business_minutes(tokyo(2026, 11, 25, 0, 0), tokyo(2026, 11, 26, 0, 0)) == 585);
    CHECK(business_minutes(tokyo(2026, 11, 25, 6, 0), tokyo(2026, 11, 25, 8, 31)) == 1);

    SECTION("whole minutes only") {
        CHECK(business_minutes(tokyo(2026, 11, 25, 10, 0, 30),
                               tokyo(2026, 11, 25, 10, 1, 29)) == 0);
        CHECK(business_minutes(tokyo(2026, 11, 25, 10, 0, 30),
                               tokyo(2026, 11, 25, 10, 1, 30)) == 1);
    }
    SECTION("empty or reversed spans count nothing") {
        CHECK(business_minutes(tokyo(2026, 11, 25, 11, 0), tokyo(2026, 11, 25, 11, 0)) == 0);
        CHECK(business_minutes(tokyo(2026, 11, 25, 11, 0), tokyo(2026, 11, 25, 10, 0)) == 0);
    }
    SECTION("over a weekend, written in different offsets") {
        // Friday 17:00 to Monday 09:30 in Tokyo: 75 + 60 minutes.
        CHECK(business_minutes(iso("2026-11-27T17:00:00+09:00"),
                               iso("2026-11-30T09:30:00+09:00")) == 135);
        CHECK(business_minutes(iso("2026-11-27T03:00:00-05:00"),
                               iso("2026-11-30T00:30:00Z")) == 135);
        CHECK(business_minutes(iso("2026-11-27T12:30:00+0430"),
                               iso("2026-11-29T16:30:00-0800")) == 135);
    }
    SECTION("over a weekend and a Monday holiday") {
        CHECK(business_minutes(tokyo(2026, 11, 20, 17, 15), tokyo(2026, 11, 24, 9, 30)) == 120);
    }
    SECTION("over the year end") {
        CHECK(business_minutes(tokyo(2026, 12, 28, 17, 0), tokyo(2027, 1, 4, 9, 0)) == 105);
    }
    SECTION("over Golden Week 2019") {
        CHECK(business_minutes(tokyo(2019, 4, 26, 18, 0), tokyo(2019, 5, 7, 8, 45)) == 30);
        CHECK(business_minutes(tokyo(2019, 4, 26, 18, 0), tokyo(2019, 5, 7, 18, 15)) == 600);
    }
}

TEST_CASE("calendar: business minutes over the whole supported range", "[calendar][business]") {
    std::int64_t business_days = 0;
    for (Date day = first_supported_date; day <= last_supported_date; day = add_days(day, 1)) {
        if (is_business_day(day)) ++business_days;
    }
    CHECK(business_minutes(tokyo(1950, 1, 1, 0, 0), tokyo(2101, 1, 1, 0, 0)) ==
          business_days * 585);
}

TEST_CASE("calendar: adding business minutes", "[calendar][business]") {
    SECTION("a full day from opening ends at that day's closing") {
        CHECK(deadline(tokyo(2026, 11, 25, 8, 30), 585) == tokyo(2026, 11, 25, 18, 15));
        CHECK(deadline(tokyo(2026, 11, 25, 8, 30), 586) == tokyo(2026, 11, 26, 8, 31));
        CHECK(deadline(tokyo(2026, 11, 25, 18, 0), 15) == tokyo(2026, 11, 25, 18, 15));
        CHECK(deadline(tokyo(2026, 11, 25, 18, 0), 16) == tokyo(2026, 11, 26, 8, 31));
    }
    SECTION("zero minutes") {
        CHECK(deadline(tokyo(2026, 11, 25, 10, 0), 0) == tokyo(2026, 11, 25, 10, 0));
        CHECK(deadline(tokyo(2026, 11, 25, 7, 0), 0) == tokyo(2026, 11, 25, 8, 30));
        CHECK(deadline(tokyo(2026, 11, 25, 18, 15), 0) == tokyo(2026, 11, 26, 8, 30));
        CHECK(deadline(tokyo(2026, 11, 27, 18, 15), 0) == tokyo(2026, 11, 30, 8, 30));
    }
    SECTION("a start outside hours counts from the next opening") {
        CHECK(deadline(tokyo(2026, 11, 25, 7, 0), 585) == tokyo(2026, 11, 25, 18, 15));
        CHECK(deadline(tokyo(2026, 11, 28, 10, 0), 60) == tokyo(2026, 11, 30, 9, 30));
        CHECK(deadline(tokyo(2026, 11, 25, 22, 0), 30) == tokyo(2026, 11, 26, 9, 0));
    }
    SECTION("seconds are kept") {
        CHECK(deadline(tokyo(2026, 11, 25, 10, 0, 30), 1) == tokyo(2026, 11, 25, 10, 1, 30));
        CHECK(deadline(tokyo(2026, 11, 25, 18, 14, 30), 1) == tokyo(2026, 11, 26, 8, 30, 30));
    }
    SECTION("deadlines across weekends, holidays and the year end") {
        CHECK(deadline(tokyo(2026, 11, 20, 17, 15), 120) == tokyo(2026, 11, 24, 9, 30));
        CHECK(deadline(tokyo(2026, 12, 28, 18, 0), 60) == tokyo(2027, 1, 4, 9, 15));
        CHECK(deadline(tokyo(2026, 5, 1, 17, 15), 120) == tokyo(2026, 5, 7, 9, 30));
        CHECK(deadline(tokyo(2019, 4, 26, 17, 15), 120) == tokyo(2019, 5, 7, 9, 30));
        CHECK(deadline(tokyo(2026, 9, 18, 12, 0), 3 * 585) == tokyo(2026, 9, 28, 12, 0));
    }
    SECTION("negative minutes and results past 2099 are refused") {
        CHECK(deadline(tokyo(2026, 11, 25, 10, 0), -1) == std::nullopt);
        CHECK(deadline(tokyo(2099, 12, 28, 18, 0), 15) == tokyo(2099, 12, 28, 18, 15));
        CHECK(deadline(tokyo(2099, 12, 28, 18, 0), 16) == std::nullopt);
        CHECK(deadline(tokyo(2026, 11, 25, 10, 0),
                       std::numeric_limits<std::int64_t>::max()) == std::nullopt);
        CHECK(deadline(tokyo(2100, 1, 4, 10, 0), 0) == std::nullopt);
    }
}

TEST_CASE("calendar: a million business minutes jumps whole days", "[calendar][business]") {
    // 1,000,000 = 1709 days of 585 minutes + 235 minutes: 12:25 on the 1709th business day
    // after Monday 2026-01-05, found here by walking the days one by one.
    Date due_day{2026, 1, 5};
    for (int business_days = 0; business_days < 1709;) {
        due_day = add_days(due_day, 1);
        if (is_business_day(due_day)) ++business_days;
    }
    const auto start = tokyo(2026, 1, 5, 8, 30);
    const auto due = deadline(start, 1000000);
    CHECK(due == from_tokyo(due_day, 12 * 3600 + 25 * 60));
    REQUIRE(due);
    CHECK(business_minutes(start, *due) == 1000000);
}

TEST_CASE("calendar: adding then measuring gives back the minutes added", "[calendar][business]") {
    // Starts every 5h13m from mid-December across the year end, inside and outside hours.
    const auto first_start = tokyo(2026, 12, 14, 0, 0);
    for (int step = 0; step < 120; ++step) {
        const Instant start{first_start.unix_seconds + step * (5 * 3600 + 13 * 60)};
        for (const std::int64_t minutes : {1, 59, 584, 585, 586, 1000, 5000}) {
            const auto due = deadline(start, minutes);
            INFO(format_iso8601_tokyo(start) << " + " << minutes);
            REQUIRE(due);
            CHECK(business_minutes(start, *due) == minutes);
            CHECK(business_minutes(start, Instant{due->unix_seconds - 60}) == minutes - 1);
        }
    }
}

TEST_CASE("calendar: other service hours, such as a vendor's 09:00-17:30", "[calendar][business]") {
    const BusinessCalendar vendor{ServiceHours{9 * 60, 17 * 60 + 30}};
    CHECK(vendor.hours().minutes_per_day() == 510);
    CHECK_FALSE(vendor.is_open(tokyo(2026, 11, 25, 8, 59)));
    CHECK(vendor.is_open(tokyo(2026, 11, 25, 9, 0)));
    CHECK_FALSE(vendor.is_open(tokyo(2026, 11, 25, 17, 30)));
    CHECK(vendor.status_at(tokyo(2026, 11, 25, 8, 45)).next_change == tokyo(2026, 11, 25, 9, 0));
    CHECK(vendor.add_business_minutes(tokyo(2026, 11, 25, 9, 0), 510) ==
          tokyo(2026, 11, 25, 17, 30));
    CHECK(vendor.business_minutes_between(tokyo(2026, 11, 27, 17, 0),
                                          tokyo(2026, 11, 30, 9, 30)) == 60);
}

TEST_CASE("calendar: hours that close before they open never open", "[calendar][business]") {
    const BusinessCalendar never{ServiceHours{18 * 60, 8 * 60}};
    CHECK_FALSE(never.is_open(tokyo(2026, 11, 25, 12, 0)));
    CHECK(never.next_opening_at_or_after(tokyo(2026, 11, 25, 12, 0)) == std::nullopt);
    CHECK(never.add_business_minutes(tokyo(2026, 11, 25, 12, 0), 10) == std::nullopt);
    CHECK(never.add_business_minutes(tokyo(2026, 11, 25, 12, 0), 0) == std::nullopt);
    CHECK(never.business_minutes_between(tokyo(2026, 11, 25, 0, 0),
                                         tokyo(2026, 12, 25, 0, 0)) == 0);
}

TEST_CASE("calendar: results do not depend on the machine's time zone", "[calendar][business]") {
    for (const char* zone : {"America/New_York", "Pacific/Kiritimati", "UTC", "Asia/Tokyo"}) {
        INFO(zone);
        const MachineTimeZone machine_zone(zone);
        // 2026-11-25T08:30:00+09:00 is 1795563000 seconds after the epoch.
        const Instant wednesday_opening{1795563000};
        CHECK(to_tokyo(wednesday_opening).date == Date{2026, 11, 25});
        CHECK(to_tokyo(wednesday_opening).second_of_day == 8 * 3600 + 30 * 60);
        CHECK(format_iso8601_tokyo(wednesday_opening) == "2026-11-25T08:30:00+09:00");
        CHECK(format_iso8601_utc(wednesday_opening) == "2026-11-24T23:30:00Z");
        CHECK(iso("2026-11-24T18:30:00-05:00") == wednesday_opening);
        CHECK(desk.is_open(wednesday_opening));
        CHECK_FALSE(desk.is_open(Instant{wednesday_opening.unix_seconds - 1}));
        CHECK(desk.status_at(Instant{wednesday_opening.unix_seconds - 3600}).next_change ==
              wednesday_opening);
        CHECK(deadline(wednesday_opening, 585) ==
              Instant{wednesday_opening.unix_seconds + 585 * 60});
        CHECK(business_minutes(iso("2026-11-27T17:00:00+09:00"),
                               iso("2026-11-30T09:30:00+09:00")) == 135);
        CHECK(is_closed_day(Date{2026, 11, 23}));
    }
}
