#include "http/query_params.hpp"

#include <charconv>

namespace madoguchi::server::http {

std::optional<std::string> query_param(const httplib::Request& request, const std::string& name) {
    if (!request.has_param(name)) return std::nullopt;
    auto value = request.get_param_value(name);
    if (value.empty()) return std::nullopt;
    return value;
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
    std::int64_t value = 0;
    const auto* end = text.data() + text.size();
    const auto [stopped, failure] = std::from_chars(text.data(), end, value);
    if (text.empty() || failure != std::errc() || stopped != end) return std::nullopt;
    return value;
}

}  // namespace madoguchi::server::http
