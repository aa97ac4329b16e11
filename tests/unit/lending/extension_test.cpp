// Extensions checked by hand: a loan from Tue 2027-04-20 due Wed 4/28, a 14-day maximum
// counting the start and the due day (due at the latest on Mon 5/3, a holiday), Golden Week
// closed 4/29 and 5/1–5/5.
#include <string>
#include <vector>

#include "../calendar/calendar_test_support.hpp"
#include "i18n/catalog.hpp"
#include "lending/extension.hpp"

using namespace madoguchi::lending;
using madoguchi::calendar::Date;

namespace {

constexpr Date start{2027, 4, 20};
constexpr Date current_due{2027, 4, 28};
constexpr Date today{2027, 4, 26};
constexpr DueDateLimits two_weeks{14, false};

ExtensionCheck check(const Date& new_due, const DueDateLimits& limits = two_weeks,
                     const std::vector<DeviceReservation>& reservations = {}, const Date& on = today) {
    return check_extension({start, current_due, new_due}, limits, reservations, on);
}

std::string reason(const ExtensionCheck& result) { return result.refusal ? result.refusal->reason_key : "ok"; }

}  // namespace

TEST_CASE("an extension within the rules is granted", "[lending][extension]") {
    CHECK(check(Date{2027, 4, 30}) == ExtensionCheck{});
    // 5/3 is the 14th day: fine where due dates may fall on closed days.
    CHECK(check(Date{2027, 5, 3}, DueDateLimits{14, true}) == ExtensionCheck{});
}

TEST_CASE("a refused extension names the field and the latest date that works", "[lending][extension]") {
    // The latest is Fri 4/30: 5/3 is the 14th day but a holiday, as are the days back to 5/1.
    for (const auto& [due, expected] : std::vector<std::pair<Date, std::string>>{
             {Date{2027, 4, 28}, "lending.extension.not_later"},
             {Date{2027, 4, 27}, "lending.extension.not_later"},
             {Date{2027, 4, 29}, "lending.extension.closed_day"},
             {Date{2027, 5, 2}, "lending.extension.closed_day"},
             {Date{2027, 5, 6}, "lending.extension.beyond_max_period"},
             {Date{2027, 5, 4}, "lending.extension.closed_day"},
         }) {
        INFO(madoguchi::calendar::format_date(due));
        const auto result = check(due);
        CHECK(reason(result) == expected);
        REQUIRE(result.refusal);
        CHECK(result.refusal->field == "new_due");
        CHECK(result.latest_due == Date{2027, 4, 30});
        CHECK(madoguchi::i18n::has_key(expected));
    }
    // Where closed days are allowed, the 14th day itself is the latest; the 15th is too far.
    const auto open_days = check(Date{2027, 5, 4}, DueDateLimits{14, true});
    CHECK(reason(open_days) == "lending.extension.beyond_max_period");
    CHECK(open_days.latest_due == Date{2027, 5, 3});
}

TEST_CASE("a reservation by someone else after the due date limits the extension", "[lending][extension]") {
    const DueDateLimits month{30, false};
    const std::vector<DeviceReservation> next_week{{Date{2027, 5, 7}, Date{2027, 5, 14}}};
    CHECK(check(Date{2027, 5, 6}, month, next_week) == ExtensionCheck{});
    const auto overlap = check(Date{2027, 5, 10}, month, next_week);
    CHECK(reason(overlap) == "lending.extension.reserved");
    CHECK(overlap.latest_due == Date{2027, 5, 6});
    CHECK(madoguchi::i18n::has_key("lending.extension.reserved"));

    // Reserved from Fri 4/30: the only days before it are 4/29 (closed) and the current due date.
    const std::vector<DeviceReservation> right_after{{Date{2027, 4, 30}, Date{2027, 5, 7}}};
    const auto none_left = check(Date{2027, 4, 30}, month, right_after);
    CHECK(reason(none_left) == "lending.extension.reserved");
    CHECK_FALSE(none_left.latest_due);

    // A reservation over before the current due date does not matter.
    const std::vector<DeviceReservation> earlier{{Date{2027, 4, 1}, Date{2027, 4, 10}}};
    CHECK(check(Date{2027, 5, 6}, month, earlier) == ExtensionCheck{});
}

TEST_CASE("an overdue loan cannot be extended into the past", "[lending][extension]") {
    const Date may_6{2027, 5, 6};
    const auto past = check(Date{2027, 4, 30}, two_weeks, {}, may_6);
    CHECK(reason(past) == "lending.extension.in_past");
    CHECK_FALSE(past.latest_due);  // the 14 days ended on 5/3
    const auto later = check(Date{2027, 4, 30}, DueDateLimits{30, false}, {}, may_6);
    CHECK(reason(later) == "lending.extension.in_past");
    CHECK(later.latest_due == Date{2027, 5, 19});  // the 30th day, a Wednesday
    CHECK(check(may_6, DueDateLimits{30, false}, {}, may_6) == ExtensionCheck{});
}

TEST_CASE("an extension over the year-end closure lands on a business day", "[lending][extension]") {
    // From Mon 2026-12-21 due Fri 12/25: 12/29–1/3 closed; the 14th day is Sun 2027-01-03, so
    // the latest business day is Mon 12/28; with 15 days, Mon 2027-01-04.
    const ExtensionRequest request{Date{2026, 12, 21}, Date{2026, 12, 25}, Date{2026, 12, 30}};
    const auto result = check_extension(request, two_weeks, {}, Date{2026, 12, 24});
    CHECK(reason(result) == "lending.extension.closed_day");
    CHECK(result.latest_due == Date{2026, 12, 28});
    CHECK(check_extension({request.loan_start, request.current_due, Date{2026, 12, 28}}, two_weeks, {},
                          Date{2026, 12, 24}) == ExtensionCheck{});
    const auto fifteen = check_extension(request, DueDateLimits{15, false}, {}, Date{2026, 12, 24});
    CHECK(fifteen.latest_due == Date{2027, 1, 4});
}
