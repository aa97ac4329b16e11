#include "lending/availability_routes.hpp"

#include "http/errors.hpp"
#include "http/query_params.hpp"
#include "http/transaction_reply.hpp"
#include "lending/availability_store.hpp"
#include "lending/rule_store.hpp"

namespace madoguchi::server::lending {
namespace {

constexpr int longest_range_days = 366;
constexpr int default_range_days = 28;

std::optional<calendar::Date> date_param(const httplib::Request& request, const std::string& name,
                                         const calendar::Date& fallback, api::ApiError& error) {
    const auto text = http::query_param(request, name);
    if (!text || text->empty()) return fallback;
    auto date = calendar::parse_date(*text);
    if (!date) api::add_field(error, name, "field.invalid_date");
    return date;
}

}  // namespace

void availability(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                  const http::RequestContext&) {
    const auto today = calendar::to_tokyo(calendar::now()).date;
    auto error = api::make_error("invalid_parameter");
    const auto class_code = http::query_param(request, "class").value_or("");
    const auto from = date_param(request, "from", today, error);
    const auto to = date_param(request, "to", calendar::add_days(from.value_or(today), default_range_days - 1), error);
    std::optional<std::int64_t> location;
    if (auto text = http::query_param(request, "location"); text && !text->empty()) {
        location = http::parse_integer(*text);
        if (!location || *location <= 0) api::add_field(error, "location", "field.not_positive");
    }
    if (class_code.empty()) api::add_field(error, "class", "field.required");
    if (from && to) {
        const auto days = calendar::days_from_civil(*to) - calendar::days_from_civil(*from) + 1;
        if (days < 1) api::add_field(error, "to", "field.inverted_range");
        if (days > longest_range_days) api::add_field(error, "to", "field.availability_range_too_long");
    }
    if (!error.fields.empty()) return http::send_error(response, 400, error);
    auto answer = database.use([&](store::Database& connection) -> store::Result<std::optional<nlohmann::json>> {
        auto rule = find_rule(connection, class_code);
        if (!rule) return store::Error{rule.error()};
        if (!rule.value()) return std::optional<nlohmann::json>();
        auto pool = load_pool(connection, {class_code, location, today});
        if (!pool) return store::Error{pool.error()};
        auto days = nlohmann::json::array();
        for (const auto& day : madoguchi::lending::availability(pool.value(), *from, *to)) {
            days.push_back({{"date", calendar::format_date(day.date)},
                            {"available", day.available},
                            {"held", day.held},
                            {"returning", day.returning}});
        }
        return std::optional<nlohmann::json>(nlohmann::json{{"class", class_code},
                                                            {"location_id", location ? nlohmann::json(*location) : nlohmann::json(nullptr)},
                                                            {"devices", pool.value().devices},
                                                            {"days", days}});
    });
    if (!answer) return http::send_failure(request, response, answer.error());
    if (!answer.value()) return http::send_error(response, 400, api::field_error("invalid_parameter", "class", "field.unknown_class"));
    http::send_json(response, 200, *answer.value());
}

}  // namespace madoguchi::server::lending
