// The walk and the mapping of bindings to a reading, with answers no snmpsim record can give.
#include <catch2/catch.hpp>

#include <algorithm>

#include "telemetry/device_walk.hpp"

namespace madoguchi::testing {
namespace {

namespace telemetry = server::telemetry;
using telemetry::parse_oid;
using telemetry::ValueKind;
using telemetry::VarBind;

VarBind number(const char* oid, std::int64_t value, ValueKind kind = ValueKind::integer) {
    VarBind bind;
    bind.oid = parse_oid(oid);
    bind.value.kind = kind;
    bind.value.number = value;
    return bind;
}

}  // namespace

TEST_CASE("telemetry: noSuchObject for a scalar and the same oddity twice are noted once") {
    telemetry::ReadingBuilder builder;
    const auto life = parse_oid("1.3.6.1.2.1.43.10.2.1.4.1.1");
    builder.scalar(life, number("1.3.6.1.2.1.43.10.2.1.4.1.1", 0, ValueKind::no_such_object));
    builder.scalar(life, number("1.3.6.1.2.1.43.10.2.1.4.1.1", 0, ValueKind::no_such_instance));
    builder.scalar(life, number("1.3.6.1.2.1.43.10.2.1.4.1.1", -1));
    builder.scalar(life, number("1.3.6.1.2.1.43.10.2.1.4.1.1", -2));
    REQUIRE(builder.oddities().size() == 2);
    CHECK(builder.oddities()[0].code == "no_such_object");
    CHECK(builder.oddities()[1].code == "negative_counter");
    CHECK_FALSE(builder.reading().marker_life_count.has_value());
}

TEST_CASE("telemetry: a walk stops when the agent goes backwards, and a table is cut at 64 rows") {
    telemetry::TableRows alerting;
    alerting.alerts = 3;
    telemetry::DeviceWalk walk(10, telemetry::every_kind(), alerting);
    const auto first = walk.next_request();
    CHECK(first.scalar_parents.size() == telemetry::polled_scalars(telemetry::every_kind()).size());
    CHECK(first.walk_cursors.size() == 4);
    std::vector<VarBind> binds(first.scalar_parents.size(), number("1.3.6.1.2.1.1.0", 0));
    // Supplies go backwards; alerts run to 70 rows; both Ricoh walks end at once.
    binds.push_back(number("1.3.6.1.2.1.43.11.1.1.9.1.5", 10));
    binds.push_back(number("1.3.6.1.2.1.43.18.1.1.2.1.1", 3));
    binds.push_back(number("1.3.6.1.4.1.367.3.2.1.2.19.5.1.5.1", 0, ValueKind::end_of_mib_view));
    binds.push_back(number("1.3.6.1.4.1.367.3.2.1.2.19.5.1.5.1", 0, ValueKind::end_of_mib_view));
    binds.push_back(number("1.3.6.1.2.1.43.11.1.1.9.1.4", 10));
    walk.take_response(binds);
    REQUIRE_FALSE(walk.done());
    std::vector<VarBind> alerts;
    for (int row = 2; row <= 70; ++row) alerts.push_back(number(("1.3.6.1.2.1.43.18.1.1.2.1." + std::to_string(row)).c_str(), 3));
    CHECK(walk.next_request().walk_cursors.size() == 1);
    walk.take_response(alerts);
    walk.take_response({number("1.3.6.1.2.1.43.19.1.1.1.1", 1)});
    CHECK(walk.done());
    auto& builder = walk.builder();
    CHECK(builder.reading().supplies.size() == 1);
    CHECK(builder.reading().alerts.size() == 64);
    const auto codes = [&] {
        std::vector<std::string> list;
        for (const auto& oddity : builder.oddities()) list.push_back(oddity.code);
        return list;
    }();
    CHECK(codes == std::vector<std::string>{"walk_not_increasing", "table_too_long"});
}

TEST_CASE("telemetry: a device asks the repetitions its largest table walked last needed, from 2 to the setting") {
    using telemetry::SampleKind;
    const auto only = [](SampleKind kind) {
        telemetry::KindsDue kinds;
        kinds.due[static_cast<std::size_t>(kind) - 1] = true;
        return kinds;
    };
    const telemetry::TableRows unknown;
    CHECK(telemetry::walk_repetitions(telemetry::every_kind(), unknown, 16) == 16);
    CHECK(telemetry::walk_repetitions(only(SampleKind::status), unknown, 16) == 2);  // alerts expected empty

    telemetry::TableRows quiet;  // no alert, four supplies, five Ricoh counters, three toners
    quiet.alerts = 0;
    quiet.supplies = 4;
    quiet.ricoh_counters = 5;
    quiet.ricoh_toners = 3;
    CHECK(telemetry::walk_repetitions(only(SampleKind::status), quiet, 16) == 2);  // 0 cells + the end, at least 2
    auto jammed = quiet;
    jammed.alerts = 1;
    CHECK(telemetry::walk_repetitions(only(SampleKind::status), jammed, 16) == 9);  // 8 columns + the end
    CHECK(telemetry::walk_repetitions(only(SampleKind::status), jammed, 6) == 6);   // never above the setting
    CHECK(telemetry::walk_repetitions(only(SampleKind::supplies), quiet, 64) == 33);  // supplies 4 × 8 over toners 3 × 5
    CHECK(telemetry::walk_repetitions(only(SampleKind::counters), quiet, 64) == 46);  // 5 counters × 9
    CHECK(telemetry::walk_repetitions(telemetry::every_kind(), quiet, 16) == 16);
    CHECK(telemetry::walk_repetitions(only(SampleKind::firmware), quiet, 16) == 2);  // no table: scalars only
    // A table this poll walks but the last reading lacks asks the full setting.
    auto partial = quiet;
    partial.ricoh_toners.reset();
    CHECK(telemetry::walk_repetitions(only(SampleKind::status), partial, 16) == 2);
    CHECK(telemetry::walk_repetitions(only(SampleKind::supplies), partial, 16) == 16);
}

TEST_CASE("telemetry: a table larger than the repetitions asked is walked to its end by the following requests") {
    telemetry::KindsDue status;
    status.due[static_cast<std::size_t>(telemetry::SampleKind::status) - 1] = true;
    telemetry::TableRows alerting;
    alerting.alerts = 2;
    telemetry::DeviceWalk walk(2, status, alerting);
    auto request = walk.next_request();
    REQUIRE(request.walk_cursors.size() == 1);
    CHECK(request.repetitions == 2);
    std::vector<VarBind> binds(request.scalar_parents.size(), number("1.3.6.1.2.1.1.0", 0));
    binds.push_back(number("1.3.6.1.2.1.43.18.1.1.2.1.1", 4));
    binds.push_back(number("1.3.6.1.2.1.43.18.1.1.2.1.2", 3));
    walk.take_response(binds);
    REQUIRE_FALSE(walk.done());
    CHECK(walk.next_request().walk_cursors == std::vector<telemetry::Oid>{telemetry::parse_oid("1.3.6.1.2.1.43.18.1.1.2.1.2")});
    walk.take_response({number("1.3.6.1.2.1.43.18.1.1.4.1.1", 8), number("1.3.6.1.2.1.43.18.1.1.4.1.2", 8)});
    REQUIRE_FALSE(walk.done());
    walk.next_request();
    walk.take_response({number("1.3.6.1.2.1.43.19.1.1.1.1", 1), number("1.3.6.1.2.1.43.19.1.1.1.2", 1)});
    CHECK(walk.done());
    REQUIRE(walk.builder().reading().alerts.size() == 2);
    CHECK(walk.builder().reading().alerts[1].group == 8);
}

TEST_CASE("telemetry: a table empty last time is asked for its one binding, and walked when it has rows again") {
    telemetry::KindsDue status;
    status.due[static_cast<std::size_t>(telemetry::SampleKind::status) - 1] = true;
    telemetry::TableRows quiet;
    quiet.alerts = 0;
    // Never read: expected empty as most printers' alert tables are, so asked the same way.
    for (const auto& rows : {quiet, telemetry::TableRows{}}) {
        const auto asked = telemetry::DeviceWalk(16, status, rows).next_request();
        CHECK(asked.walk_cursors.empty());
        CHECK(asked.repetitions == 2);
    }
    telemetry::DeviceWalk still_quiet(16, status, quiet);
    auto request = still_quiet.next_request();
    CHECK(request.walk_cursors.empty());
    CHECK(request.next_cursors == std::vector<telemetry::Oid>{telemetry::parse_oid("1.3.6.1.2.1.43.18.1.1")});
    std::vector<VarBind> binds(request.scalar_parents.size(), number("1.3.6.1.2.1.1.0", 0));
    binds.push_back(number("1.3.6.1.2.1.43.19.1.1.1.1", 1));
    still_quiet.take_response(binds);
    CHECK(still_quiet.done());
    CHECK(still_quiet.builder().reading().alerts.empty());

    telemetry::DeviceWalk jammed(2, status, quiet);
    request = jammed.next_request();
    binds.back() = number("1.3.6.1.2.1.43.18.1.1.2.1.1", 4);
    jammed.take_response(binds);
    REQUIRE_FALSE(jammed.done());
    request = jammed.next_request();
    CHECK(request.next_cursors.empty());
    CHECK(request.walk_cursors == std::vector<telemetry::Oid>{telemetry::parse_oid("1.3.6.1.2.1.43.18.1.1.2.1.1")});
    jammed.take_response({number("1.3.6.1.2.1.43.18.1.1.4.1.1", 8), number("1.3.6.1.2.1.43.19.1.1.1.1", 1)});
    CHECK(jammed.done());
    REQUIRE(jammed.builder().reading().alerts.size() == 1);
    CHECK(jammed.builder().reading().alerts[0].severity == 4);
    CHECK(jammed.builder().reading().alerts[0].group == 8);
}

TEST_CASE("telemetry: a device never read is asked its scalars alone first, then its tables") {
    const auto every = telemetry::every_kind();
    telemetry::DeviceWalk walk(16, every);
    CHECK(walk.ask_scalars_first());
    auto request = walk.next_request();
    CHECK_FALSE(request.scalar_parents.empty());
    CHECK(request.walk_cursors.empty());
    CHECK(request.repetitions == 0);
    // The alert table, expected empty, is one non-repeater: it rides along.
    CHECK(request.next_cursors == std::vector<telemetry::Oid>{telemetry::parse_oid("1.3.6.1.2.1.43.18.1.1")});
    std::vector<VarBind> binds(request.scalar_parents.size(), number("1.3.6.1.2.1.1.0", 0));
    binds.push_back(number("1.3.6.1.2.1.43.19.1.1.1.1", 1));
    walk.take_response(binds);
    REQUIRE_FALSE(walk.done());

    request = walk.next_request();
    CHECK(request.scalar_parents.empty());
    CHECK(request.next_cursors.empty());
    CHECK(request.walk_cursors == std::vector<telemetry::Oid>{telemetry::parse_oid("1.3.6.1.2.1.43.11.1.1"),
                                                              telemetry::parse_oid("1.3.6.1.4.1.367.3.2.1.2.19.5.1"),
                                                              telemetry::parse_oid("1.3.6.1.4.1.367.3.2.1.2.24.1.1")});
    CHECK(request.repetitions == 16);
    walk.take_response({number("1.3.6.1.2.1.43.11.1.1.9.1.1", 40), number("1.3.6.1.4.1.367.3.2.1.2.19.5.1.9.1", 1200),
                        number("1.3.6.1.4.1.367.3.2.1.2.24.1.1.5.1", 40), number("1.3.6.1.2.1.43.12.1.1.2.1.1", 1),
                        number("1.3.6.1.4.1.367.3.2.1.2.24.1.1.5.1", 40), number("1.3.6.1.4.1.367.3.2.1.3.1", 1)});
    CHECK(walk.done());
    REQUIRE(walk.builder().reading().supplies.size() == 1);
    CHECK(walk.builder().reading().supplies[0].level == 40);
    REQUIRE(walk.builder().reading().ricoh_counters.size() == 1);
    CHECK(walk.builder().reading().ricoh_counters[0].value == 1200);
}

TEST_CASE("telemetry: a poll that asks no scalars walks its tables from the first request, never read or not") {
    telemetry::DeviceWalk walk(16, *telemetry::parse_kinds("supplies"));
    CHECK_FALSE(walk.ask_scalars_first());
    const auto request = walk.next_request();
    CHECK(request.scalar_parents.empty());
    CHECK(request.walk_cursors == std::vector<telemetry::Oid>{telemetry::parse_oid("1.3.6.1.2.1.43.11.1.1"),
                                                              telemetry::parse_oid("1.3.6.1.4.1.367.3.2.1.2.24.1.1")});
    CHECK(request.repetitions == 16);
}

TEST_CASE("telemetry: a long Ricoh table is walked by the columns a reading keeps, a short one whole") {
    telemetry::KindsDue counters;
    counters.due[static_cast<std::size_t>(telemetry::SampleKind::counters) - 1] = true;
    telemetry::TableRows many;
    many.ricoh_counters = 40;
    CHECK(telemetry::DeviceWalk(16, counters, many).next_request().walk_cursors ==
          std::vector<telemetry::Oid>{telemetry::parse_oid("1.3.6.1.4.1.367.3.2.1.2.19.5.1.5"),
                                      telemetry::parse_oid("1.3.6.1.4.1.367.3.2.1.2.19.5.1.9")});
    CHECK(telemetry::walk_repetitions(counters, many, 64) == 41);  // 40 rows of one column and the end

    telemetry::TableRows few;
    few.ricoh_counters = telemetry::column_walk_rows;
    CHECK(telemetry::DeviceWalk(16, counters, few).next_request().walk_cursors ==
          std::vector<telemetry::Oid>{telemetry::parse_oid("1.3.6.1.4.1.367.3.2.1.2.19.5.1")});
    CHECK(telemetry::walk_repetitions(counters, few, 128) == 73);  // 8 rows × 9 columns and the end

    // A value column that runs into the next column ends the walk of names, not the table's.
    telemetry::DeviceWalk walk(4, counters, many);
    const auto request = walk.next_request();
    std::vector<VarBind> binds(request.scalar_parents.size(), number("1.3.6.1.2.1.1.0", 0));
    VarBind name;
    name.oid = telemetry::parse_oid("1.3.6.1.4.1.367.3.2.1.2.19.5.1.5.1");
    name.value.kind = ValueKind::octets;
    name.value.octets = "Counter: Machine Total";
    binds.push_back(name);
    binds.push_back(number("1.3.6.1.4.1.367.3.2.1.2.19.5.1.9.1", 1234, ValueKind::counter));
    binds.push_back(number("1.3.6.1.4.1.367.3.2.1.2.19.5.1.9.1", 1234, ValueKind::counter));  // past the names
    binds.push_back(number("1.3.6.1.4.1.367.3.2.1.2.19.5.2.1", 0));  // past the values
    walk.take_response(binds);
    CHECK(walk.done());
    REQUIRE(walk.builder().reading().ricoh_counters.size() == 1);
    CHECK(walk.builder().reading().ricoh_counters[0].name == "Counter: Machine Total");
    CHECK(walk.builder().reading().ricoh_counters[0].value == 1234);
    CHECK(walk.builder().oddities().empty());
}

TEST_CASE("telemetry: with a known layout the supply tables are walked by their levels, and whole when the rows differ") {
    telemetry::KindsDue supplies;
    supplies.due[static_cast<std::size_t>(telemetry::SampleKind::supplies) - 1] = true;
    telemetry::TableRows rows;
    rows.supplies = 2;
    rows.ricoh_toners = 1;
    telemetry::SupplyLayout layout;
    layout.supplies = {{1, 3, 3, "Black Toner", 19, 100, {}}, {2, 4, 4, "Waste Toner", 19, -2, {}}};
    layout.ricoh_toners = {{1, "Black Toner", {}}};
    const auto level = [](const char* oid, std::int64_t value) { return number(oid, value); };

    telemetry::DeviceWalk walk(16, supplies, rows, layout);
    auto request = walk.next_request();
    CHECK(request.walk_cursors == std::vector<telemetry::Oid>{parse_oid("1.3.6.1.2.1.43.11.1.1.9"),
                                                              parse_oid("1.3.6.1.4.1.367.3.2.1.2.24.1.1.5")});
    CHECK(request.repetitions == 3);  // two rows of one column and the end
    const auto end = number("1.3.6.1.4.1.367.3.2.1.2.24.1.1.5.1", 0, ValueKind::end_of_mib_view);
    walk.take_response({level("1.3.6.1.2.1.43.11.1.1.9.1.1", 42), level("1.3.6.1.4.1.367.3.2.1.2.24.1.1.5.1", 40),
                        level("1.3.6.1.2.1.43.11.1.1.9.1.2", -3), end, level("1.3.6.1.2.1.43.12.1.1.2.1.1", 1), end});
    CHECK(walk.done());
    CHECK(walk.builder().oddities().empty());
    const auto& reading = walk.builder().reading();
    REQUIRE(reading.supplies.size() == 2);
    CHECK(reading.supplies[0].description == "Black Toner");
    CHECK(reading.supplies[0].max_capacity == 100);
    CHECK(reading.supplies[0].level == 42);
    CHECK(reading.supplies[1].supply_class == 4);
    CHECK(reading.supplies[1].level == -3);
    REQUIRE(reading.ricoh_toners.size() == 1);
    CHECK(reading.ricoh_toners[0].name == "Black Toner");
    CHECK(reading.ricoh_toners[0].level == 40);

    // A third supply: the supplies table is walked whole from the next request, at the setting.
    telemetry::DeviceWalk grown(16, supplies, rows, layout);
    grown.next_request();
    grown.take_response({level("1.3.6.1.2.1.43.11.1.1.9.1.1", 42), level("1.3.6.1.4.1.367.3.2.1.2.24.1.1.5.1", 40),
                         level("1.3.6.1.2.1.43.11.1.1.9.1.2", -3), end, level("1.3.6.1.2.1.43.11.1.1.9.1.3", 77), end});
    REQUIRE_FALSE(grown.done());
    CHECK(grown.next_request().walk_cursors == std::vector<telemetry::Oid>{parse_oid("1.3.6.1.2.1.43.11.1.1.9.1.3")});
    grown.take_response({level("1.3.6.1.2.1.43.12.1.1.2.1.1", 1)});
    REQUIRE_FALSE(grown.done());
    request = grown.next_request();
    CHECK(request.walk_cursors == std::vector<telemetry::Oid>{parse_oid("1.3.6.1.2.1.43.11.1.1")});
    CHECK(request.repetitions == 16);
    CHECK(grown.builder().reading().supplies.empty());
    CHECK(grown.builder().reading().ricoh_toners.at(0).name == "Black Toner");

    // With the counters due, or no layout, the tables are walked whole.
    auto hourly = supplies;
    hourly.due[static_cast<std::size_t>(telemetry::SampleKind::counters) - 1] = true;
    for (const auto& whole : {telemetry::DeviceWalk(16, hourly, rows, layout), telemetry::DeviceWalk(16, supplies, rows)}) {
        auto copy = whole;
        const auto cursors = copy.next_request().walk_cursors;
        CHECK(std::find(cursors.begin(), cursors.end(), parse_oid("1.3.6.1.2.1.43.11.1.1")) != cursors.end());
        CHECK(std::find(cursors.begin(), cursors.end(), parse_oid("1.3.6.1.2.1.43.11.1.1.9")) == cursors.end());
    }
}

}  // namespace madoguchi::testing
