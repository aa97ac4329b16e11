#pragma once
// Password hashing: Argon2id through libsodium's crypto_pwhash_str (salt and parameters are
// inside the stored string, so the cost can be raised later without a migration).
#include <optional>
#include <string>
#include <string_view>

namespace madoguchi::server::identity {

// The stored form; empty when libsodium cannot allocate the memory the hash needs.
std::optional<std::string> hash_password(std::string_view password);

// Constant-time check of a password against a stored hash.
bool verify_password(const std::string& stored_hash, std::string_view password);

// Spends the time of one verification against a fixed hash, so an unknown login or a
// disabled account answers as slowly as a wrong password (no enumeration through timing).
void spend_verification_time(std::string_view password);

}  // namespace madoguchi::server::identity
