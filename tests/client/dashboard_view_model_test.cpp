#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "dashboard/dashboard_view_model.hpp"
#include "platform/native/http_native.hpp"
#include "support/server_process.hpp"

using namespace madoguchi;
using client::ApiClient;
using client::ApiResult;
using client::DashboardViewModel;
using client::LoadState;
using i18n::Language;

namespace {

calendar::Instant tokyo(int year, int month, int day, int hour, int minute) {
    return calendar::from_tokyo(calendar::Date{year, month, day}, (hour * 60 + minute) * 60);
}

// Runs update/drain as the frame loop would until `done` holds (or 10 s pass).
template <typename Done>
bool pump(ApiClient& api, DashboardViewModel& model, calendar::Instant now, Done done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
        model.update(api, now);
        api.drain();
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return false;
}

}  // namespace

TEST_CASE("the desk summary says whether the desk is open and until when", "[dashboard]") {
    const DashboardViewModel model;

    const auto wednesday = model.desk(tokyo(2026, 11, 25, 10, 0), Language::ja, false);
    CHECK(wednesday.open);
    CHECK(wednesday.state_label == "営業時間内");
    CHECK(wednesday.countdown_label == "終了まで");
    CHECK(wednesday.countdown == "8時間15分");
    CHECK(wednesday.next_change_at == "2026-11-25（水） 18:15");
    CHECK(wednesday.day_kind == "開庁日");
    CHECK(wednesday.service_hours == "8:30〜18:15");

    const auto friday_evening = model.desk(tokyo(2026, 11, 27, 18, 15), Language::en, false);
    CHECK_FALSE(friday_evening.open);
    CHECK(friday_evening.state_label == "Closed");
    CHECK(friday_evening.countdown_label == "Opens in");
    CHECK(friday_evening.countdown == "2 d 14 h 15 min");
    CHECK(friday_evening.next_change_at == "2026-11-30 (Mon) 8:30");

    const auto holiday = model.desk(tokyo(2026, 11, 23, 12, 0), Language::ja, true);
    CHECK_FALSE(holiday.open);
    CHECK(holiday.day_kind == "閉庁日（勤労感謝の日）");
    CHECK(holiday.today == "令和8年11月23日（月）");
    CHECK(holiday.next_change_at == "令和8年11月24日（火） 8:30");

    const auto year_end = model.desk(tokyo(2026, 12, 28, 18, 20), Language::ja, false);
    CHECK(year_end.next_change_at == "2027-01-04（月） 8:30");
}

TEST_CASE("the dashboard loads status and the next ten holidays from a real server", "[dashboard][server]") {
    testing::ServerProcess server(MADOGUCHI_SERVER_BINARY);
    ApiClient api;
    client::NativeHttpTransport transport(api, server.host(), server.port());
    api.set_transport(&transport);
    DashboardViewModel model;
    const auto now = tokyo(2026, 11, 25, 10, 0);

    REQUIRE(pump(api, model, now, [&] { return model.has_data(); }));
    REQUIRE(model.health());
    CHECK(model.health()->status == "ok");
    CHECK(model.health()->db == "ok");
    CHECK(model.health()->version == MADOGUCHI_VERSION);
    const auto server_summary = model.server(Language::ja, false);
    REQUIRE(server_summary);
    CHECK(server_summary->ok);
    CHECK(server_summary->state_label == "正常");
    CHECK(server_summary->database_label == "正常");
    // The server's UTC clock is shown in Tokyo time: "YYYY-MM-DD（曜） H:MM:SS".
    CHECK_THAT(server_summary->time, Catch::Matchers::Matches(R"(\d{4}-\d{2}-\d{2}（.+） \d{1,2}:\d{2}:\d{2})"));

    const auto rows = model.holiday_rows(now, Language::ja, false);
    REQUIRE(rows.size() == 10);
    CHECK(rows.front().date == "2027-01-01（金）");
    CHECK(rows.front().name == "元日");
    CHECK(rows[4].date == "2027-03-21（日）");
    CHECK(rows[4].name == "春分の日");
    CHECK(rows[5].name == "振替休日");
    CHECK(rows.back().date == "2027-05-05（水）");
    CHECK_FALSE(rows.front().within_week);

    const auto english = model.holiday_rows(now, Language::en, true);
    CHECK(english.front().date == "令和9年1月1日 (Fri)");
    CHECK(english.front().name == "New Year's Day");

    // A week before New Year the first holiday is flagged as close.
    const auto late_december = tokyo(2026, 12, 27, 9, 0);
    REQUIRE(pump(api, model, late_december, [&] { return model.holidays_state() == LoadState::loaded; }));
    CHECK(model.holiday_rows(late_december, Language::ja, false).front().within_week);
}

TEST_CASE("an unreachable server shows as a network error and is retried", "[dashboard]") {
    ApiClient api;
    client::NativeHttpTransport transport(api, "127.0.0.1", 1);  // nothing listens on port 1
    api.set_transport(&transport);
    DashboardViewModel model;
    const auto now = tokyo(2026, 11, 25, 10, 0);

    REQUIRE(pump(api, model, now, [&] {
        return model.health_state() == LoadState::failed && model.holidays_state() == LoadState::failed;
    }));
    CHECK(model.health_error().code == "network");
    CHECK(model.health_error().message_ja.find("サーバーに接続できません") == 0);
    CHECK_FALSE(model.has_data());

    // Five seconds later the dashboard tries again by itself.
    model.update(api, calendar::Instant{now.unix_seconds + 6});
    CHECK(model.health_state() == LoadState::loading);
    CHECK(model.holidays_state() == LoadState::loading);
}

TEST_CASE("API errors reach the client as the server's own message", "[api][server]") {
    testing::ServerProcess server(MADOGUCHI_SERVER_BINARY);
    ApiClient api;
    client::NativeHttpTransport transport(api, server.host(), server.port());
    api.set_transport(&transport);

    std::optional<ApiResult> impossible;
    std::optional<ApiResult> unknown;
    api.get("/api/v1/calendar/holidays?from=2026-02-30&to=2026-03-31", [&](const ApiResult& r) { impossible = r; });
    api.get("/api/v1/no-such-thing", [&](const ApiResult& r) { unknown = r; });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while ((!impossible || !unknown) && std::chrono::steady_clock::now() < deadline) {
        api.drain();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    REQUIRE(impossible);
    CHECK(impossible->kind == ApiResult::Kind::http_error);
    CHECK(impossible->status == 400);
    CHECK(impossible->error.code == "invalid_parameter");
    CHECK(impossible->error.fields.count("from") == 1);
    CHECK_FALSE(impossible->error.message_ja.empty());
    REQUIRE(unknown);
    CHECK(unknown->status == 404);
    CHECK(unknown->error.code == "not_found");
    CHECK(api.in_flight() == 0);
}

TEST_CASE("a database that fails after a good start shows as degraded, not as the old status", "[dashboard][server]") {
    testing::ServerProcess server(MADOGUCHI_SERVER_BINARY);
    ApiClient api(client::RetryPolicy{1, std::chrono::milliseconds(1), std::chrono::milliseconds(1)});
    client::NativeHttpTransport transport(api, server.host(), server.port());
    api.set_transport(&transport);
    DashboardViewModel model;
    const auto now = tokyo(2026, 11, 25, 10, 0);
    REQUIRE(pump(api, model, now, [&] { return model.health_state() == LoadState::loaded; }));
    REQUIRE(model.server(Language::ja, false)->ok);

    // The server reports 503 "degraded" once its schema table is gone.
    const auto database = (server.data_dir() / "madoguchi.db").string();
    REQUIRE(std::system(("sqlite3 '" + database + "' 'DROP TABLE schema_migrations'").c_str()) == 0);
    const auto later = calendar::Instant{now.unix_seconds + DashboardViewModel::health_refresh_seconds};
    REQUIRE(pump(api, model, later, [&] {
        return model.health_state() == LoadState::loaded && model.health()->status == "degraded";
    }));
    const auto summary = model.server(Language::ja, false);
    CHECK_FALSE(summary->ok);
    CHECK(summary->state_label == "一部異常");
    CHECK(summary->database_label == "異常");
}
