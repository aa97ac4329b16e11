#include <catch2/catch.hpp>

#include "calendar/tokyo_time.hpp"
#include "server_test_support.hpp"
#include "store/database.hpp"

using madoguchi::testing::json_of;
using madoguchi::testing::RunningApp;
namespace calendar = madoguchi::calendar;

TEST_CASE("health reports ok, the version, the database and the server time in UTC", "[health]") {
    RunningApp server;
    const auto response = server.client()->Get("/api/v1/health");
    REQUIRE(response);
    CHECK(response->status == 200);
    CHECK(response->get_header_value("Content-Type") == "application/json; charset=utf-8");
    const auto body = json_of(response);
    CHECK(body["status"] == "ok");
    CHECK(body["version"] == MADOGUCHI_VERSION);
    CHECK(body["db"] == "ok");
    const auto time = body["time"].get<std::string>();
    CHECK(time.ends_with("Z"));
    const auto parsed = calendar::parse_iso8601(time);
    REQUIRE(parsed.instant);
    CHECK(std::abs(parsed.instant->unix_seconds - calendar::now().unix_seconds) < 60);
}

TEST_CASE("health answers 503 degraded when the database cannot be read", "[health]") {
    RunningApp server;
    {
        auto other = madoguchi::server::store::Database::open(server.database_path());
        REQUIRE(other);
        REQUIRE(other.value().execute("DROP TABLE schema_migrations"));
    }
    const auto response = server.client()->Get("/api/v1/health");
    REQUIRE(response);
    CHECK(response->status == 503);
    const auto body = json_of(response);
    CHECK(body["status"] == "degraded");
    CHECK(body["db"] == "error");
    CHECK(body["version"] == MADOGUCHI_VERSION);
}
