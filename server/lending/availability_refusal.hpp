#pragma once
// The 409 not_available a request gets when its pool cannot cover every day of its period:
// with "earliest_start" (and "earliest_due"), the first start after the asked one, within a
// year of today, at which the same number of devices is free for the same number of days,
// on business days when the rule forbids closed ones; null when there is none.
#include <optional>

#include "http/transaction_reply.hpp"
#include "lending/availability.hpp"
#include "lending/loan_rules.hpp"

namespace madoguchi::server::lending {

struct AskedPeriod {
    int quantity = 1;
    calendar::Date start;
    calendar::Date due;
};

// Empty when the pool covers the period.
std::optional<http::Reply> unavailable(const madoguchi::lending::Pool& pool, const AskedPeriod& asked,
                                       const madoguchi::lending::LoanRule& rule, const calendar::Date& today);

// The refusal itself, also for a period the pool covers by count whose free devices are
// nevertheless kept on different days.
http::Reply not_available(const madoguchi::lending::Pool& pool, const AskedPeriod& asked,
                          const madoguchi::lending::LoanRule& rule, const calendar::Date& today);

}  // namespace madoguchi::server::lending
