// Availability over time, on cases computed by hand: what a pool of devices offers per day
// once reservations, loans and expected returns are counted, and the earliest start that
// fits a request.
#include <catch2/catch.hpp>

#include "lending/availability.hpp"

using namespace madoguchi::lending;
using madoguchi::calendar::Date;

namespace {

std::vector<int> available_counts(const Pool& pool, Date from, Date to) {
    std::vector<int> counts;
    for (const auto& day : availability(pool, from, to)) counts.push_back(day.available);
    return counts;
}

}  // namespace

TEST_CASE("each day subtracts exactly the holds covering it, both ends included", "[lending][availability]") {
    // Five devices; 2 kept 12/2–12/4, 1 kept 12/4–12/6, 3 kept from 11/28 to 12/1.
    const Pool pool{5, {{{2026, 12, 2}, {2026, 12, 4}, 2}, {{2026, 12, 4}, {2026, 12, 6}, 1},
                        {{2026, 11, 28}, {2026, 12, 1}, 3}}, {}};
    //                                  12/1 12/2 12/3 12/4 12/5 12/6 12/7
    CHECK(available_counts(pool, {2026, 12, 1}, {2026, 12, 7}) == std::vector<int>{2, 3, 3, 2, 4, 4, 5});
    const auto days = availability(pool, {2026, 12, 4}, {2026, 12, 4});
    REQUIRE(days.size() == 1);
    CHECK(days[0].date == Date{2026, 12, 4});
    CHECK(days[0].held == 3);
}

TEST_CASE("a device expected back joins the pool from its day on", "[lending][availability]") {
    // Two on the shelf, one kept all week; a repaired one comes back 12/3, one already came back.
    const Pool pool{2, {{{2026, 12, 1}, {2026, 12, 7}, 1}}, {{{2026, 12, 3}, 1}, {{2026, 11, 20}, 1}}};
    CHECK(available_counts(pool, {2026, 12, 1}, {2026, 12, 4}) == std::vector<int>{2, 2, 3, 3});
    CHECK(availability(pool, {2026, 12, 3}, {2026, 12, 3})[0].returning == 1);
}

TEST_CASE("more held than the pool has shows none free, never a negative count", "[lending][availability]") {
    const Pool pool{1, {{{2026, 12, 1}, {2026, 12, 2}, 3}}, {}};
    CHECK(available_counts(pool, {2026, 12, 1}, {2026, 12, 3}) == std::vector<int>{0, 0, 1});
    CHECK(availability(pool, {2026, 12, 3}, {2026, 12, 1}).empty());
}

TEST_CASE("a request fits only when every day of its period has enough devices", "[lending][availability]") {
    const Pool pool{2, {{{2026, 12, 3}, {2026, 12, 3}, 1}}, {}};
    CHECK(can_lend(pool, 2, {2026, 12, 1}, {2026, 12, 2}));
    CHECK_FALSE(can_lend(pool, 2, {2026, 12, 1}, {2026, 12, 3}));
    CHECK(can_lend(pool, 1, {2026, 12, 1}, {2026, 12, 5}));
    CHECK_FALSE(can_lend(pool, 3, {2026, 12, 1}, {2026, 12, 1}));
}

TEST_CASE("the earliest start is the first day opening a long enough run of free days", "[lending][availability]") {
    // One device: lent 12/1–12/4 and again 12/8–12/10; a gap of three days (12/5–12/7) between.
    const Pool pool{1, {{{2026, 12, 1}, {2026, 12, 4}, 1}, {{2026, 12, 8}, {2026, 12, 10}, 1}}, {}};
    CHECK(earliest_start(pool, 1, 3, {2026, 12, 1}, {2027, 1, 31}) == Date{2026, 12, 5});
    // Four days do not fit in the gap: after the second loan.
    CHECK(earliest_start(pool, 1, 4, {2026, 12, 1}, {2027, 1, 31}) == Date{2026, 12, 11});
    // Asked from inside the gap, the rest of the gap no longer suffices for three days.
    CHECK(earliest_start(pool, 1, 3, {2026, 12, 6}, {2027, 1, 31}) == Date{2026, 12, 11});
    // Two devices never exist in this pool.
    CHECK_FALSE(earliest_start(pool, 2, 1, {2026, 12, 1}, {2027, 1, 31}));
    // The last start allowed bounds the search.
    CHECK_FALSE(earliest_start(pool, 1, 4, {2026, 12, 1}, {2026, 12, 10}));
    CHECK(earliest_start(pool, 1, 4, {2026, 12, 1}, {2026, 12, 11}) == Date{2026, 12, 11});
}

TEST_CASE("an expected return makes a later start possible", "[lending][availability]") {
    const Pool pool{0, {}, {{{2026, 12, 9}, 1}}};
    CHECK(earliest_start(pool, 1, 2, {2026, 12, 1}, {2026, 12, 31}) == Date{2026, 12, 9});
}
