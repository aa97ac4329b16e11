#pragma once
// A printer's state and its conditions (異常状態): HOST-RESOURCES-MIB's device and printer
// status, the hrPrinterDetectedErrorState bits and the Printer-MIB alert table, read into
// the conditions the desk acts on, with which of them open a vendor incident and which
// affect users (the IT office is told about those) kept as data.
//
// Sources: RFC 2790 (hrDeviceStatus, hrPrinterStatus, hrPrinterDetectedErrorState),
// RFC 3805 and the IANA-PRINTER-MIB (prtAlertTable, PrtAlertGroupTC, PrtAlertCodeTC).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "telemetry/oddity.hpp"

namespace madoguchi::telemetry {

// hrDeviceStatus, 1.3.6.1.2.1.25.3.2.1.5.<hrDeviceIndex>.
enum class DeviceStatus { unknown, running, warning, testing, down };
// hrPrinterStatus, 1.3.6.1.2.1.25.3.5.1.1.<hrDeviceIndex>.
enum class PrinterActivity { other, unknown, idle, printing, warmup };

// A condition of one printer. The first fifteen are hrPrinterDetectedErrorState's bits in
// order (bit 0 = lowPaper … bit 14 = overduePreventMaint); the rest come from alerts and
// from the poller.
enum class Condition {
    low_paper, no_paper, low_toner, no_toner, door_open, jammed, offline, service_requested,
    input_tray_missing, output_tray_missing, marker_supply_missing, output_near_full,
    output_full, input_tray_empty, overdue_prevent_maint,
    waste_toner_full,  // markerWasteTonerReceptacleFull(1109)
    critical_alert,    // a critical alert whose code names none of the above
    unreachable,       // no answer for the configured number of poll cycles
};

struct ConditionPolicy {
    Condition condition;
    bool opens_vendor_incident;  // one incident per device and condition, assigned to the vendor
    bool affects_users;          // users cannot print as usual: flagged for the IT office
};

// The desk's policy for every condition, in the enumeration's order.
std::span<const ConditionPolicy> condition_policies();
const ConditionPolicy& policy_of(Condition condition);

// hrPrinterDetectedErrorState, 1.3.6.1.2.1.25.3.5.1.2.<hrDeviceIndex>: bit 0 is the most
// significant bit of the first byte; bytes the agent leaves out are zero. Bits beyond
// overduePreventMaint are reported as unknown_error_bits.
struct ErrorBits {
    std::vector<Condition> conditions;  // in bit order
    std::vector<Oddity> oddities;
};
ErrorBits decode_error_state(std::string_view bytes);

// One row of prtAlertTable, 1.3.6.1.2.1.43.18.1.1.<column>.<hrDeviceIndex>.<alertIndex>.
struct AlertRow {
    std::optional<std::int64_t> severity;  // .2 prtAlertSeverityLevel: 1 other, 3 critical, 4 warning,
                                           //    5 warningBinaryChangeEvent
    std::optional<std::int64_t> group;     // .4 prtAlertGroup (PrtAlertGroupTC): 8 input, 9 output,
                                           //    11 markerSupplies …
    std::optional<std::int64_t> code;      // .7 prtAlertCode (PrtAlertCodeTC)
    std::string description;               // .8 prtAlertDescription
};

// The condition an alert stands for; empty for alerts that are events rather than states
// (binary change events, "cover closed") and for codes that name nothing the desk acts on
// unless the alert is critical (then critical_alert).
std::optional<Condition> condition_of_alert(const AlertRow& alert);

// The printer as a whole, for the fleet overview's colours.
enum class PrinterState {
    ok,           // running, nothing that affects users
    attention,    // a condition to look at (low toner, near-full tray) but printing works
    error,        // a condition that affects users, or the device reports itself down
    unreachable,  // no answer for the configured number of cycles
    unknown,      // answers, but nothing usable about its state
};

struct StatusInput {
    std::optional<std::int64_t> device_status;   // hrDeviceStatus as read
    std::optional<std::int64_t> printer_status;  // hrPrinterStatus as read
    std::string error_state;                     // hrPrinterDetectedErrorState bytes
    std::vector<AlertRow> alerts;                // prtAlertTable rows
};

struct PrinterStatus {
    DeviceStatus device = DeviceStatus::unknown;
    PrinterActivity activity = PrinterActivity::unknown;
    std::vector<Condition> conditions;  // bits and alerts together, each once, in enumeration order
    PrinterState state = PrinterState::unknown;
    std::vector<Oddity> oddities;
};

PrinterStatus read_status(const StatusInput& input);

// "Offline for N cycles": the poller counts the cycles in a row without an answer.
struct Reachability {
    int missed_cycles = 0;
    bool unreachable = false;
};
// The next count after a cycle; unreachable from the `threshold`-th missed cycle (at least 1).
Reachability next_reachability(Reachability previous, bool answered, int threshold);
// Adds the unreachable condition to a device's last known status (state unreachable).
void mark_unreachable(PrinterStatus& status);

// Names ("door_open", "running", "printing", "attention") and catalog keys
// "telemetry.condition.<name>", "telemetry.device_status.<name>",
// "telemetry.activity.<name>", "telemetry.state.<name>".
std::string_view condition_name(Condition condition);
std::string_view condition_label_key(Condition condition);
std::optional<Condition> parse_condition(std::string_view name);
std::string_view device_status_name(DeviceStatus status);
std::string_view device_status_label_key(DeviceStatus status);
std::string_view activity_name(PrinterActivity activity);
std::string_view activity_label_key(PrinterActivity activity);
std::string_view printer_state_name(PrinterState state);
std::string_view printer_state_label_key(PrinterState state);

}  // namespace madoguchi::telemetry
