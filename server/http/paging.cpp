#include "http/paging.hpp"

#include "http/query_params.hpp"

namespace madoguchi::server::http {

std::variant<Page, api::ApiError> parse_page(const httplib::Request& request) {
    auto error = api::make_error("invalid_parameter");
    Page page;
    if (const auto text = http::query_param(request, "limit")) {
        const auto limit = http::parse_integer(*text);
        if (!limit) {
            api::add_field(error, "limit", "field.not_integer");
        } else if (*limit < 1 || *limit > max_page_size) {
            api::add_field(error, "limit", "field.limit_out_of_range");
        } else {
            page.limit = *limit;
        }
    }
    if (const auto text = http::query_param(request, "offset")) {
        const auto offset = http::parse_integer(*text);
        if (!offset) {
            api::add_field(error, "offset", "field.not_integer");
        } else if (*offset < 0) {
            api::add_field(error, "offset", "field.negative");
        } else {
            page.offset = *offset;
        }
    }
    if (!error.fields.empty()) return error;
    return page;
}

std::variant<std::int64_t, api::ApiError> parse_id(const std::string& text) {
    if (const auto id = http::parse_integer(text)) return *id;
    auto error = api::make_error("invalid_parameter");
    return api::add_field(error, "id", "field.not_integer");
}

}  // namespace madoguchi::server::http
