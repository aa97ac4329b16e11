#include "idempotency/request_hash.hpp"

#include <sodium.h>

#include <stdexcept>

namespace madoguchi::server::idempotency {

std::string sha256_hex(std::string_view bytes) {
    // libsodium wants one sodium_init() before use; a function-local static runs it once, thread-safely.
    static const bool initialised = sodium_init() >= 0;
    if (!initialised) throw std::runtime_error("libsodium cannot initialise");
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

}  // namespace madoguchi::server::idempotency
