#pragma once
// Signed-in clients for the server tests: users added straight into the app's database, then
// signed in over HTTP like a browser (session cookie + X-CSRF-Token on every request).
#include <httplib.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "identity/role.hpp"
#include "server_test_support.hpp"

namespace madoguchi::testing {

using madoguchi::identity::Role;

inline constexpr const char* test_password = "correct horse battery";
inline constexpr const char* test_division = "D-TEST";

struct TestUser {
    TestUser(std::string login_, std::vector<Role> roles_, std::string division_ = test_division,
             std::string vendor_company_ = {})
        : login(std::move(login_)),
          roles(std::move(roles_)),
          division(std::move(division_)),
          vendor_company(std::move(vendor_company_)) {}

    std::string login;
    std::vector<Role> roles;
    std::string division;
    std::string vendor_company;  // filled in for vendors when empty
};

// Adds the user (and its division, under a test bureau, when missing) with test_password.
std::int64_t add_user(const RunningApp& server, const TestUser& user);
// The same straight into a database file, e.g. before a `madoguchi serve` process opens it.
std::int64_t add_user(const std::filesystem::path& database, const TestUser& user);

struct SignedIn {
    std::unique_ptr<httplib::Client> client;  // sends the cookie and the CSRF token
    nlohmann::json user;
    std::string csrf_token;
    std::string cookie;  // "madoguchi_session=…"
};

// POST /api/v1/session; REQUIREs 200.
SignedIn sign_in(const RunningApp& server, const std::string& login, const std::string& password = test_password);
// The same with a server on 127.0.0.1:port (e.g. a `madoguchi serve` process).
SignedIn sign_in(int port, const std::string& login, const std::string& password = test_password);
SignedIn signed_in_user(const RunningApp& server, const TestUser& user);

std::int64_t audit_rows(const RunningApp& server);

// Runs a state-changing request and fails the test when it succeeded (2xx) without leaving
// an audit record: every mutation in the suite goes through here.
httplib::Result audited(const RunningApp& server, const std::function<httplib::Result()>& mutation);

}  // namespace madoguchi::testing
