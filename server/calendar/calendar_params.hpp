#pragma once
// Validation of the calendar API's query parameters. Each problem becomes a named field of
// one "invalid_parameter" error, worded by the catalog's "field.*" keys.
#include <httplib.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "api/api_error.hpp"
#include "calendar/civil_date.hpp"
#include "calendar/tokyo_time.hpp"

namespace madoguchi::server {

// Larger values are typing mistakes, not deadlines: 2,000,000 business minutes is about
// 14 years of service hours.
inline constexpr std::int64_t max_deadline_minutes = 2'000'000;
// A bound on the work and the response size of one holidays request.
inline constexpr int max_holiday_range_years = 200;

struct HolidayQuery {
    calendar::Date from;
    calendar::Date to;
};

struct DeadlineQuery {
    calendar::Instant start;
    std::int64_t minutes = 0;
};

// A query parameter's YYYY-MM-DD date that exists, or the catalog key of what is wrong with
// it ("field.required" when absent); other APIs' date parameters read the same way.
struct DateParam {
    std::optional<calendar::Date> date;
    std::string_view problem;
};
DateParam check_date_param(const std::optional<std::string>& text);

// from/to: required YYYY-MM-DD dates that exist; from <= to; at most 200 years apart;
// both inside the supported calendar.
std::variant<HolidayQuery, api::ApiError> parse_holiday_query(const httplib::Request& request);

// start: ISO 8601 with an offset, inside the supported calendar; minutes: a whole number
// 0..max_deadline_minutes.
std::variant<DeadlineQuery, api::ApiError> parse_deadline_query(const httplib::Request& request);

}  // namespace madoguchi::server
