// The loop rules' limits, the same check a settings form and the server apply.
#include <catch2/catch.hpp>

#include "i18n/catalog.hpp"
#include "telemetry/loop_rules.hpp"

using namespace madoguchi::telemetry;
using madoguchi::validation::FieldProblem;

TEST_CASE("the default loop rules are valid, and each limit is inclusive", "[telemetry]") {
    CHECK(validate(LoopRules{}).empty());
    LoopRules edges;
    edges.offline_cycles = 100;
    edges.order.lead_time_days = 0;  // order on the level alone
    edges.order.order_at_percent = 100;
    edges.forecast.replacement_rise = 5;
    edges.forecast.window_days = 365;
    edges.forecast.min_days = 365;
    CHECK(validate(edges).empty());
}

TEST_CASE("a loop rule out of range is named with its reason, which the catalogs carry", "[telemetry]") {
    LoopRules rules;
    rules.offline_cycles = 0;
    rules.order.lead_time_days = 60.5;
    rules.order.order_at_percent = -1;
    rules.forecast.replacement_rise = 101;
    rules.forecast.window_days = 2;
    rules.forecast.min_days = 1;
    const auto problems = validate(rules);
    CHECK(problems == std::vector<FieldProblem>{{"offline_cycles", "field.out_of_range_1_100"},
                                                {"lead_time_days", "field.out_of_range_0_60"},
                                                {"order_at_percent", "field.out_of_range_0_100"},
                                                {"replacement_rise", "field.out_of_range_5_100"},
                                                {"window_days", "field.out_of_range_3_365"},
                                                {"min_days", "field.out_of_range_2_window"}});
    for (const auto& problem : problems) {
        CHECK(madoguchi::i18n::has_key(problem.reason_key));
    }
    LoopRules longer;
    longer.forecast.window_days = 10;
    longer.forecast.min_days = 11;  // more days than the window can hold
    CHECK(validate(longer) == std::vector<FieldProblem>{{"min_days", "field.out_of_range_2_window"}});
}
