#pragma once
// The Idempotency-Key request header: a client-chosen name for one logical submission (an
// offline draft's UUID), so a retried or doubled POST creates its record only once.
#include <httplib.h>

#include <cstddef>
#include <optional>
#include <string>
#include <variant>

#include "api/api_error.hpp"

namespace madoguchi::server::idempotency {

inline constexpr const char* key_header = "Idempotency-Key";
inline constexpr std::size_t max_key_length = 255;

// No key (the header is absent), the key, or a 400 invalid_parameter error naming the header
// when it is longer than 255, repeated, or has anything but printable ASCII (0x20–0x7E).
// httplib 0.11 drops a header line whose value is empty, so "Idempotency-Key:" counts as absent.
std::variant<std::optional<std::string>, api::ApiError> read_key(const httplib::Request& request);

}  // namespace madoguchi::server::idempotency
