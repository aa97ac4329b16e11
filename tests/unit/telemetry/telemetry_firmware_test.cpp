// Firmware versions compared part by part, by hand.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "telemetry/firmware.hpp"

using namespace madoguchi::telemetry;

namespace {

FirmwareStanding standing(std::string_view running, std::string_view target) {
    return firmware_standing(running, target);
}

}  // namespace

TEST_CASE("dotted versions compare number by number", "[telemetry][firmware]") {
    CHECK(standing("1.9", "1.10") == FirmwareStanding::behind);
    CHECK(standing("1.10", "1.9") == FirmwareStanding::ahead);
    CHECK(standing("1.02", "1.2") == FirmwareStanding::current);
    CHECK(standing("2.0", "2.0.1") == FirmwareStanding::behind);
    CHECK(standing("10.0", "9.99") == FirmwareStanding::ahead);
    CHECK(standing("  1.07 ", "1.07") == FirmwareStanding::current);
}

TEST_CASE("letters in versions compare alphabetically, after the number they follow", "[telemetry][firmware]") {
    CHECK(standing("2.01", "2.01a") == FirmwareStanding::behind);
    CHECK(standing("2.01b", "2.01a") == FirmwareStanding::ahead);
    CHECK(standing("2.01A", "2.01a") == FirmwareStanding::current);
    CHECK(standing("v2.1", "2.1") == FirmwareStanding::current);
    CHECK(standing("E1.03.1", "E1.03.2") == FirmwareStanding::behind);
    CHECK(standing("3.0-beta2", "3.0-beta10") == FirmwareStanding::behind);
    // In the same place a number is later than letters.
    CHECK(standing("3.0.1", "3.0.beta") == FirmwareStanding::ahead);
}

TEST_CASE("what is not a version is unknown, never a crash", "[telemetry][firmware]") {
    CHECK(standing("", "1.0") == FirmwareStanding::unknown);
    CHECK(standing("unknown", "1.0") == FirmwareStanding::unknown);
    CHECK(standing("1.0", "") == FirmwareStanding::unknown);
    CHECK(standing("1.0\xff", "1.0") == FirmwareStanding::unknown);
    CHECK(standing("1.0;rm", "1.0") == FirmwareStanding::unknown);
    CHECK(standing(std::string(65, '1'), "1.0") == FirmwareStanding::unknown);
    CHECK(standing("1.99999999999999999999", "1.0") == FirmwareStanding::unknown);
    CHECK(firmware_standing("1.0", std::nullopt) == FirmwareStanding::unknown);
    // Leading zeros do not count towards the digit limit.
    CHECK(standing("1.000000000000000000000007", "1.7") == FirmwareStanding::current);
}

TEST_CASE("the target comes from the model", "[telemetry][firmware]") {
    const std::vector<FirmwareTarget> targets{{"RICOH IM C3510F", "1.07"}, {"RICOH P 6510", "2.03"}};
    CHECK(target_for(targets, "RICOH P 6510") == "2.03");
    CHECK_FALSE(target_for(targets, "HP OfficeJet 200 Mobile"));
    CHECK(firmware_standing("1.05", target_for(targets, "RICOH IM C3510F")) == FirmwareStanding::behind);
}
