#include "idempotency/request_hash.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace madoguchi::server::idempotency {

std::string sha256_hex(std::string_view bytes) {
    // OpenSSL's SHA-256 uses the processor's SHA instructions where it has them (libsodium's
    // does not): the audit chain hashes every record, 40,000 in one ledger import. Fetched
    // once, so each call skips the provider lookup; OpenSSL keeps it for the process.
    static EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (sha256 == nullptr || EVP_Digest(bytes.data(), bytes.size(), digest, &length, sha256, nullptr) != 1) {
        throw std::runtime_error("OpenSSL cannot compute SHA-256");
    }
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(length * 2);
    for (unsigned int index = 0; index < length; ++index) {
        hex += digits[digest[index] >> 4];
        hex += digits[digest[index] & 0x0F];
    }
    return hex;
}

}  // namespace madoguchi::server::idempotency
