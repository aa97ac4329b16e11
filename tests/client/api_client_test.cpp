#include <catch2/catch.hpp>

#include <chrono>
#include <optional>
#include <thread>

#include "api/api_client.hpp"
#include "platform/native/http_native.hpp"
#include "support/server_process.hpp"

using namespace madoguchi;
using client::ApiClient;
using client::ApiResult;
using client::RetryPolicy;
using namespace std::chrono_literals;

namespace {

const RetryPolicy quick{6, 20ms, 400ms};

// A port where nothing listens: a server took it and has stopped again.
int free_port() {
    const testing::ServerProcess server(MADOGUCHI_SERVER_BINARY);
    return server.port();
}

template <typename Done>
bool drain_until(ApiClient& api, Done done, std::chrono::seconds patience = 15s) {
    const auto deadline = std::chrono::steady_clock::now() + patience;
    while (std::chrono::steady_clock::now() < deadline) {
        api.drain();
        if (done()) return true;
        std::this_thread::sleep_for(2ms);
    }
    return false;
}

}  // namespace

TEST_CASE("a GET sent while the server is down is retried until the server is back", "[api][retry]") {
    const int port = free_port();
    ApiClient api(quick);
    client::NativeHttpTransport transport(api, "127.0.0.1", port);
    api.set_transport(&transport);

    std::optional<ApiResult> result;
    api.get("/api/v1/health", [&](const ApiResult& answer) { result = answer; });
    REQUIRE(drain_until(api, [&] { return api.retrying() == 1; }));
    CHECK(api.offline());
    CHECK_FALSE(result);  // the caller is not told of a failure while retries remain

    const testing::ServerProcess server(MADOGUCHI_SERVER_BINARY, {}, port);
    REQUIRE(drain_until(api, [&] { return result.has_value(); }));
    CHECK(result->ok());
    CHECK(result->status == 200);
    CHECK_FALSE(api.offline());
    CHECK(api.in_flight() == 0);
}

TEST_CASE("retries stop after the policy's attempts and the caller gets the network error", "[api][retry]") {
    ApiClient api(RetryPolicy{3, 10ms, 20ms});
    client::NativeHttpTransport transport(api, "127.0.0.1", free_port());
    api.set_transport(&transport);

    std::optional<ApiResult> result;
    int retry_waits_seen = 0;
    api.get("/api/v1/health", [&](const ApiResult& answer) { result = answer; });
    REQUIRE(drain_until(api, [&] {
        if (api.retrying() > 0) ++retry_waits_seen;
        return result.has_value();
    }));
    CHECK(retry_waits_seen > 0);
    CHECK(result->kind == ApiResult::Kind::transport_error);
    CHECK(result->error.code == "network");
    CHECK(api.offline());
}

TEST_CASE("a POST is never repeated by the client", "[api][retry]") {
    ApiClient api(quick);
    client::NativeHttpTransport transport(api, "127.0.0.1", free_port());
    api.set_transport(&transport);

    std::optional<ApiResult> result;
    api.send({"POST", "/api/v1/health", "{}", {}}, [&](const ApiResult& answer) { result = answer; });
    REQUIRE(drain_until(api, [&] { return result.has_value(); }));
    CHECK(result->kind == ApiResult::Kind::transport_error);
    CHECK(api.retrying() == 0);
}

TEST_CASE("coming back online resends waiting requests at once", "[api][retry]") {
    const int port = free_port();
    ApiClient api(RetryPolicy{3, 60s, 60s});  // without the online event the retry would wait a minute
    client::NativeHttpTransport transport(api, "127.0.0.1", port);
    api.set_transport(&transport);

    std::optional<ApiResult> result;
    api.get("/api/v1/health", [&](const ApiResult& answer) { result = answer; });
    REQUIRE(drain_until(api, [&] { return api.retrying() == 1; }));
    api.set_network_available(false);
    CHECK(api.offline());

    const testing::ServerProcess server(MADOGUCHI_SERVER_BINARY, {}, port);
    api.set_network_available(true);
    REQUIRE(drain_until(api, [&] { return result.has_value(); }, 10s));
    CHECK(result->ok());
    CHECK_FALSE(api.offline());
}
