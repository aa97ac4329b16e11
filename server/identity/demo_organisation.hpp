#pragma once
// A demo ministry to try the app with at once: a divisions tree (大臣官房, bureaus, the
// Patent Office, regional bureaus) and one or more accounts of every role, each with a
// fresh random password.
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "identity/user_store.hpp"

namespace madoguchi::server::identity {

struct DemoAccount {
    UserFields fields;
    std::string password;  // 16 random characters, shown once to the operator
    std::string password_hash;
};

// The demo accounts with fresh passwords, hashed (about a second: hashing is slow on purpose,
// so it is done before the transaction); empty when hashing runs out of memory.
std::optional<std::vector<DemoAccount>> demo_accounts();

// Adds the divisions and the accounts with their audit records; run it inside a transaction
// on a database without users.
store::Status seed_demo_organisation(store::Database& database, const std::vector<DemoAccount>& accounts,
                                     const audit::Actor& actor);

// 16 characters from letters and digits that cannot be mistaken for each other (no 0/O, 1/l/I),
// drawn with libsodium's randombytes.
std::string random_demo_password();

}  // namespace madoguchi::server::identity
