#include "calendar/calendar_routes.hpp"

#include "api/calendar_dto.hpp"
#include "calendar/business_calendar.hpp"
#include "calendar/calendar_params.hpp"
#include "calendar/holidays.hpp"
#include "http/errors.hpp"

namespace madoguchi::server {
namespace {

void get_holidays(const httplib::Request& request, httplib::Response& response, const http::RequestContext&) {
    const auto query = parse_holiday_query(request);
    if (const auto* error = std::get_if<api::ApiError>(&query)) return http::send_error(response, 400, *error);
    const auto& range = std::get<HolidayQuery>(query);
    http::send_json(response, 200, api::holidays_to_json(calendar::holidays_between(range.from, range.to)));
}

void get_deadline(const httplib::Request& request, httplib::Response& response, const http::RequestContext&) {
    const auto query = parse_deadline_query(request);
    if (const auto* error = std::get_if<api::ApiError>(&query)) return http::send_error(response, 400, *error);
    const auto& deadline = std::get<DeadlineQuery>(query);
    // The desk's own hours (8:30-18:15); vendor hours will get their own parameter.
    const calendar::BusinessCalendar desk_calendar;
    const auto due = desk_calendar.add_business_minutes(deadline.start, deadline.minutes);
    if (!due) {
        auto error = api::make_error("invalid_parameter");
        return http::send_error(response, 400, api::add_field(error, "minutes", "field.result_out_of_range"));
    }
    http::send_json(response, 200, {{"due", calendar::format_iso8601_tokyo(*due)}});
}

}  // namespace

void add_calendar_routes(http::Router& router) {
    router.add({"GET", "/api/v1/calendar/holidays", "getHolidays", http::Access::everyone(), get_holidays});
    router.add({"GET", "/api/v1/calendar/deadline", "getDeadline", http::Access::everyone(), get_deadline});
}

}  // namespace madoguchi::server
