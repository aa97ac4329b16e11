#include <catch2/catch.hpp>

#include <chrono>
#include <stdexcept>

#include "http/app.hpp"
#include "http/errors.hpp"
#include "server_test_support.hpp"

using madoguchi::testing::json_of;
using madoguchi::testing::RunningApp;
using madoguchi::testing::send_raw_request;
namespace http = madoguchi::server::http;

namespace {

void check_error(const httplib::Result& response, int status, const std::string& code) {
    REQUIRE(response);
    CHECK(response->status == status);
    CHECK(response->get_header_value("Content-Type") == "application/json; charset=utf-8");
    const auto body = json_of(response);
    CHECK(body["error"]["code"] == code);
    CHECK_FALSE(body["error"]["message"].get<std::string>().empty());
    CHECK_FALSE(body["error"]["message_ja"].get<std::string>().empty());
    CHECK(body["error"]["fields"].is_object());
}

void check_security_headers(const httplib::Result& response) {
    REQUIRE(response);
    CHECK(response->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(response->get_header_value("Referrer-Policy") == "no-referrer");
    CHECK(response->get_header_value("Content-Security-Policy") ==
          "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data:; connect-src 'self'; font-src 'self'; worker-src 'self'; manifest-src 'self'; "
          "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
}

void add_test_routes(http::Router& router) {
    router.add({"GET", "/api/v1/test/throws", "testThrows", http::Access::everyone(),
                [](const httplib::Request&, httplib::Response&, const http::RequestContext&) {
                    throw std::runtime_error("deliberate failure");
                }});
    router.add({"GET", "/api/v1/test/throws-anything", "testThrowsAnything", http::Access::everyone(),
                [](const httplib::Request&, httplib::Response&, const http::RequestContext&) { throw 42; }});
    router.add({"GET", "/api/v1/test/items/{id}", "testItem", http::Access::everyone(),
                [](const httplib::Request&, httplib::Response& response, const http::RequestContext& context) {
                    http::send_json(response, 200, {{"id", context.params.at("id")}});
                }});
    router.add({"DELETE", "/api/v1/test/items/{id}", "testDeleteItem", http::Access::everyone(),
                [](const httplib::Request&, httplib::Response& response, const http::RequestContext&) {
                    response.status = 204;
                }});
    router.add({"POST", "/api/v1/test/echo", "testEcho", http::Access::everyone(),
                [](const httplib::Request& request, httplib::Response& response, const http::RequestContext&) {
                    http::send_json(response, 200, {{"received_bytes", request.body.size()}});
                }});
}

}  // namespace

TEST_CASE("an unknown API path is a JSON 404 for every method", "[errors]") {
    RunningApp server;
    auto client = server.client();
    check_error(client->Get("/api/v1/nothing-here"), 404, "not_found");
    check_error(client->Get("/api/"), 404, "not_found");
    check_error(client->Get("/api"), 404, "not_found");
    check_error(client->Get("/api/v1/health/"), 404, "not_found");
    check_error(client->Post("/api/v1/nothing-here", "{}", "application/json"), 404, "not_found");
    check_error(client->Put("/api/v1/nothing-here", "{}", "application/json"), 404, "not_found");
    check_error(client->Patch("/api/v1/nothing-here", "{}", "application/json"), 404, "not_found");
    check_error(client->Delete("/api/v1/nothing-here"), 404, "not_found");
    check_error(client->Options("/api/v1/nothing-here"), 404, "not_found");
    const auto head = client->Head("/api/v1/nothing-here");
    REQUIRE(head);
    CHECK(head->status == 404);
}

TEST_CASE("a known API path with another method is a JSON 405 with Allow", "[errors]") {
    RunningApp server;
    auto client = server.client();
    for (const auto& response : {client->Post("/api/v1/health", "{}", "application/json"),
                                 client->Put("/api/v1/calendar/holidays", "{}", "application/json"),
                                 client->Delete("/api/v1/calendar/deadline"), client->Options("/api/v1/health")}) {
        check_error(response, 405, "method_not_allowed");
        CHECK(response->get_header_value("Allow") == "GET, HEAD");
    }
    httplib::Request trace;
    trace.method = "TRACE";
    trace.path = "/api/v1/health";
    const auto traced = client->send(trace);
    check_error(traced, 405, "method_not_allowed");
}

TEST_CASE("a POST that declares no body is answered at once", "[errors]") {
    RunningApp server;
    const auto started = std::chrono::steady_clock::now();
    const auto answer =
        send_raw_request(server.port(), "POST /api/v1/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
    CHECK(answer.starts_with("HTTP/1.1 405"));
    CHECK(answer.find("method_not_allowed") != std::string::npos);
}

TEST_CASE("a malformed request gets a JSON 400", "[errors]") {
    RunningApp server;
    const auto answer = send_raw_request(server.port(), "BREW /pot HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    CHECK(answer.starts_with("HTTP/1.1 400"));
    CHECK(answer.find("\"code\":\"bad_request\"") != std::string::npos);
    CHECK(answer.find("The request is malformed.") != std::string::npos);
}

TEST_CASE("a failing handler answers a JSON 500 and the server keeps serving", "[errors]") {
    RunningApp server({}, add_test_routes);
    auto client = server.client();
    check_error(client->Get("/api/v1/test/throws"), 500, "internal");
    CHECK(client->Get("/api/v1/health")->status == 200);
    check_error(client->Get("/api/v1/test/throws-anything"), 500, "internal");
    CHECK(server.client()->Get("/api/v1/health")->status == 200);
    // The message is for the user; what failed inside stays in the server's log.
    CHECK(client->Get("/api/v1/test/throws")->body.find("deliberate") == std::string::npos);
}

TEST_CASE("path parameters reach the handler and methods are told apart per path", "[errors]") {
    RunningApp server({}, add_test_routes);
    auto client = server.client();
    const auto item = client->Get("/api/v1/test/items/PC-0042");
    REQUIRE(item);
    CHECK(item->status == 200);
    CHECK(json_of(item)["id"] == "PC-0042");
    CHECK(client->Delete("/api/v1/test/items/PC-0042")->status == 204);
    const auto put = client->Put("/api/v1/test/items/PC-0042", "{}", "application/json");
    check_error(put, 405, "method_not_allowed");
    CHECK(put->get_header_value("Allow") == "GET, HEAD, DELETE");
    check_error(client->Get("/api/v1/test/items/"), 404, "not_found");
    check_error(client->Get("/api/v1/test/items/PC-0042/history"), 404, "not_found");
}

TEST_CASE("a request body over the limit is a JSON 413", "[errors]") {
    RunningApp server({}, add_test_routes);
    auto client = server.client();
    const std::string within(http::max_request_body_bytes, 'x');
    const auto accepted = client->Post("/api/v1/test/echo", within, "text/plain");
    REQUIRE(accepted);
    CHECK(json_of(accepted)["received_bytes"] == http::max_request_body_bytes);

    const std::string over(http::max_request_body_bytes + 1, 'x');
    check_error(server.client()->Post("/api/v1/test/echo", over, "text/plain"), 413, "payload_too_large");
    CHECK(server.client()->Get("/api/v1/health")->status == 200);
}

TEST_CASE("every response carries the security headers", "[errors]") {
    madoguchi::testing::TempDir temp;
    madoguchi::testing::write_file(temp.path() / "index.html", "<!doctype html>");
    RunningApp server(temp.path(), add_test_routes);
    auto client = server.client();
    check_security_headers(client->Get("/api/v1/health"));
    check_security_headers(client->Get("/"));
    check_security_headers(client->Get("/missing.js"));
    check_security_headers(client->Get("/api/v1/nothing-here"));
    check_security_headers(client->Post("/api/v1/health", "{}", "application/json"));
    check_security_headers(client->Get("/api/v1/test/throws"));
    check_security_headers(client->Get("/api/v1/calendar/holidays"));
}

TEST_CASE("API answers are not cached", "[errors]") {
    RunningApp server;
    auto client = server.client();
    CHECK(client->Get("/api/v1/health")->get_header_value("Cache-Control") == "no-store");
    CHECK(client->Get("/api/v1/calendar/holidays")->get_header_value("Cache-Control") == "no-store");
}
