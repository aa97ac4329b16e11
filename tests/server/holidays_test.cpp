#include <catch2/catch.hpp>

#include "server_test_support.hpp"

using madoguchi::testing::json_of;
using madoguchi::testing::RunningApp;

namespace {

httplib::Result get_holidays(const RunningApp& server, const std::string& query) {
    return server.client()->Get(("/api/v1/calendar/holidays" + query).c_str());
}

std::vector<std::string> dates_of(const nlohmann::json& holidays) {
    std::vector<std::string> dates;
    for (const auto& holiday : holidays) dates.push_back(holiday["date"].get<std::string>());
    return dates;
}

void check_rejected(const RunningApp& server, const std::string& query, const std::vector<std::string>& fields,
                    const std::string& reason_key) {
    INFO("query: " << query);
    madoguchi::testing::check_invalid_parameter(get_holidays(server, query), fields, reason_key);
}

}  // namespace

TEST_CASE("2026 has 18 holidays in date order, with the substitute and citizens' holidays", "[holidays]") {
    RunningApp server;
    const auto response = get_holidays(server, "?from=2026-01-01&to=2026-12-31");
    REQUIRE(response);
    CHECK(response->status == 200);
    CHECK(response->get_header_value("Content-Type") == "application/json; charset=utf-8");
    const auto holidays = json_of(response);
    REQUIRE(holidays.is_array());
    CHECK(holidays.size() == 18);
    const auto dates = dates_of(holidays);
    CHECK(std::is_sorted(dates.begin(), dates.end()));
    CHECK(std::adjacent_find(dates.begin(), dates.end()) == dates.end());
    CHECK(dates.front() == "2026-01-01");
    CHECK(dates.back() == "2026-11-23");

    const auto find = [&](const std::string& date) {
        for (const auto& holiday : holidays) {
            if (holiday["date"] == date) return holiday;
        }
        return nlohmann::json();
    };
    CHECK(find("2026-05-06") == nlohmann::json{{"date", "2026-05-06"}, {"name", "振替休日"}, {"name_en", "Substitute Holiday"}});
    CHECK(find("2026-09-22")["name"] == "国民の休日");
    CHECK(find("2026-01-01")["name"] == "元日");
}

TEST_CASE("each holiday has exactly date, name and name_en", "[holidays]") {
    RunningApp server;
    const auto holidays = json_of(get_holidays(server, "?from=2026-01-01&to=2026-12-31"));
    REQUIRE(holidays.is_array());
    for (const auto& holiday : holidays) {
        INFO(holiday.dump());
        CHECK(holiday.size() == 3);
        CHECK(holiday["date"].is_string());
        CHECK_FALSE(holiday["name"].get<std::string>().empty());
        CHECK_FALSE(holiday["name_en"].get<std::string>().empty());
    }
}

TEST_CASE("a one-day range returns that day's holiday and a range without holidays is empty", "[holidays]") {
    RunningApp server;
    const auto one_day = json_of(get_holidays(server, "?from=2026-05-06&to=2026-05-06"));
    CHECK(dates_of(one_day) == std::vector<std::string>{"2026-05-06"});

    const auto empty = get_holidays(server, "?from=2026-06-01&to=2026-06-30");
    REQUIRE(empty);
    CHECK(empty->status == 200);
    CHECK(empty->body == "[]");
}

TEST_CASE("the whole supported range can be asked at once", "[holidays]") {
    RunningApp server;
    const auto response = get_holidays(server, "?from=1955-01-01&to=2099-12-31");
    REQUIRE(response);
    CHECK(response->status == 200);
    const auto holidays = json_of(response);
    CHECK(holidays.size() > 145 * 10);
    CHECK(holidays.front()["date"] == "1955-01-01");
}

TEST_CASE("a repeated parameter counts by its first value", "[holidays]") {
    RunningApp server;
    const auto holidays = json_of(get_holidays(server, "?from=2026-05-06&to=2026-05-06&from=2026-01-01"));
    CHECK(dates_of(holidays) == std::vector<std::string>{"2026-05-06"});
}

TEST_CASE("missing or empty dates are rejected naming each one", "[holidays][validation]") {
    RunningApp server;
    check_rejected(server, "", {"from", "to"}, "field.required");
    check_rejected(server, "?to=2026-12-31", {"from"}, "field.required");
    check_rejected(server, "?from=2026-01-01", {"to"}, "field.required");
    check_rejected(server, "?from=&to=2026-12-31", {"from"}, "field.required");
}

TEST_CASE("malformed dates are rejected", "[holidays][validation]") {
    RunningApp server;
    for (const auto* bad : {"2026-1-01", "20260101", "2026/01/01", "tomorrow", "2026-01-01T00:00:00Z", "%20",
                            "2026-01-0x", "-2026-01-01", "2026-01-01%20"}) {
        check_rejected(server, std::string("?from=") + bad + "&to=2026-12-31", {"from"}, "field.invalid_date");
    }
    check_rejected(server, "?from=2026-01-01&to=12/31", {"to"}, "field.invalid_date");
}

TEST_CASE("dates that do not exist are rejected", "[holidays][validation]") {
    RunningApp server;
    check_rejected(server, "?from=2026-02-30&to=2026-12-31", {"from"}, "field.impossible_date");
    check_rejected(server, "?from=2026-01-01&to=2026-13-01", {"to"}, "field.impossible_date");
    check_rejected(server, "?from=2025-02-29&to=2026-04-31", {"from", "to"}, "field.impossible_date");
}

TEST_CASE("dates outside 1955-01-01..2099-12-31 are rejected", "[holidays][validation]") {
    RunningApp server;
    check_rejected(server, "?from=1954-12-31&to=2026-12-31", {"from"}, "field.out_of_supported_range");
    check_rejected(server, "?from=2026-01-01&to=2100-01-01", {"to"}, "field.out_of_supported_range");
}

TEST_CASE("an inverted range is rejected on from", "[holidays][validation]") {
    RunningApp server;
    check_rejected(server, "?from=2026-12-31&to=2026-01-01", {"from"}, "field.inverted_range");
}

TEST_CASE("a range over 200 years is rejected", "[holidays][validation]") {
    RunningApp server;
    check_rejected(server, "?from=1800-01-01&to=2000-01-02", {"to"}, "field.range_too_long");
    check_rejected(server, "?from=0001-01-01&to=9999-12-31", {"to"}, "field.range_too_long");
}
