// Ids in a query string: what the client writes the server reads back, and nothing else.
#include <catch2/catch.hpp>

#include "inventory/id_ranges.hpp"

using namespace madoguchi::inventory;

TEST_CASE("runs of ids are written as ranges, in order and once each") {
    CHECK(format_id_ranges({40, 7, 8, 9, 3, 10, 11, 12, 8}) == "3,7-12,40");
    CHECK(format_id_ranges({5}) == "5");
    CHECK(format_id_ranges({}).empty());
    CHECK(format_id_ranges({0, -4, 2}) == "2");
}

TEST_CASE("ranges read back as written and count each id once") {
    const auto ranges = parse_id_ranges("3,7-12,40");
    REQUIRE(ranges);
    CHECK(*ranges == std::vector<IdRange>{{3, 3}, {7, 12}, {40, 40}});
    CHECK(count_ids(*ranges) == 8);
    CHECK(count_ids(*parse_id_ranges("1-10,5-12,12")) == 12);
    std::vector<std::int64_t> many;
    for (std::int64_t id = 1; id <= 15000; id += (id % 100 == 0 ? 3 : 1)) many.push_back(id);
    const auto text = format_id_ranges(many);
    CHECK(text.size() < 2000);
    CHECK(count_ids(*parse_id_ranges(text)) == static_cast<std::int64_t>(many.size()));
}

TEST_CASE("anything but positive ids and ascending ranges is refused") {
    for (const auto* bad : {"", ",", "1,", "a", "1;2", "0", "-3", "5-2", "1-", "1--2", " 1", "1 ", "1e3",
                            "1234567890123456", "3-4-5"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_id_ranges(bad));
    }
}
