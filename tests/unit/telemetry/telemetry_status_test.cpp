// Printer status as HOST-RESOURCES-MIB and the Printer-MIB alert table report it, decoded by
// hand: hrPrinterDetectedErrorState bit 0 is the most significant bit of the first byte.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "telemetry/printer_status.hpp"

using namespace madoguchi::telemetry;
using Conditions = std::vector<Condition>;

namespace {

std::string bytes(std::initializer_list<unsigned char> values) {
    std::string out;
    for (const auto value : values) out.push_back(static_cast<char>(value));
    return out;
}

}  // namespace

TEST_CASE("error bits are read most significant bit first, missing bytes as zero", "[telemetry][status]") {
    // 0x24 = 0010 0100: bits 2 (lowToner) and 5 (jammed).
    CHECK(decode_error_state(bytes({0x24})).conditions == Conditions{Condition::low_toner, Condition::jammed});
    CHECK(decode_error_state(bytes({0x08})).conditions == Conditions{Condition::door_open});
    CHECK(decode_error_state(bytes({0x01})).conditions == Conditions{Condition::service_requested});
    // Bit 8 is the top of the second byte; bit 14 is 0x02 in it.
    CHECK(decode_error_state(bytes({0x00, 0x80})).conditions == Conditions{Condition::input_tray_missing});
    CHECK(decode_error_state(bytes({0x00, 0x02})).conditions == Conditions{Condition::overdue_prevent_maint});
    CHECK(decode_error_state(bytes({0x40, 0x04})).conditions == Conditions{Condition::no_paper, Condition::input_tray_empty});
    // One byte only: the second is taken as zero.
    CHECK(decode_error_state(bytes({0xC0})).conditions == Conditions{Condition::low_paper, Condition::no_paper});
    CHECK(decode_error_state("").conditions.empty());
    CHECK(decode_error_state("").oddities.empty());
}

TEST_CASE("error bits no condition stands for are an oddity, not a crash", "[telemetry][status]") {
    const auto bit15 = decode_error_state(bytes({0x00, 0x01}));
    CHECK(bit15.conditions.empty());
    CHECK(bit15.oddities == std::vector<Oddity>{Oddity::unknown_error_bits});
    const auto third_byte = decode_error_state(bytes({0x80, 0x00, 0xFF}));
    CHECK(third_byte.conditions == Conditions{Condition::low_paper});
    CHECK(third_byte.oddities == std::vector<Oddity>{Oddity::unknown_error_bits});
    // A huge string of zeros past the two bytes is harmless.
    CHECK(decode_error_state(std::string(1'000'000, '\0')).oddities.empty());
}

TEST_CASE("alert rows name conditions by code and group", "[telemetry][status]") {
    CHECK(condition_of_alert({3, 8, 13, "Tray 2 empty"}) == Condition::input_tray_empty);
    CHECK(condition_of_alert({3, 11, 13, "Toner empty"}) == Condition::no_toner);
    CHECK(condition_of_alert({4, 11, 1104, ""}) == Condition::low_toner);
    CHECK(condition_of_alert({3, 13, 8, "Jam"}) == Condition::jammed);
    CHECK(condition_of_alert({3, 6, 3, "Front cover open"}) == Condition::door_open);
    CHECK(condition_of_alert({3, 10, 1002, "Fuser over temperature"}) == Condition::service_requested);
    CHECK(condition_of_alert({3, 11, 1109, ""}) == Condition::waste_toner_full);
    CHECK(condition_of_alert({4, 9, 902, ""}) == Condition::output_near_full);
    // subunitMissing means a different thing per group.
    CHECK(condition_of_alert({3, 8, 9, ""}) == Condition::input_tray_missing);
    CHECK(condition_of_alert({3, 9, 9, ""}) == Condition::output_tray_missing);
    CHECK(condition_of_alert({3, 11, 9, ""}) == Condition::marker_supply_missing);
    // A code the desk has no name for: a critical one still counts, a warning does not.
    CHECK(condition_of_alert({3, 5, 9999, ""}) == Condition::critical_alert);
    CHECK_FALSE(condition_of_alert({4, 5, 9999, ""}));
    // Events are not states: a binary change event, even a jam, and "cover closed".
    CHECK_FALSE(condition_of_alert({5, 13, 8, "Jam cleared"}));
    CHECK_FALSE(condition_of_alert({4, 6, 4, "Cover closed"}));
    CHECK_FALSE(condition_of_alert({3, 8, std::nullopt, ""}));
    CHECK_FALSE(condition_of_alert({std::nullopt, std::nullopt, std::nullopt, std::string(100'000, 'x')}));
}

TEST_CASE("the printer's state: error when users are affected, attention otherwise", "[telemetry][status]") {
    const auto low_toner = read_status({3, 3, bytes({0x20}), {}});
    CHECK(low_toner.device == DeviceStatus::warning);
    CHECK(low_toner.activity == PrinterActivity::idle);
    CHECK(low_toner.conditions == Conditions{Condition::low_toner});
    CHECK(low_toner.state == PrinterState::attention);

    // The jam bit and a jam alert together are one condition, next to the alert's own.
    const auto jammed = read_status({2, 4, bytes({0x04}), {{3, 13, 8, "Jam"}, {3, 11, 1101, ""}}});
    CHECK(jammed.conditions == Conditions{Condition::no_toner, Condition::jammed});
    CHECK(jammed.state == PrinterState::error);

    CHECK(read_status({2, 4, "", {}}).state == PrinterState::ok);
    CHECK(read_status({5, 3, "", {}}).state == PrinterState::error);
    CHECK(read_status({std::nullopt, 3, "", {}}).state == PrinterState::ok);

    const auto garbage = read_status({99, std::nullopt, "", {}});
    CHECK(garbage.state == PrinterState::unknown);
    CHECK(garbage.oddities == std::vector<Oddity>{Oddity::unexpected_value, Oddity::missing_value});
}

TEST_CASE("which conditions open a vendor incident and which affect users", "[telemetry][status]") {
    for (const auto& policy : condition_policies()) CHECK(policy_of(policy.condition).condition == policy.condition);
    CHECK(condition_policies().size() == 18);
    for (const auto condition : {Condition::jammed, Condition::no_toner, Condition::door_open,
                                 Condition::service_requested, Condition::unreachable}) {
        CHECK(policy_of(condition).opens_vendor_incident);
        CHECK(policy_of(condition).affects_users);
    }
    CHECK_FALSE(policy_of(Condition::low_toner).opens_vendor_incident);
    CHECK_FALSE(policy_of(Condition::low_toner).affects_users);
    CHECK_FALSE(policy_of(Condition::no_paper).opens_vendor_incident);
    CHECK(policy_of(Condition::no_paper).affects_users);
    CHECK(policy_of(Condition::overdue_prevent_maint).opens_vendor_incident);
    CHECK_FALSE(policy_of(Condition::overdue_prevent_maint).affects_users);
}

TEST_CASE("a device is unreachable from the N-th cycle in a row without an answer", "[telemetry][status]") {
    Reachability reach;
    reach = next_reachability(reach, false, 3);
    reach = next_reachability(reach, false, 3);
    CHECK(reach.missed_cycles == 2);
    CHECK_FALSE(reach.unreachable);
    reach = next_reachability(reach, false, 3);
    CHECK(reach.unreachable);
    reach = next_reachability(reach, true, 3);
    CHECK(reach.missed_cycles == 0);
    CHECK_FALSE(reach.unreachable);
    // A threshold below one is taken as one.
    CHECK(next_reachability({}, false, 0).unreachable);

    auto status = read_status({2, 3, "", {}});
    mark_unreachable(status);
    CHECK(status.state == PrinterState::unreachable);
    CHECK(status.conditions == Conditions{Condition::unreachable});
}

TEST_CASE("condition names round-trip", "[telemetry][status]") {
    for (const auto& policy : condition_policies())
        CHECK(parse_condition(condition_name(policy.condition)) == policy.condition);
    CHECK(condition_name(Condition::overdue_prevent_maint) == "overdue_prevent_maint");
    CHECK_FALSE(parse_condition("paper_jam"));
}
