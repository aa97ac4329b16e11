// Return slots checked by hand: half-hour slots from 08:30 whose end is within 18:15 (the last
// starts at 17:30), none on Golden Week's 2027-05-03 (憲法記念日) or a Sunday, nothing begun.
#include <string>
#include <vector>

#include "../calendar/calendar_test_support.hpp"
#include "i18n/catalog.hpp"
#include "lending/return_booking.hpp"

using namespace madoguchi::lending;
using madoguchi::calendar::Date;
using madoguchi::calendar::Instant;

namespace {

Instant tokyo(const Date& day, int hour, int minute) { return madoguchi::calendar::from_tokyo(day, (hour * 60 + minute) * 60); }

constexpr Date friday{2027, 4, 30};
constexpr Date sunday{2027, 5, 2};
constexpr Date holiday{2027, 5, 3};

std::string reason(Instant slot, Instant now) {
    const auto problem = check_return_slot(slot, now);
    return problem ? problem->reason_key : "ok";
}

}  // namespace

TEST_CASE("a business day has nineteen return slots from 08:30 to 17:30", "[lending][return_booking]") {
    const auto slots = return_slots(friday);
    REQUIRE(slots.size() == 19);
    CHECK(slots.front() == tokyo(friday, 8, 30));
    CHECK(slots[1] == tokyo(friday, 9, 0));
    CHECK(slots.back() == tokyo(friday, 17, 30));
    CHECK(return_slots(sunday).empty());
    CHECK(return_slots(holiday).empty());
    // Shorter hours, fewer slots: 09:00–12:00 holds six.
    CHECK(return_slots(friday, {9 * 60, 12 * 60}).size() == 6);
}

TEST_CASE("a booking names a slot to come on a business day", "[lending][return_booking]") {
    const auto morning = tokyo(friday, 8, 0);
    CHECK(reason(tokyo(friday, 9, 0), morning) == "ok");
    CHECK(reason(tokyo(friday, 17, 30), morning) == "ok");
    CHECK(reason(tokyo(friday, 9, 15), morning) == "lending.return_booking.not_a_slot");
    CHECK(reason(tokyo(friday, 8, 0), morning) == "lending.return_booking.not_a_slot");
    CHECK(reason(tokyo(friday, 18, 0), morning) == "lending.return_booking.not_a_slot");  // would end after 18:15
    CHECK(reason(tokyo(holiday, 10, 0), morning) == "lending.return_booking.closed_day");
    CHECK(reason(tokyo(sunday, 10, 0), morning) == "lending.return_booking.closed_day");
    // A slot that has begun is gone, even before it ends.
    CHECK(reason(tokyo(friday, 9, 0), tokyo(friday, 9, 0)) == "lending.return_booking.in_past");
    CHECK(reason(tokyo(friday, 9, 0), tokyo(friday, 9, 10)) == "lending.return_booking.in_past");
    CHECK(reason(tokyo(friday, 9, 30), tokyo(friday, 9, 10)) == "ok");
}

TEST_CASE("every refusal of a slot has its text in the catalog", "[lending][return_booking][i18n]") {
    for (const auto* key : {"lending.return_booking.closed_day", "lending.return_booking.not_a_slot",
                            "lending.return_booking.in_past"}) {
        CHECK(madoguchi::i18n::has_key(key));
    }
}
