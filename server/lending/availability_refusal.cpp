#include "lending/availability_refusal.hpp"

#include <algorithm>

#include "calendar/business_calendar.hpp"
#include "lending/loan_request.hpp"

namespace madoguchi::server::lending {
namespace {

std::optional<calendar::Date> earliest_fit(const madoguchi::lending::Pool& pool, const AskedPeriod& asked,
                                           const madoguchi::lending::LoanRule& rule, const calendar::Date& today) {
    const auto days = madoguchi::lending::loan_days(asked.start, asked.due);
    const auto last = calendar::add_days(today, 365);
    auto from = std::max(today, calendar::add_days(asked.start, 1));
    while (true) {
        const auto found = madoguchi::lending::earliest_start(pool, asked.quantity, days, from, last);
        if (!found || rule.closed_day_due_allowed) return found;
        const auto due = calendar::add_days(*found, days - 1);
        if (calendar::is_business_day(*found) && calendar::is_business_day(due)) return found;
        from = calendar::add_days(*found, 1);
    }
}

}  // namespace

http::Reply not_available(const madoguchi::lending::Pool& pool, const AskedPeriod& asked,
                          const madoguchi::lending::LoanRule& rule, const calendar::Date& today) {
    const auto earliest = earliest_fit(pool, asked, rule, today);
    auto body = api::to_json(api::field_error("not_available", "start_date", "field.not_available"));
    body["earliest_start"] = earliest ? nlohmann::json(calendar::format_date(*earliest)) : nlohmann::json(nullptr);
    if (earliest) {
        const auto days = madoguchi::lending::loan_days(asked.start, asked.due);
        body["earliest_due"] = calendar::format_date(calendar::add_days(*earliest, days - 1));
    }
    return {409, body};
}

std::optional<http::Reply> unavailable(const madoguchi::lending::Pool& pool, const AskedPeriod& asked,
                                       const madoguchi::lending::LoanRule& rule, const calendar::Date& today) {
    if (madoguchi::lending::can_lend(pool, asked.quantity, asked.start, asked.due)) return std::nullopt;
    return not_available(pool, asked, rule, today);
}

}  // namespace madoguchi::server::lending
