// Password guessing slows down: per login after 5 failures, per address after more, with the
// same answers for accounts that exist and accounts that do not; admins see and lift blocks.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "identity_test_support.hpp"
#include "inquiry_test_support.hpp"
#include "server_test_support.hpp"
#include "store/database.hpp"

using namespace madoguchi::testing;
using nlohmann::json;

namespace {

httplib::Result attempt(const RunningApp& server, const std::string& login, const std::string& password) {
    return server.client()->Post("/api/v1/session", json{{"login", login}, {"password", password}}.dump(),
                                 "application/json");
}

madoguchi::server::identity::IdentityConfig slow_throttle() {
    madoguchi::server::identity::IdentityConfig config;
    // Long enough that no block runs out while the test looks at it.
    config.throttle.first_delay_seconds = 60;
    return config;
}

}  // namespace

TEST_CASE("five failures block the login, even for the right password", "[identity][throttle]") {
    RunningApp server({}, {}, slow_throttle());
    add_user(server, {"suzuki", {Role::staff}});
    for (int failure = 1; failure <= 4; ++failure) CHECK(attempt(server, "suzuki", "wrong")->status == 401);
    // The fifth failure sets the block.
    CHECK(attempt(server, "suzuki", "wrong")->status == 401);
    const auto blocked = attempt(server, "suzuki", test_password);
    REQUIRE(blocked);
    CHECK(blocked->status == 429);
    CHECK(json_of(blocked)["error"]["code"] == "too_many_attempts");
    const auto wait = std::stoi(blocked->get_header_value("Retry-After"));
    CHECK(wait > 50);
    CHECK(wait <= 60);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'session.login_blocked'") == 1);
    // Other people at the same address are not held up by one person's typing.
    add_user(server, {"sato", {Role::staff}});
    CHECK(attempt(server, "sato", test_password)->status == 200);
}

TEST_CASE("each failure after a block doubles the next block", "[identity][throttle]") {
    RunningApp server({}, {}, slow_throttle());
    add_user(server, {"suzuki", {Role::staff}});
    const auto block_seconds = [&] {
        return count_rows(server.database_path(),
                          "SELECT unixepoch(blocked_until) - unixepoch(last_failure_at) FROM login_throttle "
                          "WHERE key = 'login:suzuki'");
    };
    for (int failure = 1; failure <= 5; ++failure) CHECK(attempt(server, "suzuki", "wrong")->status == 401);
    CHECK(block_seconds() == 60);
    for (const int expected : {120, 240}) {
        // Let the block run out without waiting for it: the next failure is then counted.
        auto database = madoguchi::server::store::Database::open(server.database_path());
        REQUIRE(database);
        REQUIRE(database.value().execute("UPDATE login_throttle SET blocked_until = last_failure_at"));
        CHECK(attempt(server, "suzuki", "wrong")->status == 401);
        CHECK(block_seconds() == expected);
        CHECK(attempt(server, "suzuki", test_password)->status == 429);
    }
}

TEST_CASE("an unknown login is blocked exactly like a real one: the block tells nothing", "[identity][throttle]") {
    RunningApp server({}, {}, slow_throttle());
    add_user(server, {"suzuki", {Role::staff}});
    for (int failure = 1; failure <= 5; ++failure) {
        CHECK(attempt(server, "suzuki", "wrong")->status == 401);
        CHECK(attempt(server, "nobody", "wrong")->status == 401);
    }
    const auto real = attempt(server, "suzuki", "wrong");
    const auto unknown = attempt(server, "nobody", "wrong");
    CHECK(real->status == 429);
    CHECK(unknown->status == 429);
    CHECK(real->body == unknown->body);
    // The two answers are a moment apart, so their waits may differ by a second.
    CHECK(std::abs(std::stoi(real->get_header_value("Retry-After")) - std::stoi(unknown->get_header_value("Retry-After"))) <= 1);
}

TEST_CASE("enough failures from one address block every login from it", "[identity][throttle]") {
    // 30 by default; fewer here, as each failure costs a password hash.
    auto config = slow_throttle();
    config.throttle.address_threshold = 8;
    RunningApp server({}, {}, config);
    add_user(server, {"suzuki", {Role::staff}});
    for (int failure = 1; failure <= 8; ++failure) {
        const auto login = "guess" + std::to_string(failure);
        CHECK(attempt(server, login, "wrong")->status == 401);
    }
    CHECK(attempt(server, "suzuki", test_password)->status == 429);
}

TEST_CASE("admins see the blocked logins and lift a block", "[identity][throttle]") {
    RunningApp server({}, {}, slow_throttle());
    auto admin = signed_in_user(server, {"admin1", {Role::admin}});
    add_user(server, {"suzuki", {Role::staff}});
    for (int failure = 1; failure <= 5; ++failure) attempt(server, "suzuki", "wrong");
    CHECK(attempt(server, "suzuki", test_password)->status == 429);

    const auto blocks = json_of(admin.client->Get("/api/v1/login-blocks"))["blocks"];
    REQUIRE(blocks.size() == 1);
    CHECK(blocks[0]["key"] == "login:suzuki");
    CHECK(blocks[0]["failures"] == 5);
    CHECK(blocks[0]["blocked"] == true);

    const auto lifted = audited(server, [&] { return admin.client->Delete("/api/v1/login-blocks/login:suzuki"); });
    CHECK(lifted->status == 204);
    CHECK(admin.client->Delete("/api/v1/login-blocks/login:suzuki")->status == 404);
    CHECK(attempt(server, "suzuki", test_password)->status == 200);
    CHECK(json_of(admin.client->Get("/api/v1/login-blocks"))["blocks"].empty());
}

TEST_CASE("a successful sign-in forgets the login's earlier failures", "[identity][throttle]") {
    RunningApp server({}, {}, slow_throttle());
    add_user(server, {"suzuki", {Role::staff}});
    for (int round = 0; round < 3; ++round) {
        for (int failure = 1; failure <= 4; ++failure) CHECK(attempt(server, "suzuki", "wrong")->status == 401);
        CHECK(attempt(server, "suzuki", test_password)->status == 200);
    }
}
