#pragma once
// 貸出可能数の見通し (availability over time): how many devices of one pool (a class, at a
// pickup location) can be lent on each day, from the devices the pool holds, the days each
// reservation or loan keeps some of them, and devices expected back on a date (repairs).
// Pure arithmetic, so the server's refusals, the client's calendar and the safety-stock work
// read the same numbers.
#include <optional>
#include <vector>

#include "calendar/civil_date.hpp"

namespace madoguchi::lending {

// Devices kept from `from` through `until` (both included): an approved request's
// reservation or a loan until its due date (an overdue loan: until today, the caller decides).
struct Hold {
    calendar::Date from;
    calendar::Date until;
    int quantity = 1;
};

// Devices outside the pool now that join it on `on` (a repair's expected return).
struct ExpectedReturn {
    calendar::Date on;
    int quantity = 1;
};

struct Pool {
    int devices = 0;  // lendable devices of the pool today, held or not
    std::vector<Hold> holds;
    std::vector<ExpectedReturn> returns;
};

struct DayAvailability {
    calendar::Date date;
    int available = 0;  // devices free that day (never below 0)
    int held = 0;       // devices kept by holds that day
    int returning = 0;  // devices expected back that day
};

// One entry per day from `from` through `to` (empty when to < from).
std::vector<DayAvailability> availability(const Pool& pool, const calendar::Date& from, const calendar::Date& to);

// Whether `quantity` devices are free on every day from `start` through `due`.
bool can_lend(const Pool& pool, int quantity, const calendar::Date& start, const calendar::Date& due);

// The earliest start on or after `not_before` and not after `last_start` from which
// `quantity` devices are free for `days` days in a row; empty when none is.
std::optional<calendar::Date> earliest_start(const Pool& pool, int quantity, int days, const calendar::Date& not_before,
                                             const calendar::Date& last_start);

}  // namespace madoguchi::lending
