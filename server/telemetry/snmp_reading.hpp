#pragma once
// What one poll of one printer read, raw: the agent's values as they came, not interpreted
// (supply special values, error bits and forecasts belong to shared/telemetry). Each field
// names its numeric OID; "absent" means the agent did not answer it with a usable value.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "telemetry/poll_schedule.hpp"

namespace madoguchi::server::telemetry {

// One row of prtMarkerSuppliesTable, 1.3.6.1.2.1.43.11.1.1.<column>.1.<index>.
struct SupplyRow {
    std::uint32_t index = 0;
    std::optional<std::int64_t> supply_class;  // .4 prtMarkerSuppliesClass (3 consumed, 4 receptacle)
    std::optional<std::int64_t> type;          // .5 prtMarkerSuppliesType (3 toner, 4 wasteToner, …)
    std::string description;                   // .6 prtMarkerSuppliesDescription
    std::optional<std::int64_t> unit;          // .7 prtMarkerSuppliesSupplyUnit (19 percent, …)
    std::optional<std::int64_t> max_capacity;  // .8 prtMarkerSuppliesMaxCapacity (−1, −2 special)
    std::optional<std::int64_t> level;         // .9 prtMarkerSuppliesLevel (−1, −2, −3 special)
};

// One row of prtAlertTable, 1.3.6.1.2.1.43.18.1.1.<column>.1.<index>.
struct AlertRow {
    std::uint32_t index = 0;
    std::optional<std::int64_t> severity;  // .2 prtAlertSeverityLevel
    std::optional<std::int64_t> group;     // .4 prtAlertGroup
    std::optional<std::int64_t> code;      // .7 prtAlertCode
    std::string description;               // .8 prtAlertDescription
};

// Ricoh's private MIB (enterprise 367): ricohEngCounterTable 1.3.6.1.4.1.367.3.2.1.2.19.5.1,
// name .5.<index>, value .9.<index> (Total, Copy, Print, Fax, Scan, …).
struct RicohCounter {
    std::uint32_t index = 0;
    std::string name;
    std::optional<std::int64_t> value;
};

// ricohEngTonerTable 1.3.6.1.4.1.367.3.2.1.2.24.1.1: name .2.<index>, level .5.<index>
// (percent; −100 = near empty, −3 = some remaining).
struct RicohToner {
    std::uint32_t index = 0;
    std::string name;
    std::optional<std::int64_t> level;
};

struct SnmpReading {
    std::string sys_descr;                                // 1.3.6.1.2.1.1.1.0
    std::string sys_object_id;                            // 1.3.6.1.2.1.1.2.0, dotted
    std::optional<std::int64_t> sys_uptime;               // 1.3.6.1.2.1.1.3.0, hundredths of a second
    std::string sys_name;                                 // 1.3.6.1.2.1.1.5.0
    std::string serial_number;                            // 1.3.6.1.2.1.43.5.1.1.17.1 prtGeneralSerialNumber
    std::optional<std::int64_t> marker_counter_unit;      // 1.3.6.1.2.1.43.10.2.1.3.1.1 prtMarkerCounterUnit
    std::optional<std::int64_t> marker_life_count;        // 1.3.6.1.2.1.43.10.2.1.4.1.1 prtMarkerLifeCount
    std::optional<std::int64_t> device_status;            // 1.3.6.1.2.1.25.3.2.1.5.1 hrDeviceStatus
    std::optional<std::int64_t> printer_status;           // 1.3.6.1.2.1.25.3.5.1.1.1 hrPrinterStatus
    // 1.3.6.1.2.1.25.3.5.1.2.1 hrPrinterDetectedErrorState: the octets as sent (may be empty
    // or shorter than two bytes; shared/telemetry decodes the bits).
    std::optional<std::string> detected_error_state;
    std::vector<SupplyRow> supplies;
    std::vector<AlertRow> alerts;
    std::string ricoh_firmware_version;                   // 1.3.6.1.4.1.367.3.2.1.1.1.2.0
    std::string ricoh_serial_number;                      // 1.3.6.1.4.1.367.3.2.1.2.1.4.0
    std::vector<RicohCounter> ricoh_counters;
    std::vector<RicohToner> ricoh_toners;
};

// Something odd in an agent's answer that was left out of the reading instead of stored:
// a value of the wrong type, a negative counter, an over-long string (cut), noSuchObject for
// a value a printer must have, a table walk that went backwards. Once per device per cycle.
struct Oddity {
    std::string code;  // "wrong_type", "negative_counter", "string_too_long", "no_such_object", …
    std::string oid;   // numeric, dotted: where it was seen first in this cycle
    std::string detail;
    bool operator==(const Oddity&) const = default;
};

// One device's outcome of one poll cycle.
struct DeviceReading {
    std::int64_t device_id = 0;
    bool reachable = false;   // false: no answer within timeout × (1 + retries), or an SNMP error
    std::string failure;      // why unreachable: "timeout", "authentication", "error: …"
    SnmpReading reading;      // empty when unreachable
    std::vector<Oddity> oddities;
    int requests = 0;         // PDUs sent, retries not counted
    KindsDue kinds = every_kind();  // what the poll asked of it: the members `reading` holds
};

}  // namespace madoguchi::server::telemetry
