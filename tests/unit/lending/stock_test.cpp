// Safety stock on cases computed by hand: the lowest number free in each week, expected
// returns from repair, the alert that is raised once per fall, and the thresholds' checks.
#include <catch2/catch.hpp>

#include "lending/stock.hpp"

using namespace madoguchi::lending;
using madoguchi::calendar::Date;

TEST_CASE("each week's lowest number free counts holds and repairs expected back", "[lending][stock]") {
    const Date today{2026, 12, 1};
    // Four devices; one lent through Dec 10, two reserved Dec 9–13; one back from repair Dec 11.
    const Pool pool{4, {{today, {2026, 12, 10}, 1}, {{2026, 12, 9}, {2026, 12, 13}, 2}}, {{{2026, 12, 11}, 1}}};
    const auto weeks = project_weeks(pool, today, 3);
    REQUIRE(weeks.size() == 3);
    CHECK(weeks[0].from == today);
    CHECK(weeks[0].until == Date{2026, 12, 7});
    CHECK(weeks[0].lowest == 3);  // 4 − 1
    CHECK(weeks[1].from == Date{2026, 12, 8});
    CHECK(weeks[1].lowest == 1);  // Dec 9–10: 4 − 3
    CHECK(weeks[1].returning == 1);
    CHECK(weeks[2].lowest == 5);  // all back, the repaired one too
    CHECK(available_now(pool, today) == 3);
    CHECK(project_weeks(pool, today, 0).empty());
}

TEST_CASE("the alert is raised once per fall and closed on recovery", "[lending][stock]") {
    CHECK(alert_step(false, 2, 3) == AlertStep::raise);
    CHECK(alert_step(true, 2, 3) == AlertStep::none);
    CHECK(alert_step(true, 3, 3) == AlertStep::recover);
    CHECK(alert_step(false, 3, 3) == AlertStep::none);
    CHECK(alert_step(false, 0, 0) == AlertStep::none);
}

TEST_CASE("thresholds name lendable classes once, with a minimum from 0 to 10000", "[lending][stock]") {
    const auto lendable = [](const std::string& code) { return code == "mobile_printer"; };
    const std::vector<Threshold> thresholds{
        {"mobile_printer", std::nullopt, 2}, {"mfp", std::nullopt, 1}, {"mobile_printer", 0, 10001},
        {"mobile_printer", std::nullopt, 1}, {"mobile_printer", 3, 0}};
    const auto problems = validate(thresholds, lendable);
    const std::vector<madoguchi::validation::FieldProblem> expected{
        {"thresholds[1].class", "field.not_lendable_class"},
        {"thresholds[2].location_id", "field.not_positive"},
        {"thresholds[2].minimum", "field.out_of_range_0_10000"},
        {"thresholds[3].class", "field.repeated_threshold"}};
    CHECK(problems == expected);
}
