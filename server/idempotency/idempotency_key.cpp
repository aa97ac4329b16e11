#include "idempotency/idempotency_key.hpp"

#include <algorithm>

namespace madoguchi::server::idempotency {
namespace {

bool is_printable_ascii(char c) { return c >= 0x20 && c <= 0x7E; }

}  // namespace

std::variant<std::optional<std::string>, api::ApiError> read_key(const httplib::Request& request) {
    const auto count = request.get_header_value_count(key_header);
    if (count == 0) return std::optional<std::string>();
    auto key = request.get_header_value(key_header);
    // Two keys on one request cannot both name it.
    if (count > 1 || key.empty() || key.size() > max_key_length ||
        !std::all_of(key.begin(), key.end(), is_printable_ascii)) {
        auto error = api::make_error("invalid_parameter");
        return api::add_field(error, key_header, "field.invalid_idempotency_key");
    }
    return std::optional<std::string>(std::move(key));
}

}  // namespace madoguchi::server::idempotency
