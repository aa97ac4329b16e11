#include "telemetry/printer_status.hpp"

#include <algorithm>
#include <array>

#include "tickets/named_values.hpp"

namespace madoguchi::telemetry {

namespace {

constexpr int error_bit_count = 15;  // lowPaper(0) … overduePreventMaint(14)

// prtAlertSeverityLevel
constexpr std::int64_t severity_critical = 3;
constexpr std::int64_t severity_binary_change_event = 5;
// PrtAlertGroupTC
constexpr std::int64_t group_cover = 6;
constexpr std::int64_t group_input = 8;
constexpr std::int64_t group_output = 9;
constexpr std::int64_t group_marker = 10;
constexpr std::int64_t group_marker_supplies = 11;

// Jam, no toner, door open, service requested and unreachable are the faults the vendor
// comes for; paper, trays and output bins are the users' own to handle. Low toner runs
// through the toner orders, not incidents.
constexpr std::array<ConditionPolicy, 18> policies{{
    {Condition::low_paper, false, false},
    {Condition::no_paper, false, true},
    {Condition::low_toner, false, false},
    {Condition::no_toner, true, true},
    {Condition::door_open, true, true},
    {Condition::jammed, true, true},
    {Condition::offline, false, true},
    {Condition::service_requested, true, true},
    {Condition::input_tray_missing, false, true},
    {Condition::output_tray_missing, false, true},
    {Condition::marker_supply_missing, true, true},
    {Condition::output_near_full, false, false},
    {Condition::output_full, false, true},
    {Condition::input_tray_empty, false, false},
    {Condition::overdue_prevent_maint, true, false},
    {Condition::waste_toner_full, true, true},
    {Condition::critical_alert, true, true},
    {Condition::unreachable, true, true},
}};

constexpr std::array<tickets::Named<Condition>, 18> condition_texts{{
    {Condition::low_paper, "low_paper", "telemetry.condition.low_paper"},
    {Condition::no_paper, "no_paper", "telemetry.condition.no_paper"},
    {Condition::low_toner, "low_toner", "telemetry.condition.low_toner"},
    {Condition::no_toner, "no_toner", "telemetry.condition.no_toner"},
    {Condition::door_open, "door_open", "telemetry.condition.door_open"},
    {Condition::jammed, "jammed", "telemetry.condition.jammed"},
    {Condition::offline, "offline", "telemetry.condition.offline"},
    {Condition::service_requested, "service_requested", "telemetry.condition.service_requested"},
    {Condition::input_tray_missing, "input_tray_missing", "telemetry.condition.input_tray_missing"},
    {Condition::output_tray_missing, "output_tray_missing", "telemetry.condition.output_tray_missing"},
    {Condition::marker_supply_missing, "marker_supply_missing", "telemetry.condition.marker_supply_missing"},
    {Condition::output_near_full, "output_near_full", "telemetry.condition.output_near_full"},
    {Condition::output_full, "output_full", "telemetry.condition.output_full"},
    {Condition::input_tray_empty, "input_tray_empty", "telemetry.condition.input_tray_empty"},
    {Condition::overdue_prevent_maint, "overdue_prevent_maint", "telemetry.condition.overdue_prevent_maint"},
    {Condition::waste_toner_full, "waste_toner_full", "telemetry.condition.waste_toner_full"},
    {Condition::critical_alert, "critical_alert", "telemetry.condition.critical_alert"},
    {Condition::unreachable, "unreachable", "telemetry.condition.unreachable"},
}};

constexpr std::array<tickets::Named<DeviceStatus>, 5> device_status_texts{{
    {DeviceStatus::unknown, "unknown", "telemetry.device_status.unknown"},
    {DeviceStatus::running, "running", "telemetry.device_status.running"},
    {DeviceStatus::warning, "warning", "telemetry.device_status.warning"},
    {DeviceStatus::testing, "testing", "telemetry.device_status.testing"},
    {DeviceStatus::down, "down", "telemetry.device_status.down"},
}};

constexpr std::array<tickets::Named<PrinterActivity>, 5> activity_texts{{
    {PrinterActivity::other, "other", "telemetry.activity.other"},
    {PrinterActivity::unknown, "unknown", "telemetry.activity.unknown"},
    {PrinterActivity::idle, "idle", "telemetry.activity.idle"},
    {PrinterActivity::printing, "printing", "telemetry.activity.printing"},
    {PrinterActivity::warmup, "warmup", "telemetry.activity.warmup"},
}};

constexpr std::array<tickets::Named<PrinterState>, 5> state_texts{{
    {PrinterState::ok, "ok", "telemetry.state.ok"},
    {PrinterState::attention, "attention", "telemetry.state.attention"},
    {PrinterState::error, "error", "telemetry.state.error"},
    {PrinterState::unreachable, "unreachable", "telemetry.state.unreachable"},
    {PrinterState::unknown, "unknown", "telemetry.state.unknown"},
}};
static_assert(tickets::in_enum_order(condition_texts) && tickets::in_enum_order(device_status_texts) &&
              tickets::in_enum_order(activity_texts) && tickets::in_enum_order(state_texts));

// policy_of indexes the policies by condition.
constexpr bool policies_in_order() {
    for (std::size_t i = 0; i < policies.size(); ++i)
        if (static_cast<std::size_t>(policies[i].condition) != i) return false;
    return true;
}
static_assert(policies_in_order() && policies.size() == condition_texts.size());

std::optional<Condition> condition_of_generic_code(std::int64_t code, std::int64_t group) {
    switch (code) {
        case 3: case 5: return Condition::door_open;  // coverOpen, interlockOpen
        case 8: return Condition::jammed;
        case 9:  // subunitMissing
            if (group == group_input) return Condition::input_tray_missing;
            if (group == group_output) return Condition::output_tray_missing;
            if (group == group_marker_supplies || group == group_marker) return Condition::marker_supply_missing;
            return std::nullopt;
        case 11: return Condition::overdue_prevent_maint;  // subunitLifeOver
        case 12:  // subunitAlmostEmpty
            if (group == group_input) return Condition::low_paper;
            if (group == group_marker_supplies) return Condition::low_toner;
            return std::nullopt;
        case 13:  // subunitEmpty
            if (group == group_input) return Condition::input_tray_empty;
            if (group == group_marker_supplies) return Condition::no_toner;
            return std::nullopt;
        case 14: return group == group_output ? std::optional{Condition::output_near_full} : std::nullopt;
        case 15: return group == group_output ? std::optional{Condition::output_full} : std::nullopt;
        case 18: return group == group_cover ? std::optional{Condition::door_open} : std::nullopt;
        case 22: return Condition::offline;  // subunitOffline
        // Unrecoverable failure, storage error, motor, over-temperature, timing, thermistor.
        case 30: case 32: case 33: case 36: case 37: case 38: return Condition::service_requested;
        default: return std::nullopt;
    }
}

std::optional<Condition> condition_of_specific_code(std::int64_t code) {
    switch (code) {
        case 501: return Condition::door_open;
        case 801: return Condition::input_tray_missing;
        case 807: return Condition::low_paper;
        case 808: return Condition::input_tray_empty;
        case 901: return Condition::output_tray_missing;
        case 902: return Condition::output_near_full;
        case 903: return Condition::output_full;
        case 1001: case 1002: case 1003: case 1004: return Condition::service_requested;  // fuser
        case 1101: return Condition::no_toner;
        case 1104: return Condition::low_toner;
        case 1109: return Condition::waste_toner_full;
        case 1112: return Condition::overdue_prevent_maint;  // markerOpcLifeOver
        case 1115: return Condition::marker_supply_missing;
        default: return std::nullopt;
    }
}

void add(std::vector<Condition>& conditions, Condition condition) {
    if (std::find(conditions.begin(), conditions.end(), condition) == conditions.end())
        conditions.push_back(condition);
}

PrinterState state_of(const PrinterStatus& status) {
    const auto& conditions = status.conditions;
    if (std::find(conditions.begin(), conditions.end(), Condition::unreachable) != conditions.end())
        return PrinterState::unreachable;
    const bool affects_users = std::any_of(conditions.begin(), conditions.end(),
                                           [](Condition c) { return policy_of(c).affects_users; });
    if (affects_users || status.device == DeviceStatus::down) return PrinterState::error;
    if (!conditions.empty() || status.device == DeviceStatus::warning) return PrinterState::attention;
    if (status.device == DeviceStatus::running || status.device == DeviceStatus::testing) return PrinterState::ok;
    if (status.activity == PrinterActivity::idle || status.activity == PrinterActivity::printing ||
        status.activity == PrinterActivity::warmup)
        return PrinterState::ok;
    return PrinterState::unknown;
}

}  // namespace

std::span<const ConditionPolicy> condition_policies() { return policies; }

const ConditionPolicy& policy_of(Condition condition) {
    return policies[static_cast<std::size_t>(condition)];
}

ErrorBits decode_error_state(std::string_view bytes) {
    ErrorBits decoded;
    for (int bit = 0; bit < error_bit_count; ++bit) {
        const auto byte = static_cast<std::size_t>(bit / 8);
        if (byte >= bytes.size()) break;
        const auto mask = static_cast<unsigned char>(0x80u >> (bit % 8));
        if (static_cast<unsigned char>(bytes[byte]) & mask) decoded.conditions.push_back(static_cast<Condition>(bit));
    }
    // Bit 15 (the last of byte 1) and anything after it name no condition.
    const bool extra = (bytes.size() > 1 && (static_cast<unsigned char>(bytes[1]) & 0x01u)) ||
                       std::any_of(bytes.begin() + std::min<std::size_t>(bytes.size(), 2), bytes.end(),
                                   [](char byte) { return byte != 0; });
    if (extra) note(decoded.oddities, Oddity::unknown_error_bits);
    return decoded;
}

std::optional<Condition> condition_of_alert(const AlertRow& alert) {
    if (!alert.code) return std::nullopt;
    // A binary change event records that something happened; it is not a standing state.
    if (alert.severity == severity_binary_change_event) return std::nullopt;
    const auto group = alert.group.value_or(0);
    if (auto condition = condition_of_generic_code(*alert.code, group)) return condition;
    if (auto condition = condition_of_specific_code(*alert.code)) return condition;
    if (alert.severity == severity_critical) return Condition::critical_alert;
    return std::nullopt;
}

PrinterStatus read_status(const StatusInput& input) {
    PrinterStatus status;
    if (!input.device_status) note(status.oddities, Oddity::missing_value);
    else if (*input.device_status >= 1 && *input.device_status <= 5)
        status.device = static_cast<DeviceStatus>(*input.device_status - 1);
    else note(status.oddities, Oddity::unexpected_value);

    if (!input.printer_status) note(status.oddities, Oddity::missing_value);
    else if (*input.printer_status >= 1 && *input.printer_status <= 5)
        status.activity = static_cast<PrinterActivity>(*input.printer_status - 1);
    else note(status.oddities, Oddity::unexpected_value);

    auto bits = decode_error_state(input.error_state);
    for (const auto oddity : bits.oddities) note(status.oddities, oddity);
    for (const auto condition : bits.conditions) add(status.conditions, condition);
    for (const auto& alert : input.alerts)
        if (const auto condition = condition_of_alert(alert)) add(status.conditions, *condition);
    std::sort(status.conditions.begin(), status.conditions.end());
    status.state = state_of(status);
    return status;
}

Reachability next_reachability(Reachability previous, bool answered, int threshold) {
    if (answered) return {};
    Reachability next;
    next.missed_cycles = previous.missed_cycles < 1'000'000 ? previous.missed_cycles + 1 : previous.missed_cycles;
    next.unreachable = next.missed_cycles >= std::max(threshold, 1);
    return next;
}

void mark_unreachable(PrinterStatus& status) {
    add(status.conditions, Condition::unreachable);
    std::sort(status.conditions.begin(), status.conditions.end());
    status.state = PrinterState::unreachable;
}

std::string_view condition_name(Condition condition) { return tickets::named(condition_texts, condition).name; }
std::string_view condition_label_key(Condition condition) { return tickets::named(condition_texts, condition).label_key; }
std::optional<Condition> parse_condition(std::string_view name) { return tickets::parse_named(condition_texts, name); }
std::string_view device_status_name(DeviceStatus status) { return tickets::named(device_status_texts, status).name; }
std::string_view device_status_label_key(DeviceStatus status) {
    return tickets::named(device_status_texts, status).label_key;
}
std::string_view activity_name(PrinterActivity activity) { return tickets::named(activity_texts, activity).name; }
std::string_view activity_label_key(PrinterActivity activity) {
    return tickets::named(activity_texts, activity).label_key;
}
std::string_view printer_state_name(PrinterState state) { return tickets::named(state_texts, state).name; }
std::string_view printer_state_label_key(PrinterState state) { return tickets::named(state_texts, state).label_key; }

}  // namespace madoguchi::telemetry
