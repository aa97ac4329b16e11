#pragma once
// Accounts for the client tests: users (and their divisions) written straight into the
// database of a running test server, as `madoguchi user add` would, and a client that signs
// in through its own API client and session, as the app does.
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "api/api_client.hpp"
#include "identity/role.hpp"
#include "support/server_process.hpp"

namespace madoguchi::testing {

inline constexpr const char* account_password = "correct horse battery";

// Adds the account (named "試験 <login>") with account_password; returns its id. The division
// is added under 試験局 when missing, named "<code>課".
std::int64_t add_account(const ServerProcess& server, const std::string& login, const std::vector<identity::Role>& roles,
                         const std::string& division = "D-TEST", const std::string& email = {});
// Adds `count` staff accounts "<prefix>001", "<prefix>002", … in one transaction.
void add_many_accounts(const ServerProcess& server, const std::string& prefix, int count);
// Adds a division (its parent must exist, or be empty).
void add_division(const ServerProcess& server, const std::string& code, const std::string& parent,
                  const std::string& name_ja);

// Drains `api` until `done()` or the patience runs out.
template <typename Done>
bool drain_until(client::ApiClient& api, Done done, std::chrono::seconds patience = std::chrono::seconds(15)) {
    const auto deadline = std::chrono::steady_clock::now() + patience;
    while (std::chrono::steady_clock::now() < deadline) {
        api.drain();
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return false;
}

}  // namespace madoguchi::testing
