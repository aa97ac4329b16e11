#include "calendar/calendar_params.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>

#include "calendar/holidays.hpp"
#include "http/query_params.hpp"

namespace madoguchi::server {
namespace {

template <class T>
struct Checked {
    std::optional<T> value;
    std::string_view problem;  // catalog key "field.…" when value is empty
};

bool has_date_shape(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) || c == '-'; });
}

// Shape and existence only; the supported range is checked after the cross-field rules.
Checked<calendar::Date> check_date(const std::optional<std::string>& text) {
    const auto checked = check_date_param(text);
    return {checked.date, checked.problem};
}

Checked<calendar::Instant> check_start(const std::optional<std::string>& text) {
    if (!text) return {std::nullopt, "field.required"};
    const auto parsed = calendar::parse_iso8601(*text);
    if (!parsed.instant) {
        switch (parsed.error) {
            case calendar::Iso8601Error::empty: return {std::nullopt, "field.required"};
            case calendar::Iso8601Error::missing_offset: return {std::nullopt, "field.missing_offset"};
            case calendar::Iso8601Error::impossible_date: return {std::nullopt, "field.impossible_date"};
            case calendar::Iso8601Error::out_of_range: return {std::nullopt, "field.out_of_supported_range"};
            case calendar::Iso8601Error::malformed: return {std::nullopt, "field.invalid_instant"};
        }
        return {std::nullopt, "field.invalid_instant"};
    }
    if (!calendar::is_supported(calendar::to_tokyo(*parsed.instant).date)) {
        return {std::nullopt, "field.out_of_supported_range"};
    }
    return {parsed.instant, {}};
}

Checked<std::int64_t> check_minutes(const std::optional<std::string>& text) {
    if (!text) return {std::nullopt, "field.required"};
    const auto minutes = http::parse_integer(*text);
    if (!minutes) return {std::nullopt, "field.not_integer"};
    if (*minutes < 0) return {std::nullopt, "field.negative"};
    if (*minutes > max_deadline_minutes) return {std::nullopt, "field.too_large"};
    return {minutes, {}};
}

template <class T>
void note_problem(api::ApiError& error, std::string_view field, const Checked<T>& checked) {
    if (!checked.value) api::add_field(error, field, checked.problem);
}

bool spans_more_years_than(const calendar::Date& from, const calendar::Date& to, int years) {
    const calendar::Date limit{from.year + years, from.month, from.day};
    return to > limit;
}

}  // namespace

DateParam check_date_param(const std::optional<std::string>& text) {
    if (!text) return {std::nullopt, "field.required"};
    if (!has_date_shape(*text)) return {std::nullopt, "field.invalid_date"};
    const auto date = calendar::parse_date(*text);
    if (!date) return {std::nullopt, "field.impossible_date"};
    return {date, {}};
}

std::variant<HolidayQuery, api::ApiError> parse_holiday_query(const httplib::Request& request) {
    auto error = api::make_error("invalid_parameter");
    const auto from = check_date(http::query_param(request, "from"));
    const auto to = check_date(http::query_param(request, "to"));
    note_problem(error, "from", from);
    note_problem(error, "to", to);
    if (!error.fields.empty()) return error;

    // The range rules come before the supported-range check so that an absurd request
    // (0001-01-01..9999-12-31) is told it is too long rather than merely out of range.
    if (*from.value > *to.value) return api::add_field(error, "from", "field.inverted_range");
    if (spans_more_years_than(*from.value, *to.value, max_holiday_range_years)) {
        return api::add_field(error, "to", "field.range_too_long");
    }
    if (!calendar::is_supported(*from.value)) api::add_field(error, "from", "field.out_of_supported_range");
    if (!calendar::is_supported(*to.value)) api::add_field(error, "to", "field.out_of_supported_range");
    if (!error.fields.empty()) return error;
    return HolidayQuery{*from.value, *to.value};
}

std::variant<DeadlineQuery, api::ApiError> parse_deadline_query(const httplib::Request& request) {
    auto error = api::make_error("invalid_parameter");
    const auto start = check_start(http::query_param(request, "start"));
    const auto minutes = check_minutes(http::query_param(request, "minutes"));
    note_problem(error, "start", start);
    note_problem(error, "minutes", minutes);
    if (!error.fields.empty()) return error;
    return DeadlineQuery{*start.value, *minutes.value};
}

}  // namespace madoguchi::server
