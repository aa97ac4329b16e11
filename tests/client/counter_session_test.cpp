#include <catch2/catch.hpp>

#include "counter/counter_session.hpp"

using madoguchi::client::CounterSession;
using namespace std::chrono_literals;

namespace {
const auto noon = CounterSession::WallClock::time_point{} + 24h * 20000 + 3h;
}

TEST_CASE("a visit starts with the staff card, devices come after it", "[counter]") {
    CounterSession session(90);
    auto verdict = session.scan("PC-000123", noon);
    CHECK_FALSE(verdict.accepted);
    CHECK(verdict.message_key == "counter.staff_card_first");
    CHECK(session.screen() == CounterSession::Screen::start);

    verdict = session.scan("20231234", noon);
    CHECK(verdict.accepted);
    CHECK(session.screen() == CounterSession::Screen::person);
    CHECK(session.staff_id() == "20231234");

    CHECK(session.scan("pc-000123", noon + 1s).accepted);
    CHECK(session.scan("TB-004560", noon + 2s).accepted);
    verdict = session.scan("PC-000123", noon + 3s);
    CHECK_FALSE(verdict.accepted);
    CHECK(verdict.message_key == "counter.tag_twice");
    CHECK(session.tags() == std::vector<std::string>{"PC-000123", "TB-004560"});
}

TEST_CASE("misreads and a second person's card are refused without losing the visit", "[counter]") {
    CounterSession session(90);
    session.scan("20231234", noon);
    auto verdict = session.scan("#$%", noon + 1s);
    CHECK_FALSE(verdict.accepted);
    CHECK(verdict.message_key == "counter.unreadable");
    verdict = session.scan("20239999", noon + 2s);
    CHECK_FALSE(verdict.accepted);
    CHECK(verdict.message_key == "counter.finish_first");
    CHECK(session.staff_id() == "20231234");
    CHECK(session.scan("20231234", noon + 3s).accepted);
}

TEST_CASE("the verdict shows for a few seconds", "[counter]") {
    CounterSession session(90);
    session.scan("20231234", noon);
    REQUIRE(session.verdict(noon + 1s));
    CHECK(session.verdict(noon + 1s)->message_key == "counter.staff_read");
    CHECK_FALSE(session.verdict(noon + CounterSession::verdict_shown));
}

TEST_CASE("a counter left alone returns to the start screen after its idle time, with a countdown first", "[counter]") {
    CounterSession session(30);
    session.scan("20231234", noon);
    session.scan("PC-000123", noon + 5s);
    CHECK_FALSE(session.update(noon + 20s));
    CHECK_FALSE(session.reset_countdown(noon + 20s));
    REQUIRE(session.reset_countdown(noon + 27s));
    CHECK(*session.reset_countdown(noon + 27s) == 8);
    session.activity(noon + 30s);  // someone touched the screen: the clock starts again
    CHECK_FALSE(session.update(noon + 50s));
    CHECK(session.update(noon + 60s));
    CHECK(session.screen() == CounterSession::Screen::start);
    CHECK(session.tags().empty());
    CHECK(session.staff_id().empty());
    CHECK_FALSE(session.update(noon + 600s));  // the start screen has nothing to reset
}
