#pragma once
// The fingerprint of a request body that tells "the same submission again" from "another
// submission under a reused key".
#include <string>
#include <string_view>

namespace madoguchi::server::idempotency {

// SHA-256 of the bytes, as 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

}  // namespace madoguchi::server::idempotency
