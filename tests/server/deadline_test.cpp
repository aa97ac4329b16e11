#include <catch2/catch.hpp>

#include "server_test_support.hpp"

using madoguchi::testing::check_invalid_parameter;
using madoguchi::testing::json_of;
using madoguchi::testing::RunningApp;

namespace {

// The query is sent as written: '+' stays a literal '+', which URL decoding turns into a space.
httplib::Result get_deadline(const RunningApp& server, const std::string& query) {
    auto client = server.client();
    client->set_url_encode(false);
    return client->Get(("/api/v1/calendar/deadline" + query).c_str());
}

std::string due_for(const RunningApp& server, const std::string& start, const std::string& minutes) {
    const auto response = get_deadline(server, "?start=" + start + "&minutes=" + minutes);
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == 200);
    CHECK(response->get_header_value("Content-Type") == "application/json; charset=utf-8");
    return json_of(response)["due"].get<std::string>();
}

void check_rejected(const RunningApp& server, const std::string& query, const std::vector<std::string>& fields,
                    const std::string& reason_key) {
    INFO("query: " << query);
    check_invalid_parameter(get_deadline(server, query), fields, reason_key);
}

}  // namespace

TEST_CASE("a deadline runs over the weekend to Monday morning", "[deadline]") {
    RunningApp server;
    // Friday 17:00 leaves 75 minutes until 18:15; the other 45 run from Monday 8:30.
    CHECK(due_for(server, "2026-11-27T17:00:00%2B09:00", "120") == "2026-11-30T09:15:00+09:00");
    // Friday 17:30 leaves 45 minutes; 75 more from Monday 8:30.
    CHECK(due_for(server, "2026-11-27T17:30:00%2B09:00", "120") == "2026-11-30T09:45:00+09:00");
}

TEST_CASE("a start before opening counts from the opening", "[deadline]") {
    RunningApp server;
    CHECK(due_for(server, "2026-11-30T07:00:00%2B09:00", "30") == "2026-11-30T09:00:00+09:00");
    // Saturday: nothing counts until Monday's opening.
    CHECK(due_for(server, "2026-11-28T10:00:00%2B09:00", "0") == "2026-11-30T08:30:00+09:00");
}

TEST_CASE("a deadline due exactly at closing stays on that day", "[deadline]") {
    RunningApp server;
    CHECK(due_for(server, "2026-11-27T17:15:00%2B09:00", "60") == "2026-11-27T18:15:00+09:00");
}

TEST_CASE("the year-end closure 12/29-1/3 is skipped", "[deadline]") {
    RunningApp server;
    // Monday 12/28 18:00 leaves 15 minutes; the office reopens Monday 2027-01-04.
    CHECK(due_for(server, "2026-12-28T18:00:00%2B09:00", "60") == "2027-01-04T09:15:00+09:00");
}

TEST_CASE("a start in UTC or with its '+' sent unescaped gives the same deadline", "[deadline]") {
    RunningApp server;
    CHECK(due_for(server, "2026-11-27T08:00:00Z", "120") == "2026-11-30T09:15:00+09:00");
    CHECK(due_for(server, "2026-11-27T17:00:00+09:00", "120") == "2026-11-30T09:15:00+09:00");
}

TEST_CASE("the largest accepted number of minutes still answers", "[deadline]") {
    RunningApp server;
    CHECK(due_for(server, "2026-01-05T08:30:00%2B09:00", "2000000").starts_with("20"));
}

TEST_CASE("missing deadline parameters are rejected naming each one", "[deadline][validation]") {
    RunningApp server;
    check_rejected(server, "", {"minutes", "start"}, "field.required");
    check_rejected(server, "?minutes=10", {"start"}, "field.required");
    check_rejected(server, "?start=2026-11-27T17:00:00Z", {"minutes"}, "field.required");
    check_rejected(server, "?start=&minutes=10", {"start"}, "field.required");
}

TEST_CASE("a malformed start is rejected", "[deadline][validation]") {
    RunningApp server;
    for (const auto* bad : {"yesterday", "2026-11-27T17", "2026-11-27%2017:00:00Z", "1764230400", "2026-11-27T25:00:00Z"}) {
        check_rejected(server, std::string("?start=") + bad + "&minutes=10", {"start"}, "field.invalid_instant");
    }
}

TEST_CASE("a start without a UTC offset is rejected", "[deadline][validation]") {
    RunningApp server;
    check_rejected(server, "?start=2026-11-27T17:00:00&minutes=10", {"start"}, "field.missing_offset");
}

TEST_CASE("a start on a day that does not exist is rejected", "[deadline][validation]") {
    RunningApp server;
    check_rejected(server, "?start=2026-02-30T10:00:00%2B09:00&minutes=10", {"start"}, "field.impossible_date");
}

TEST_CASE("a start outside the supported calendar is rejected", "[deadline][validation]") {
    RunningApp server;
    check_rejected(server, "?start=1954-12-31T10:00:00%2B09:00&minutes=10", {"start"}, "field.out_of_supported_range");
    check_rejected(server, "?start=2100-01-04T10:00:00%2B09:00&minutes=10", {"start"}, "field.out_of_supported_range");
}

TEST_CASE("minutes that are not a whole number are rejected", "[deadline][validation]") {
    RunningApp server;
    for (const auto* bad : {"1e3", "12abc", "%20", "%2010", "1.5", "%2B5", "0x10", "ten", "99999999999999999999",
                            "-99999999999999999999"}) {
        check_rejected(server, std::string("?start=2026-11-27T17:00:00Z&minutes=") + bad, {"minutes"}, "field.not_integer");
    }
}

TEST_CASE("negative minutes are rejected", "[deadline][validation]") {
    RunningApp server;
    check_rejected(server, "?start=2026-11-27T17:00:00Z&minutes=-1", {"minutes"}, "field.negative");
}

TEST_CASE("absurd numbers of minutes are rejected", "[deadline][validation]") {
    RunningApp server;
    check_rejected(server, "?start=2026-11-27T17:00:00Z&minutes=2000001", {"minutes"}, "field.too_large");
    check_rejected(server, "?start=2026-11-27T17:00:00Z&minutes=9223372036854775807", {"minutes"}, "field.too_large");
}

TEST_CASE("a deadline past 2099 is rejected on minutes", "[deadline][validation]") {
    RunningApp server;
    // 12/31 is closed and the next opening would be in 2100.
    check_rejected(server, "?start=2099-12-31T12:00:00%2B09:00&minutes=1", {"minutes"}, "field.result_out_of_range");
    check_rejected(server, "?start=2090-01-04T08:30:00%2B09:00&minutes=2000000", {"minutes"}, "field.result_out_of_range");
}

TEST_CASE("both parameters' problems are reported together", "[deadline][validation]") {
    RunningApp server;
    const auto response = get_deadline(server, "?start=soon&minutes=-5");
    REQUIRE(response);
    CHECK(response->status == 400);
    CHECK(madoguchi::testing::error_fields(response) == std::vector<std::string>{"minutes", "start"});
}
