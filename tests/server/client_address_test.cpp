// Behind a reverse proxy: X-Forwarded-For names the client only when the proxy that sent it
// is trusted, so one person's password guessing does not block everyone behind the proxy,
// and the audit trail shows who it was.
#include <catch2/catch.hpp>

#include "http/client_address.hpp"
#include "identity_test_support.hpp"
#include "inquiry_test_support.hpp"
#include "server_test_support.hpp"

using namespace madoguchi::testing;
using madoguchi::server::http::ProxyNetwork;
using madoguchi::server::http::TrustedProxies;
using nlohmann::json;

namespace {

TrustedProxies trusting(const std::vector<std::string>& networks) {
    std::vector<ProxyNetwork> parsed;
    for (const auto& text : networks) {
        const auto network = ProxyNetwork::parse(text);
        REQUIRE(network);
        parsed.push_back(*network);
    }
    return TrustedProxies(parsed);
}

httplib::Result attempt(const RunningApp& server, const std::string& login, const std::string& password,
                        const std::string& forwarded_for) {
    const httplib::Headers headers{{"X-Forwarded-For", forwarded_for}};
    return server.client()->Post("/api/v1/session", headers, json{{"login", login}, {"password", password}}.dump(),
                                 "application/json");
}

}  // namespace

TEST_CASE("a proxy is named by its address or its network, nothing else", "[http][proxy]") {
    for (const auto* good : {"192.0.2.10", "10.0.0.0/8", "172.16.0.0/12", "2001:db8::1", "2001:db8::/32", "0.0.0.0/0"}) {
        INFO(good);
        CHECK(ProxyNetwork::parse(good));
    }
    for (const auto* bad : {"", "proxy.example.go.jp", "192.0.2.10:8080", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/x",
                            "2001:db8::/129", "[2001:db8::1]", "192.0.2.256"}) {
        INFO(bad);
        CHECK_FALSE(ProxyNetwork::parse(bad));
    }
    const auto network = ProxyNetwork::parse("10.20.0.0/14");
    REQUIRE(network);
    CHECK(network->contains("10.23.255.1"));
    CHECK_FALSE(network->contains("10.24.0.1"));
    CHECK(network->contains("::ffff:10.20.1.1"));  // an IPv4 client of a dual-stack socket
    CHECK_FALSE(network->contains("2001:db8::1"));
}

TEST_CASE("X-Forwarded-For is believed back through trusted hops only", "[http][proxy]") {
    SECTION("no trusted proxy: the connection's address, whatever the header says") {
        CHECK(trusting({}).client_of("192.0.2.1", "203.0.113.9") == "192.0.2.1");
    }
    const auto proxies = trusting({"10.0.0.0/8"});
    SECTION("from an untrusted peer the header is someone's claim") {
        CHECK(proxies.client_of("192.0.2.1", "203.0.113.9") == "192.0.2.1");
    }
    SECTION("a trusted proxy names its client") {
        CHECK(proxies.client_of("10.0.0.1", "203.0.113.9") == "203.0.113.9");
        CHECK(proxies.client_of("::ffff:10.0.0.1", " 203.0.113.9 ") == "203.0.113.9");
    }
    SECTION("hops the client wrote itself, before the first untrusted one, are ignored") {
        CHECK(proxies.client_of("10.0.0.1", "198.51.100.66, 203.0.113.9, 10.0.0.2") == "203.0.113.9");
    }
    SECTION("a chain of trusted proxies only: the first hop") {
        CHECK(proxies.client_of("10.0.0.1", "10.0.0.3, 10.0.0.2") == "10.0.0.3");
    }
    SECTION("ports and brackets that proxies add are dropped") {
        CHECK(proxies.client_of("10.0.0.1", "203.0.113.9:51234") == "203.0.113.9");
        CHECK(proxies.client_of("10.0.0.1", "[2001:db8::7]:443") == "2001:db8::7");
    }
    SECTION("what is not an address leaves the last proxy as the client") {
        CHECK(proxies.client_of("10.0.0.1", "unknown") == "10.0.0.1");
        CHECK(proxies.client_of("10.0.0.1", "203.0.113.9, <script>, 10.0.0.2") == "10.0.0.2");
        CHECK(proxies.client_of("10.0.0.1", "") == "10.0.0.1");
    }
}

TEST_CASE("behind a trusted proxy, guessing from one address blocks that address, not the others", "[identity][throttle][proxy]") {
    madoguchi::server::identity::IdentityConfig config;
    config.throttle.first_delay_seconds = 60;
    config.throttle.address_threshold = 3;
    const auto loopback = ProxyNetwork::parse("127.0.0.1");
    REQUIRE(loopback);
    RunningApp server({}, {}, config, {*loopback});
    add_user(server, {"suzuki", {Role::staff}});
    add_user(server, {"tanaka", {Role::staff}});

    for (int failure = 1; failure <= 3; ++failure) {
        CHECK(attempt(server, "guess" + std::to_string(failure), "wrong", "203.0.113.9")->status == 401);
    }
    CHECK(attempt(server, "suzuki", test_password, "203.0.113.9")->status == 429);
    CHECK(attempt(server, "tanaka", test_password, "198.51.100.7")->status == 200);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'session.login_failed' "
                                             "AND source_address = '203.0.113.9'") == 3);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'session.login' "
                                             "AND actor = 'tanaka' AND source_address = '198.51.100.7'") == 1);
}

TEST_CASE("without a trusted proxy, a forged X-Forwarded-For changes nothing", "[identity][throttle][proxy]") {
    RunningApp server;
    add_user(server, {"suzuki", {Role::staff}});
    CHECK(attempt(server, "suzuki", "wrong", "203.0.113.9")->status == 401);
    CHECK(count_rows(server.database_path(), "SELECT count(*) FROM audit_log WHERE action = 'session.login_failed' "
                                             "AND source_address = '127.0.0.1'") == 1);
}

TEST_CASE("serve --trusted-proxy refuses what is not an address or network", "[cli][proxy]") {
    const auto run = run_madoguchi({"serve", "--trusted-proxy", "proxy.example.go.jp"});
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("--trusted-proxy must be an IP address or a network such as 10.0.0.0/8, not "
                       "'proxy.example.go.jp'") != std::string::npos);
}
