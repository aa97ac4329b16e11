#pragma once
// Paging parameters of the API's lists and the numeric id in paths like /inquiries/{id}.
#include <httplib.h>

#include <cstdint>
#include <string>
#include <variant>

#include "api/api_error.hpp"

namespace madoguchi::server::http {

inline constexpr std::int64_t default_page_size = 50;
inline constexpr std::int64_t max_page_size = 200;

struct Page {
    std::int64_t limit = default_page_size;
    std::int64_t offset = 0;
};

// limit: 1..200 (default 50); offset: 0 or more (default 0). Each problem a field of one
// invalid_parameter error.
std::variant<Page, api::ApiError> parse_page(const httplib::Request& request);

// A whole number, or an invalid_parameter error naming "id".
std::variant<std::int64_t, api::ApiError> parse_id(const std::string& text);

}  // namespace madoguchi::server::http
