// Signing in and out over real HTTP: the cookie, the CSRF token, timeouts, password changes,
// and answers that say nothing about which accounts exist.
#include <catch2/catch.hpp>

#include <thread>

#include "identity_test_support.hpp"
#include "inquiry_test_support.hpp"
#include "server_test_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;

namespace {

httplib::Result post_credentials(const RunningApp& server, const std::string& login, const std::string& password,
                                 httplib::Headers headers = {}) {
    return server.client()->Post("/api/v1/session", headers, json{{"login", login}, {"password", password}}.dump(),
                                 "application/json");
}

std::int64_t audit_count(const RunningApp& server, const std::string& action) {
    return count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = '" + action + "'");
}

}  // namespace

TEST_CASE("signing in sets an HttpOnly SameSite=Strict cookie and answers the user with a CSRF token", "[identity][session]") {
    RunningApp server;
    add_user(server, {"suzuki", {Role::staff, Role::manager}});
    const auto response = post_credentials(server, "Suzuki", test_password);
    REQUIRE(response);
    CHECK(response->status == 200);
    const auto cookie = response->get_header_value("Set-Cookie");
    CHECK(cookie.starts_with("madoguchi_session="));
    CHECK(cookie.find("; HttpOnly") != std::string::npos);
    CHECK(cookie.find("; SameSite=Strict") != std::string::npos);
    CHECK(cookie.find("; Path=/") != std::string::npos);
    CHECK(cookie.find("Secure") == std::string::npos);  // plain HTTP here
    const auto body = json_of(response);
    CHECK(body["user"]["login"] == "suzuki");
    CHECK(body["user"]["roles"] == json{"staff", "manager"});
    CHECK_FALSE(body["user"].contains("password_hash"));
    CHECK(body["csrf_token"].get<std::string>().size() >= 32);
    CHECK(audit_count(server, "session.login") == 1);

    auto signed_in = sign_in(server, "suzuki");
    const auto me = json_of(signed_in.client->Get("/api/v1/me"));
    CHECK(me["user"]["login"] == "suzuki");
    CHECK(me["csrf_token"] == signed_in.csrf_token);
}

TEST_CASE("the cookie is Secure when the server is configured for TLS", "[identity][session]") {
    madoguchi::server::identity::IdentityConfig config;
    config.secure_cookies = true;
    RunningApp server({}, {}, config);
    add_user(server, {"suzuki", {Role::staff}});
    const auto response = post_credentials(server, "suzuki", test_password);
    REQUIRE(response);
    CHECK(response->get_header_value("Set-Cookie").find("; Secure") != std::string::npos);
}

TEST_CASE("wrong password, unknown login, disabled account and no password all get the same 401", "[identity][session]") {
    RunningApp server;
    add_user(server, {"suzuki", {Role::staff}});
    add_user(server, {"tanaka", {Role::staff}});
    auto admin = signed_in_user(server, {"admin1", {Role::admin}});
    const auto tanaka = json_of(admin.client->Get("/api/v1/users?q=tanaka"))["users"][0];
    REQUIRE(audited(server, [&] {
                return admin.client->Patch(("/api/v1/users/" + std::to_string(tanaka["id"].get<int>())).c_str(),
                                           R"({"disabled":true})", "application/json");
            })->status == 200);
    const auto created = audited(server, [&] {
        return admin.client->Post("/api/v1/users",
                                  R"({"login":"nopass","name":"未設定 太郎","division_code":"D-TEST","roles":["staff"]})",
                                  "application/json");
    });
    REQUIRE(created->status == 201);
    CHECK(json_of(created)["user"]["has_password"] == false);

    const auto wrong = post_credentials(server, "suzuki", "not the password");
    const auto unknown = post_credentials(server, "nobody", test_password);
    const auto disabled = post_credentials(server, "tanaka", test_password);
    const auto no_password = post_credentials(server, "nopass", "");
    for (const auto* response : {&wrong, &unknown, &disabled, &no_password}) {
        REQUIRE(*response);
        CHECK((*response)->status == 401);
        CHECK((*response)->body == wrong->body);
        CHECK_FALSE((*response)->has_header("Set-Cookie"));
    }
    CHECK(json_of(wrong)["error"]["code"] == "invalid_credentials");
    // The audit trail tells the admin what the answer does not.
    CHECK(count_rows(server.database_path(),
                     "SELECT count(*) FROM audit_log WHERE action = 'session.login_failed' AND "
                     "after_json ->> '$.reason' IN ('wrong_password', 'unknown_login', 'disabled')") == 4);
}

TEST_CASE("a malformed sign-in is a 400 naming the fields, never a 500", "[identity][session]") {
    RunningApp server;
    auto client = server.client();
    CHECK(error_fields(client->Post("/api/v1/session", "not json", "application/json")) == std::vector<std::string>{""});
    CHECK(error_fields(client->Post("/api/v1/session", R"({"login":1,"password":["x"]})", "application/json")) ==
          std::vector<std::string>{"login", "password"});
    CHECK(error_fields(client->Post("/api/v1/session", R"({"login":"a","password":"b","remember":true})",
                                    "application/json")) == std::vector<std::string>{"remember"});
    const auto huge = client->Post("/api/v1/session", json{{"login", std::string(100000, 'a')}, {"password", "x"}}.dump(),
                                   "application/json");
    REQUIRE(huge);
    CHECK(huge->status == 401);
}

TEST_CASE("signing out ends the session on the server, so the old cookie is worthless", "[identity][session]") {
    RunningApp server;
    auto signed_in = signed_in_user(server, {"suzuki", {Role::staff}});
    const auto out = audited(server, [&] { return signed_in.client->Delete("/api/v1/session"); });
    REQUIRE(out);
    CHECK(out->status == 204);
    CHECK(out->get_header_value("Set-Cookie").find("Max-Age=0") != std::string::npos);
    const auto after = signed_in.client->Get("/api/v1/me");
    REQUIRE(after);
    CHECK(after->status == 401);
    CHECK(json_of(after)["error"]["code"] == "unauthenticated");
    CHECK(audit_count(server, "session.logout") == 1);
}

TEST_CASE("a session ends after the idle timeout and after the absolute timeout", "[identity][session]") {
    SECTION("idle") {
        madoguchi::server::identity::IdentityConfig config;
        config.session.idle_timeout = std::chrono::seconds(1);
        RunningApp server({}, {}, config);
        auto signed_in = signed_in_user(server, {"suzuki", {Role::staff}});
        std::this_thread::sleep_for(std::chrono::milliseconds(2100));
        CHECK(signed_in.client->Get("/api/v1/me")->status == 401);
    }
    SECTION("absolute, however busy the user") {
        madoguchi::server::identity::IdentityConfig config;
        // Times are kept to the second: 3 s is sure to have passed after 3.2 s, and not after 1.1 s.
        config.session.absolute_timeout = std::chrono::seconds(3);
        RunningApp server({}, {}, config);
        auto signed_in = signed_in_user(server, {"suzuki", {Role::staff}});
        CHECK(signed_in.client->Get("/api/v1/me")->status == 200);
        std::this_thread::sleep_for(std::chrono::milliseconds(1100));
        CHECK(signed_in.client->Get("/api/v1/me")->status == 200);
        std::this_thread::sleep_for(std::chrono::milliseconds(2100));
        CHECK(signed_in.client->Get("/api/v1/me")->status == 401);
    }
}

TEST_CASE("changing one's password ends the other sessions and keeps this one", "[identity][session]") {
    RunningApp server;
    auto here = signed_in_user(server, {"suzuki", {Role::staff}});
    auto elsewhere = sign_in(server, "suzuki");
    const auto wrong_current = here.client->Put(
        "/api/v1/me/password", json{{"current_password", "guess"}, {"new_password", "a much longer secret"}}.dump(),
        "application/json");
    CHECK(wrong_current->status == 422);
    CHECK(error_fields(wrong_current) == std::vector<std::string>{"current_password"});
    const auto too_short = here.client->Put(
        "/api/v1/me/password", json{{"current_password", test_password}, {"new_password", "short"}}.dump(),
        "application/json");
    CHECK(error_fields(too_short) == std::vector<std::string>{"new_password"});

    const auto changed = audited(server, [&] {
        return here.client->Put("/api/v1/me/password",
                                json{{"current_password", test_password}, {"new_password", "新しい合言葉は長めにします"}}.dump(),
                                "application/json");
    });
    CHECK(changed->status == 204);
    CHECK(here.client->Get("/api/v1/me")->status == 200);
    CHECK(elsewhere.client->Get("/api/v1/me")->status == 401);
    CHECK(post_credentials(server, "suzuki", test_password)->status == 401);
    CHECK(post_credentials(server, "suzuki", "新しい合言葉は長めにします")->status == 200);
}

TEST_CASE("a state-changing request needs the session's CSRF token and the same origin", "[identity][csrf]") {
    RunningApp server;
    auto signed_in = signed_in_user(server, {"suzuki", {Role::staff}});
    auto bare = server.client();
    const auto body = sample_inquiry().dump();

    bare->set_default_headers({{"Cookie", signed_in.cookie}});
    const auto missing = bare->Post("/api/v1/inquiries", body, "application/json");
    CHECK(missing->status == 403);
    CHECK(json_of(missing)["error"]["code"] == "csrf_failed");
    bare->set_default_headers({{"Cookie", signed_in.cookie}, {"X-CSRF-Token", std::string(43, 'x')}});
    CHECK(bare->Post("/api/v1/inquiries", body, "application/json")->status == 403);
    // Reads need no token.
    CHECK(bare->Get("/api/v1/inquiries")->status == 200);

    const auto cross_site = signed_in.client->Post("/api/v1/inquiries", {{"Origin", "http://evil.example"}}, body,
                                                   "application/json");
    CHECK(cross_site->status == 403);
    CHECK(json_of(cross_site)["error"]["code"] == "cross_origin");
    CHECK(signed_in.client->Post("/api/v1/inquiries", {{"Sec-Fetch-Site", "cross-site"}}, body, "application/json")->status ==
          403);
    const auto login_from_elsewhere = post_credentials(server, "suzuki", test_password, {{"Origin", "http://evil.example"}});
    CHECK(login_from_elsewhere->status == 403);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM inquiries") == 0);
    CHECK(audit_count(server, "access.denied") == 2);

    const auto same_origin = audited(server, [&] {
        return signed_in.client->Post("/api/v1/inquiries",
                                      {{"Origin", "http://127.0.0.1:" + std::to_string(server.port())},
                                       {"Sec-Fetch-Site", "same-origin"}},
                                      body, "application/json");
    });
    CHECK(same_origin->status == 201);
}
