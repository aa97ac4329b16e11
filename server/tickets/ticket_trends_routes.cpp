#include "tickets/ticket_trends_routes.hpp"

#include <variant>

#include "calendar/calendar_params.hpp"
#include "calendar/holidays.hpp"
#include "http/errors.hpp"
#include "http/query_params.hpp"
#include "http/transaction_reply.hpp"
#include "store/read_snapshot.hpp"
#include "tickets/ticket_trends_csv.hpp"
#include "tickets/ticket_trends_store.hpp"

namespace madoguchi::server::tickets {
namespace {

namespace domain = madoguchi::tickets;
using http::Access;
using http::RequestContext;
using madoguchi::identity::Role;

struct TrendRequest {
    domain::TrendPeriod period;
    i18n::Language language = i18n::Language::ja;
};

struct Refusal {
    int status;
    api::ApiError error;
};

// from, to: Tokyo dates (400 when missing or malformed, as every parameter of the API);
// a range that runs backwards, over two years or off the supported calendar is 422.
std::variant<TrendRequest, Refusal> parse_trend_request(const httplib::Request& request) {
    auto error = api::make_error("invalid_parameter");
    const auto from = check_date_param(http::query_param(request, "from"));
    const auto to = check_date_param(http::query_param(request, "to"));
    if (!from.date) api::add_field(error, "from", from.problem);
    if (!to.date) api::add_field(error, "to", to.problem);
    TrendRequest trend;
    const auto language = http::query_param(request, "lang").value_or("ja");
    if (language == "en") {
        trend.language = i18n::Language::en;
    } else if (language != "ja") {
        api::add_field(error, "lang", "field.unknown_language");
    }
    if (!error.fields.empty()) return Refusal{400, error};
    trend.period = {*from.date, *to.date};
    switch (domain::check_trend_period(trend.period)) {
        case domain::TrendRangeProblem::reversed: api::add_field(error, "from", "field.inverted_range"); break;
        case domain::TrendRangeProblem::too_long: api::add_field(error, "to", "field.trend_range_too_long"); break;
        case domain::TrendRangeProblem::none:
            if (!calendar::is_supported(*from.date)) api::add_field(error, "from", "field.out_of_supported_range");
            if (!calendar::is_supported(*to.date)) api::add_field(error, "to", "field.out_of_supported_range");
    }
    if (!error.fields.empty()) return Refusal{422, error};
    return trend;
}

// Computes the trends, or answers the refusal and returns nothing.
std::optional<std::pair<domain::TicketTrends, i18n::Language>> trends_asked(store::SharedDatabase& database,
                                                                           const httplib::Request& request,
                                                                           httplib::Response& response) {
    const auto parsed = parse_trend_request(request);
    if (const auto* refusal = std::get_if<Refusal>(&parsed)) {
        http::send_error(response, refusal->status, refusal->error);
        return std::nullopt;
    }
    const auto& asked = std::get<TrendRequest>(parsed);
    // A year of tickets takes seconds to read: not on the shared connection, which every
    // other request waits for.
    auto rows = store::read_snapshot(database, [&](store::Database& connection) { return trend_tickets(connection, asked.period); });
    if (!rows) {
        http::send_failure(request, response, rows.error());
        return std::nullopt;
    }
    return std::pair{domain::compute_trends(rows.value(), asked.period, calendar::now()), asked.language};
}

}  // namespace

void add_ticket_trend_routes(http::Router& router, store::SharedDatabase& database) {
    // Aggregates over every ticket: for those who see every ticket, not staff or managers.
    const auto readers = Access::roles_of({Role::desk_operator, Role::it_office, Role::auditor, Role::admin});
    router.add({"GET", "/api/v1/tickets/trends", "getTicketTrends", readers,
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext&) {
                    if (auto trends = trends_asked(database, request, response)) {
                        http::send_json(response, 200, domain::to_json(trends->first));
                    }
                }});
    router.add({"GET", "/api/v1/tickets/trends.csv", "exportTicketTrends", readers,
                [&database](const httplib::Request& request, httplib::Response& response, const RequestContext&) {
                    if (auto trends = trends_asked(database, request, response)) {
                        const auto& period = trends->first.period;
                        std::string disposition = "attachment; filename=\"ticket-trends-";
                        disposition.append(calendar::format_date(period.from)).append("-");
                        disposition.append(calendar::format_date(period.to)).append(".csv\"");
                        response.set_header("Content-Disposition", disposition);
                        response.set_content(trends_csv(trends->first, trends->second), "text/csv; charset=utf-8");
                    }
                }});
}

}  // namespace madoguchi::server::tickets
