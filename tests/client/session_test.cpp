// The session as the app lives it, against a real server process: signing in through the API
// client (cookie kept like a browser, CSRF token on every change), wrong and throttled
// sign-ins, an ended session and signing in again, offline start, signing out.
#include <catch2/catch.hpp>

#include "identity/session.hpp"
#include "platform/native/http_native.hpp"
#include "test_accounts.hpp"

using namespace madoguchi;
using client::ApiClient;
using client::ApiResult;
using client::Session;
using client::SessionState;
using identity::Role;
using i18n::Language;

namespace {

// One browser tab: its API client, transport (with its cookie jar) and session.
struct Tab {
    explicit Tab(int port, client::RetryPolicy policy = {}) : api(policy), transport(api, "127.0.0.1", port), session(api) {
        api.set_transport(&transport);
    }
    bool settle(SessionState wanted) {
        return testing::drain_until(api, [&] {
            session.update();
            return session.state() == wanted && !session.busy();
        });
    }
    bool sign_in(const std::string& login, const std::string& password = testing::account_password) {
        session.form().login = login;
        session.form().password = password;
        session.sign_in();
        return testing::drain_until(api, [&] {
            session.update();
            return !session.busy();
        });
    }
    ApiResult request(client::HttpRequest request) {
        ApiResult answer;
        bool done = false;
        api.send(std::move(request), [&](const ApiResult& result) {
            answer = result;
            done = true;
        });
        REQUIRE(testing::drain_until(api, [&] { return done; }));
        session.update();
        return answer;
    }

    ApiClient api;
    client::NativeHttpTransport transport;
    Session session;
};

const std::string inquiry_body = nlohmann::json{{"requester_name", "山田 花子"}, {"division", "情報システム室"},
                                                {"contact", "内線 1234"},       {"category", "device"},
                                                {"subject", "紙詰まり"},         {"body", "10階のプリンターです。"}}
                                     .dump();

client::HttpRequest new_inquiry() { return {"POST", "/api/v1/inquiries", inquiry_body, {}}; }

}  // namespace

TEST_CASE("signing in keeps the session cookie and sends the CSRF token with every change", "[session]") {
    const testing::ServerProcess server(MADOGUCHI_SERVER_BINARY);
    testing::add_account(server, "yamada", {Role::staff}, "D-TEST", "yamada@example.go.jp");
    Tab tab(server.port());
    tab.session.start(std::nullopt);
    REQUIRE(tab.settle(SessionState::signed_out));
    CHECK(tab.session.decided());
    CHECK(tab.session.user() == nullptr);

    REQUIRE(tab.sign_in("yamada"));
    REQUIRE(tab.session.state() == SessionState::signed_in);
    CHECK(tab.session.form().password.empty());  // the password is not kept
    REQUIRE(tab.session.user() != nullptr);
    CHECK(tab.session.user()->name == "試験 yamada");
    CHECK(tab.session.user()->email == "yamada@example.go.jp");
    CHECK(tab.session.user()->roles == std::vector<Role>{Role::staff});
    CHECK(tab.session.take_signed_in());
    const auto remembered = client::user_from_remembered(tab.session.remembered());
    REQUIRE(remembered);
    CHECK(remembered->login == "yamada");
    CHECK(tab.session.remembered().find(tab.api.csrf_token()) == std::string::npos);  // never the token

    CHECK(tab.request(new_inquiry()).status == 201);
    // The token is what let it through: without it the same session is refused.
    const auto token = tab.api.csrf_token();
    tab.api.set_csrf_token({});
    const auto refused = tab.request(new_inquiry());
    CHECK(refused.status == 403);
    CHECK(refused.error.code == "csrf_failed");
    tab.api.set_csrf_token(token);
    CHECK(tab.session.state() == SessionState::signed_in);  // a 403 does not end the session
}

TEST_CASE("a wrong password and an unknown login get the same generic message", "[session]") {
    const testing::ServerProcess server(MADOGUCHI_SERVER_BINARY);
    testing::add_account(server, "suzuki", {Role::staff});
    Tab tab(server.port());
    tab.session.start(std::nullopt);
    REQUIRE(tab.settle(SessionState::signed_out));

    REQUIRE(tab.sign_in("suzuki", "not the password"));
    CHECK(tab.session.state() == SessionState::signed_out);
    const auto wrong_password = tab.session.sign_in_error(Language::ja);
    CHECK(wrong_password == i18n::text("error.invalid_credentials", Language::ja));
    CHECK(tab.session.sign_in_error(Language::en) == i18n::text("error.invalid_credentials", Language::en));
    REQUIRE(tab.sign_in("nobody", "not the password"));
    CHECK(tab.session.sign_in_error(Language::ja) == wrong_password);
}

TEST_CASE("repeated failures are refused for a while, and the message says how long to wait", "[session]") {
    const testing::ServerProcess server(MADOGUCHI_SERVER_BINARY);
    testing::add_account(server, "sato", {Role::staff});
    Tab tab(server.port());
    std::string message;
    for (int attempt = 0; attempt < 10; ++attempt) {
        std::string password = "wrong password ";
        password += std::to_string(attempt);
        REQUIRE(tab.sign_in("sato", password));
        message = tab.session.sign_in_error(Language::ja);
        if (message.find("お試しください") != std::string::npos && message.find("秒後") != std::string::npos) break;
    }
    INFO(message);
    CHECK(message.rfind(i18n::text("error.too_many_attempts", Language::ja), 0) == 0);
    CHECK(message.find("秒後にもう一度お試しください。") != std::string::npos);
    CHECK(tab.session.sign_in_error(Language::en).find("Try again in") != std::string::npos);
}

TEST_CASE("waits read in seconds up to a minute, then in whole minutes rounded up", "[session]") {
    CHECK(client::format_wait(1, Language::ja) == "1秒");
    CHECK(client::format_wait(60, Language::ja) == "60秒");
    CHECK(client::format_wait(61, Language::ja) == "2分");
    CHECK(client::format_wait(900, Language::en) == "15 min");
}

TEST_CASE("an ended session keeps the user on screen, and signing in again goes back to work", "[session]") {
    const testing::ServerProcess server(MADOGUCHI_SERVER_BINARY);
    testing::add_account(server, "tanaka", {Role::staff});
    Tab tab(server.port());
    tab.session.start(std::nullopt);
    REQUIRE(tab.settle(SessionState::signed_out));
    REQUIRE(tab.sign_in("tanaka"));
    REQUIRE(tab.session.state() == SessionState::signed_in);
    tab.session.take_signed_in();

    // The same person changes the password in another browser: this session is killed.
    Tab other(server.port());
    REQUIRE(other.sign_in("tanaka"));
    const std::string new_password = "a new passphrase 2026";
    CHECK(other.request({"PUT", "/api/v1/me/password",
                         nlohmann::json{{"current_password", testing::account_password}, {"new_password", new_password}}.dump(),
                         {}})
              .status == 204);

    const auto refused = tab.request(new_inquiry());
    CHECK(refused.status == 401);
    CHECK(tab.session.state() == SessionState::session_ended);
    REQUIRE(tab.session.user() != nullptr);  // the screen behind the overlay is still theirs
    CHECK(tab.session.user()->login == "tanaka");
    CHECK(tab.session.form().login == "tanaka");
    CHECK_FALSE(tab.session.working());

    REQUIRE(tab.sign_in("tanaka", new_password));
    CHECK(tab.session.state() == SessionState::signed_in);
    CHECK_FALSE(tab.session.take_user_changed());
    CHECK(tab.session.take_signed_in());
    CHECK(tab.request(new_inquiry()).status == 201);  // the new session's token goes along
}

TEST_CASE("signing in as someone else over an ended session says the user changed", "[session]") {
    const testing::ServerProcess server(MADOGUCHI_SERVER_BINARY);
    testing::add_account(server, "ito", {Role::staff});
    testing::add_account(server, "kato", {Role::staff});
    Tab tab(server.port());
    REQUIRE(tab.sign_in("ito"));
    tab.request({"DELETE", "/api/v1/session", {}, {}});  // ended from elsewhere, as far as the session knows
    CHECK(tab.request({"GET", "/api/v1/me", {}, {}}).status == 401);
    REQUIRE(tab.session.state() == SessionState::session_ended);
    REQUIRE(tab.sign_in("kato"));
    CHECK(tab.session.state() == SessionState::signed_in);
    CHECK(tab.session.take_user_changed());
    CHECK(tab.session.user()->login == "kato");
}

TEST_CASE("with no server the remembered user works offline, and without one the sign-in screen shows", "[session]") {
    constexpr int nothing_listens = 1;
    const client::RetryPolicy impatient{1, std::chrono::milliseconds(1), std::chrono::milliseconds(1)};
    client::CurrentUser remembered;
    remembered.login = "yamada";
    remembered.name = "山田 花子";
    remembered.roles = {Role::staff};
    {
        Tab tab(nothing_listens, impatient);
        tab.session.start(remembered);
        REQUIRE(tab.settle(SessionState::offline));
        CHECK(tab.session.working());
        CHECK_FALSE(tab.session.decided());
        REQUIRE(tab.session.user() != nullptr);
        CHECK(tab.session.user()->name == "山田 花子");
    }
    Tab tab(nothing_listens, impatient);
    tab.session.start(std::nullopt);
    REQUIRE(tab.settle(SessionState::signed_out));
    CHECK_FALSE(tab.session.decided());
}

TEST_CASE("online, the server decides: a remembered user whose session ended signs in again", "[session]") {
    const testing::ServerProcess server(MADOGUCHI_SERVER_BINARY);
    testing::add_account(server, "mori", {Role::staff});
    client::CurrentUser remembered;
    remembered.login = "mori";
    remembered.roles = {Role::staff};
    Tab tab(server.port());
    tab.session.start(remembered);
    // Nothing was on screen yet: the sign-in page, with the login filled in.
    REQUIRE(tab.settle(SessionState::signed_out));
    CHECK(tab.session.decided());
    CHECK(tab.session.form().login == "mori");
}

TEST_CASE("signing out ends the session on the server and forgets the user on the device", "[session]") {
    const testing::ServerProcess server(MADOGUCHI_SERVER_BINARY);
    testing::add_account(server, "abe", {Role::staff});
    Tab tab(server.port());
    REQUIRE(tab.sign_in("abe"));
    REQUIRE_FALSE(tab.session.remembered().empty());
    tab.session.sign_out();
    CHECK(tab.session.state() == SessionState::signed_out);
    CHECK(tab.session.remembered().empty());
    CHECK(tab.session.user() == nullptr);
    REQUIRE(testing::drain_until(tab.api, [&] { return tab.api.in_flight() == 0; }));
    CHECK(tab.request({"GET", "/api/v1/me", {}, {}}).status == 401);
    CHECK(tab.session.state() == SessionState::signed_out);  // already there: no overlay
}
