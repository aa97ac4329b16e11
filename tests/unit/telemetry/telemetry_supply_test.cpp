// Supply rows as agents answer them (RFC 3805 prtMarkerSuppliesTable, Ricoh's toner table),
// with the percentages worked out by hand.
#include <catch2/catch.hpp>

#include <string>

#include "telemetry/supply.hpp"

using namespace madoguchi::telemetry;

namespace {

SupplyRow toner(std::string description, std::int64_t max, std::int64_t level) {
    return {std::move(description), 3, 3, 13, max, level, ""};
}

bool has(const SupplyReading& reading, Oddity oddity) {
    for (const auto listed : reading.oddities)
        if (listed == oddity) return true;
    return false;
}

}  // namespace

TEST_CASE("a supply's level reads as the share of its maximum capacity", "[telemetry][supply]") {
    const auto black = read_supply(toner("Black Toner", 100, 45));
    CHECK(black.state == LevelState::measured);
    CHECK(black.percent == 45);
    CHECK(black.colour == Colour::black);
    CHECK(black.kind == SupplyKind::toner);
    CHECK_FALSE(black.receptacle);
    CHECK(black.oddities.empty());

    // 500 of 2000 tenths of grams is a quarter; 1 of 3 rounds to 33, 2 of 3 to 67.
    CHECK(read_supply(toner("Cyan Toner", 2000, 500)).percent == 25);
    CHECK(read_supply(toner("Cyan Toner", 3, 1)).percent == 33);
    CHECK(read_supply(toner("Cyan Toner", 3, 2)).percent == 67);
    CHECK(read_supply(toner("Cyan Toner", 2000, 0)).percent == 0);
}

TEST_CASE("the special levels −1, −2 and −3 are not percentages", "[telemetry][supply]") {
    const auto some = read_supply(toner("Black Toner", 100, -3));
    CHECK(some.state == LevelState::some_remaining);
    CHECK_FALSE(some.percent);
    for (const std::int64_t special : {-1, -2}) {
        const auto reading = read_supply(toner("Black Toner", 100, special));
        CHECK(reading.state == LevelState::unknown);
        CHECK_FALSE(reading.percent);
        CHECK(reading.oddities.empty());
    }
}

TEST_CASE("without a maximum only a level in percent is a percentage", "[telemetry][supply]") {
    // max −1 (other) with unit percent(19): the level is the percentage itself.
    CHECK(read_supply({"Black Toner", 3, 3, 19, -1, 60, ""}).percent == 60);
    // max −2 (unknown) with tenths of grams: nothing to divide by.
    const auto grams = read_supply({"Black Toner", 3, 3, 13, -2, 60, ""});
    CHECK(grams.state == LevelState::unknown);
    CHECK(grams.oddities.empty());
}

TEST_CASE("a waste toner box reads as how full it is", "[telemetry][supply]") {
    // Class 4: the level is the room left, 30 of 100, so the box is 70 % full.
    const auto waste = read_supply({"Waste Toner Box", 4, 4, 19, 100, 30, ""});
    CHECK(waste.receptacle);
    CHECK(waste.kind == SupplyKind::waste_toner);
    CHECK(waste.percent == 70);
    CHECK(read_supply({"Waste Toner Box", 4, 4, 19, 100, -3, ""}).state == LevelState::some_remaining);
    // An agent that leaves out the class still has a waste toner box that fills up.
    CHECK(read_supply({"Waste Toner Box", 4, std::nullopt, 19, 100, 10, ""}).percent == 90);
}

TEST_CASE("levels that cannot be right read as unknown with their oddity", "[telemetry][supply]") {
    const auto above = read_supply(toner("Black Toner", 100, 150));
    CHECK(above.state == LevelState::unknown);
    CHECK_FALSE(above.percent);
    CHECK(has(above, Oddity::level_above_max));

    CHECK(has(read_supply(toner("Black Toner", 100, -7)), Oddity::negative_level));
    CHECK(has(read_supply(toner("Black Toner", 0, 0)), Oddity::bad_max_capacity));
    CHECK(has(read_supply(toner("Black Toner", -5, 10)), Oddity::bad_max_capacity));
    CHECK(has(read_supply({"Black Toner", 3, 3, 19, -1, 101, ""}), Oddity::level_above_max));

    const auto missing = read_supply({"Black Toner", 3, 3, 13, 100, std::nullopt, ""});
    CHECK(missing.state == LevelState::unknown);
    CHECK(has(missing, Oddity::missing_value));

    const auto odd_class = read_supply({"Black Toner", 3, 9, 19, 100, 50, ""});
    CHECK(has(odd_class, Oddity::unexpected_value));
    CHECK(odd_class.percent == 50);

    // Huge numbers do not overflow: 2^62 of 2^63−1 is a half.
    const std::int64_t huge = std::int64_t{1} << 62;
    CHECK(read_supply(toner("Black Toner", INT64_MAX, huge)).percent == 50);
}

TEST_CASE("the colour comes from the colorant or the description, in English or Japanese", "[telemetry][supply]") {
    CHECK(colour_named("Black Toner") == Colour::black);
    CHECK(colour_named("トナー ブラック") == Colour::black);
    CHECK(colour_named("ﾄﾅｰ ﾌﾞﾗｯｸ") == Colour::black);
    CHECK(colour_named("ＢＬＡＣＫ") == Colour::black);
    CHECK(colour_named("黒トナー") == Colour::black);
    CHECK(colour_named("シアントナー") == Colour::cyan);
    CHECK(colour_named("MAGENTA TONER") == Colour::magenta);
    CHECK(colour_named("マゼンタ") == Colour::magenta);
    CHECK(colour_named("イエロー") == Colour::yellow);
    CHECK(colour_named("Toner Yellow") == Colour::yellow);
    CHECK(colour_named("Drum Unit") == Colour::none);
    CHECK(colour_named("Black/Cyan kit") == Colour::none);
    CHECK(colour_named("") == Colour::none);

    SupplyRow by_colorant = toner("Toner 2", 100, 80);
    by_colorant.colorant = "cyan";
    CHECK(read_supply(by_colorant).colour == Colour::cyan);
}

TEST_CASE("garbage descriptions are kept readable and never throw", "[telemetry][supply]") {
    const auto not_utf8 = read_supply(toner(std::string("\xff\xfe Black\x01", 9), 100, 10));
    CHECK(not_utf8.description == "?? Black");
    CHECK(not_utf8.colour == Colour::black);
    CHECK(has(not_utf8, Oddity::text_not_utf8));

    // Agents pad fixed fields with NULs.
    CHECK(read_supply(toner(std::string("Cyan Toner\0\0\0", 13), 100, 10)).description == "Cyan Toner");

    const auto huge = read_supply(toner(std::string(1'000'000, 'x'), 100, 10));
    CHECK(huge.description.size() == 255);
    CHECK(has(huge, Oddity::text_too_long));

    // Cut at a character boundary: 100 three-byte characters are 300 bytes, 85 fit in 255.
    std::string japanese;
    for (int i = 0; i < 100; ++i) japanese += "黒";
    const auto cut = read_supply(toner(japanese, 100, 10));
    CHECK(cut.description.size() == 255);
    CHECK(cut.description.substr(0, 3) == "黒");
    CHECK(has(cut, Oddity::text_too_long));
}

TEST_CASE("Ricoh's toner table: percent, −100 near empty, −3 some remaining", "[telemetry][supply]") {
    const auto black = read_ricoh_toner({"Black Toner", 30});
    CHECK(black.percent == 30);
    CHECK(black.colour == Colour::black);
    CHECK(black.kind == SupplyKind::toner);

    const auto near_empty = read_ricoh_toner({"Yellow Toner", -100});
    CHECK(near_empty.state == LevelState::near_empty);
    CHECK_FALSE(near_empty.percent);
    CHECK(near_empty.oddities.empty());

    CHECK(read_ricoh_toner({"Cyan Toner", -3}).state == LevelState::some_remaining);
    CHECK(read_ricoh_toner({"Cyan Toner", -2}).state == LevelState::unknown);
    CHECK(has(read_ricoh_toner({"Cyan Toner", 120}), Oddity::level_above_max));
    CHECK(has(read_ricoh_toner({"Cyan Toner", -50}), Oddity::negative_level));
    CHECK(has(read_ricoh_toner({"Cyan Toner", std::nullopt}), Oddity::missing_value));
}
