// The walk and the mapping of bindings to a reading, with answers no snmpsim record can give.
#include <catch2/catch.hpp>

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
    telemetry::DeviceWalk walk(10, telemetry::every_kind());
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

}  // namespace madoguchi::testing
