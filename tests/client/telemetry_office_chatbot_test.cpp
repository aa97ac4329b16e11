// チャットボット against a real server: a month's availability outside planned maintenance, its
// outages and its maintenance listed apart, the response times, twelve months for the chart;
// the desk enters a maintenance window in Tokyo time (checked before sending as the server
// checks), which then counts the failures inside it apart; an auditor reads but may not enter.
#include <catch2/catch.hpp>

#include "api/form_errors.hpp"
#include "telemetry/chatbot_availability.hpp"
#include "telemetry_office_fixtures.hpp"
#include "ui/charts.hpp"

using namespace madoguchi;
using i18n::Language;

namespace {

const client::ReportMonth october{2026, 10};

void wait_loaded(testing::DeskTab& tab, client::ChatbotAvailability& chatbot) {
    tab.wait([&] { return chatbot.state() != client::ChatbotAvailability::State::loading; });
    REQUIRE(chatbot.state() == client::ChatbotAvailability::State::loaded);
}

}  // namespace

TEST_CASE("a month's chatbot availability, its outages and planned maintenance apart", "[telemetry_office][chatbot]") {
    testing::TelemetryOffice office;
    // 5 October 2026 from 09:00 Tokyo, a check a minute: 10 up, 3 down, 5 up, 2 down, 2 up.
    office.probes(calendar::from_tokyo({2026, 10, 5}, 9 * 3600), "UUUUUUUUUUDDDUUUUUDDUU");
    office.probes(calendar::from_tokyo({2026, 9, 1}, 9 * 3600), "UUUD");
    testing::DeskTab desk(office.server.port(), "desk1");
    const auto today = client::month_of(calendar::now());

    client::ChatbotAvailability chatbot;
    chatbot.show_month(desk.api, october, today);
    // The month and the twelve months for the chart come in one answer.
    CHECK(desk.api.in_flight() == 1);
    wait_loaded(desk, chatbot);
    const auto& month = *chatbot.shown();
    CHECK(month.month == "2026-10");
    CHECK(month.probes == 22);
    CHECK(month.down == 5);
    REQUIRE(month.percent);
    // By time: each check holds until the next, the last for three intervals (1,140 s up of 1,440).
    CHECK(*month.percent == Approx(100.0 * 19 / 24));
    CHECK(client::percent_text(month.percent) == "79.16%");
    CHECK(month.outages.size() == 2);
    CHECK(month.maintenance.empty());
    CHECK(month.average_response_milliseconds);
    CHECK(month.slowest_response_milliseconds == 120);

    // Twelve months, October last; September's 50% (three minutes up, then down for three);
    // the months nobody probed are gaps (NaN), not 0%, and the summary says so.
    const auto chart = chatbot.chart(Language::ja);
    REQUIRE(chart.categories.size() == 12);
    CHECK(chart.categories.back() == "2026-10");
    CHECK(chart.categories.front() == "2025-11");
    CHECK(chart.series.front().values.back() == Approx(100.0 * 19 / 24));
    CHECK(chart.series.front().values[10] == 50.0);
    for (std::size_t index = 0; index < 10; ++index) CHECK_FALSE(client::has_value(chart.series.front().values[index]));
    CHECK(client::chart_summary(client::ChartKind::bar, chart, Language::en).ends_with("; no data for 10 categories"));

    // The form is checked as the server checks it before anything is sent.
    CHECK_FALSE(chatbot.add_maintenance(desk.api, today));
    CHECK(chatbot.form_errors().field("starts_at", Language::ja) == i18n::text("field.required", Language::ja));
    CHECK(chatbot.form_errors().field("title", Language::ja) == i18n::text("field.required", Language::ja));
    auto& draft = chatbot.draft();
    draft.starts_at = "2026-10-05 09:10";
    draft.ends_at = "2026-10-05 09:05";
    draft.title = "チャットボット基盤の定期更新";
    draft.ticket_id = "abc";
    CHECK_FALSE(chatbot.add_maintenance(desk.api, today));
    CHECK(chatbot.form_errors().field("ends_at", Language::ja) == i18n::text("field.inverted_range", Language::ja));
    CHECK(chatbot.form_errors().field("ticket_id", Language::ja) == i18n::text("field.not_positive", Language::ja));
    CHECK(chatbot.form_errors().field("starts_at", Language::ja).empty());

    // A ticket that is no release plan: the server's refusal beside the field.
    draft.ends_at = "2026-10-05 09:13";
    draft.ticket_id = "999";
    REQUIRE(chatbot.add_maintenance(desk.api, today));
    desk.wait([&] { return !chatbot.adding(); });
    CHECK_FALSE(chatbot.form_errors().field("ticket_id", Language::en).empty());
    CHECK(chatbot.take_added().empty());

    // The three failures from 09:10 fall inside the window: one outage is left.
    draft.ticket_id.clear();
    REQUIRE(chatbot.add_maintenance(desk.api, today));
    desk.wait([&] { return !chatbot.adding(); });
    CHECK(chatbot.form_errors().empty());
    CHECK(chatbot.take_added() == "チャットボット基盤の定期更新");
    CHECK(chatbot.draft().title.empty());
    wait_loaded(desk, chatbot);
    const auto& after = *chatbot.shown();
    REQUIRE(after.maintenance.size() == 1);
    CHECK(after.maintenance.front().title == "チャットボット基盤の定期更新");
    CHECK(after.maintenance.front().starts_at == calendar::from_tokyo({2026, 10, 5}, 9 * 3600 + 10 * 60));
    CHECK(after.maintenance.front().created_by == "desk1");
    CHECK(after.down_in_maintenance == 3);
    CHECK(after.outages.size() == 1);
    CHECK(office.number("SELECT count(*) FROM audit_log WHERE action = 'chatbot_maintenance.created'") == 1);
}

TEST_CASE("an auditor reads availability but may not enter maintenance", "[telemetry_office][chatbot]") {
    testing::TelemetryOffice office;
    testing::DeskTab auditor(office.server.port(), "audit1");
    const auto today = client::month_of(calendar::now());
    client::ChatbotAvailability chatbot;
    chatbot.load(auditor.api, today);
    wait_loaded(auditor, chatbot);
    CHECK(chatbot.shown()->probes == 0);
    CHECK_FALSE(chatbot.shown()->percent);
    CHECK(client::percent_text(chatbot.shown()->percent) == "—");
    chatbot.draft() = {"2026-10-05 22:00", "2026-10-05 23:00", "点検", ""};
    REQUIRE(chatbot.add_maintenance(auditor.api, today));
    auditor.wait([&] { return !chatbot.adding(); });
    CHECK(chatbot.form_errors().general(Language::ja) == i18n::text("error.forbidden", Language::ja));
}

TEST_CASE("maintenance times are read as Tokyo minutes", "[telemetry_office][chatbot]") {
    CHECK(client::parse_tokyo_minute("2026-12-01 22:00") == calendar::from_tokyo({2026, 12, 1}, 22 * 3600));
    CHECK(client::parse_tokyo_minute(" 2026-12-01T09:05 ") == calendar::from_tokyo({2026, 12, 1}, 9 * 3600 + 5 * 60));
    CHECK_FALSE(client::parse_tokyo_minute("2026-12-01 24:00"));
    CHECK_FALSE(client::parse_tokyo_minute("2026-02-30 10:00"));
    CHECK_FALSE(client::parse_tokyo_minute("2026-12-01"));
}
