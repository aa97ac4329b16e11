// Every telemetry state, condition and oddity a view can show has its Japanese and English
// label in assets/i18n/telemetry.json.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "i18n/catalog.hpp"
#include "telemetry/billing.hpp"
#include "telemetry/firmware.hpp"
#include "telemetry/page_counter.hpp"
#include "telemetry/printer_status.hpp"
#include "telemetry/supply.hpp"
#include "telemetry/toner_forecast.hpp"
#include "telemetry/usage_anomaly.hpp"

using namespace madoguchi::telemetry;
using madoguchi::i18n::has_key;

namespace {

template <class Enum, class KeyOf>
std::vector<std::string> keys_of(int count, KeyOf key_of) {
    std::vector<std::string> keys;
    for (int i = 0; i < count; ++i) keys.emplace_back(key_of(static_cast<Enum>(i)));
    return keys;
}

}  // namespace

TEST_CASE("every telemetry label is in the catalog", "[telemetry][i18n]") {
    std::vector<std::vector<std::string>> groups{
        keys_of<SupplyKind>(10, supply_kind_label_key),
        keys_of<Colour>(5, colour_label_key),
        keys_of<LevelState>(4, level_state_label_key),
        keys_of<Condition>(18, condition_label_key),
        keys_of<DeviceStatus>(5, device_status_label_key),
        keys_of<PrinterActivity>(5, activity_label_key),
        keys_of<PrinterState>(5, printer_state_label_key),
        keys_of<CounterChange>(5, counter_change_label_key),
        keys_of<CounterFunction>(5, counter_function_label_key),
        keys_of<UsageVerdict>(4, usage_verdict_label_key),
        keys_of<OrderReason>(5, order_reason_label_key),
        keys_of<FirmwareStanding>(4, firmware_standing_label_key),
        keys_of<PaceStatus>(3, pace_status_label_key),
    };
    std::vector<std::string> oddities;
    for (const auto oddity : all_oddities()) oddities.emplace_back(oddity_label_key(oddity));
    groups.push_back(oddities);
    for (const auto& keys : groups)
        for (const auto& key : keys) {
            INFO(key);
            CHECK_FALSE(key.empty());
            CHECK(has_key(key));
        }
    CHECK(madoguchi::i18n::text("telemetry.condition.jammed", madoguchi::i18n::Language::ja) == "紙詰まり");
    CHECK(oddity_name(Oddity::counter_backwards) == "counter_backwards");
    CHECK(parse_oddity("level_above_max") == Oddity::level_above_max);
}
