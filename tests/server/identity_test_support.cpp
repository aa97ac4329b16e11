#include "identity_test_support.hpp"

#include <catch2/catch.hpp>

#include "calendar/tokyo_time.hpp"
#include "identity/division_store.hpp"
#include "identity/password.hpp"
#include "identity/user_store.hpp"
#include "store/database.hpp"

namespace madoguchi::testing {
namespace {

// Hashing costs tens of milliseconds; every test user shares one hash of test_password.
const std::string& test_password_hash() {
    static const std::string hash = server::identity::hash_password(test_password).value();
    return hash;
}

}  // namespace

std::int64_t add_user(const RunningApp& server, const TestUser& user) { return add_user(server.database_path(), user); }

std::int64_t add_user(const std::filesystem::path& database_path, const TestUser& user) {
    auto opened = server::store::Database::open(database_path);
    REQUIRE(opened);
    auto& database = opened.value();
    std::int64_t id = 0;
    auto committed = database.transaction([&]() -> server::store::Status {
        if (auto bureau = server::identity::upsert_division(database, {"B-TEST", "", "試験局", "Test bureau"}); !bureau) {
            return bureau;
        }
        auto existing = server::identity::find_division(database, user.division);
        if (!existing) return server::store::Error{existing.error()};
        if (!existing.value()) {
            auto added = server::identity::upsert_division(database, {user.division, "B-TEST", user.division + "課", user.division});
            if (!added) return added;
        }
        madoguchi::identity::UserFields fields;
        fields.login = user.login;
        fields.name = "試験 " + user.login;
        fields.division_code = user.division;
        fields.roles = user.roles;
        fields.vendor_company = user.vendor_company;
        if (fields.vendor_company.empty() && madoguchi::identity::has_role(user.roles, Role::vendor)) {
            fields.vendor_company = "試験ベンダー株式会社";
        }
        REQUIRE(madoguchi::identity::validate(fields).empty());
        auto inserted = server::identity::insert_user(database, fields, test_password_hash(), calendar::now());
        if (!inserted) return server::store::Error{inserted.error()};
        id = inserted.value();
        return server::store::success();
    });
    if (!committed) FAIL(committed.error());
    return id;
}

SignedIn sign_in(const RunningApp& server, const std::string& login, const std::string& password) {
    return sign_in(server.port(), login, password);
}

SignedIn sign_in(int port, const std::string& login, const std::string& password) {
    auto client = std::make_unique<httplib::Client>("127.0.0.1", port);
    client->set_read_timeout(10, 0);
    const auto response = client->Post("/api/v1/session", nlohmann::json{{"login", login}, {"password", password}}.dump(),
                                       "application/json");
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 200);
    const auto cookie_header = response->get_header_value("Set-Cookie");
    const auto cookie = cookie_header.substr(0, cookie_header.find(';'));
    const auto body = json_of(response);
    SignedIn signed_in{std::move(client), body["user"], body["csrf_token"].get<std::string>(), cookie};
    signed_in.client->set_default_headers({{"Cookie", cookie}, {"X-CSRF-Token", signed_in.csrf_token}});
    return signed_in;
}

SignedIn signed_in_user(const RunningApp& server, const TestUser& user) {
    add_user(server, user);
    return sign_in(server, user.login);
}

std::int64_t audit_rows(const RunningApp& server) {
    auto opened = server::store::Database::open(server.database_path());
    REQUIRE(opened);
    auto count = opened.value().query_int("SELECT count(*) FROM audit_log");
    REQUIRE(count);
    return count.value().value_or(0);
}

httplib::Result audited(const RunningApp& server, const std::function<httplib::Result()>& mutation) {
    const auto before = audit_rows(server);
    auto result = mutation();
    if (result && result->status >= 200 && result->status < 300) {
        INFO("a successful " << result->status << " left no audit record: " << result->body);
        CHECK(audit_rows(server) > before);
    }
    return result;
}

}  // namespace madoguchi::testing
