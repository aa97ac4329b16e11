#pragma once
// Query-string access shared by the routes.
#include <httplib.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace madoguchi::server::http {

// The parameter's value; empty when it is absent or has no value ("?from=").
// A repeated parameter counts by its first occurrence, as openapi.json documents.
std::optional<std::string> query_param(const httplib::Request& request, const std::string& name);

// Strict decimal integer: an optional '-' and digits only, within 64 bits; no spaces,
// signs, exponents or trailing characters.
std::optional<std::int64_t> parse_integer(std::string_view text);

}  // namespace madoguchi::server::http
