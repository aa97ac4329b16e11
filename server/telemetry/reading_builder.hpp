#pragma once
// Files an agent's variable bindings into a SnmpReading by numeric OID, checking each value's
// type and size; what does not fit is left out and noted as an oddity (once per code and OID
// per cycle), so garbage from one printer never reaches the stored state.
#include <span>
#include <vector>

#include "telemetry/poll_schedule.hpp"
#include "telemetry/snmp_reading.hpp"
#include "telemetry/snmp_value.hpp"

namespace madoguchi::server::telemetry {

// Longest octet string kept (the Printer-MIB's descriptions are at most 255 octets).
inline constexpr std::size_t max_octets = 255;
// Rows kept per table; a printer has a handful of supplies and alerts.
inline constexpr std::size_t max_table_rows = 64;

// What a poll of the given kinds reads (an agent answers per variable, so a poll asks only for
// the kinds due): status = sysUpTime, hrDeviceStatus, hrPrinterStatus,
// hrPrinterDetectedErrorState and the alert table; supplies = the supplies table and Ricoh's
// toner table; counters = prtMarkerLifeCount and its unit and Ricoh's counter table;
// firmware = sysDescr, sysObjectID, sysName, the serial numbers and Ricoh's firmware version.
// Scalars are asked with GETNEXT of their parent, so an absent one costs no error.
std::vector<Oid> polled_scalars(const KindsDue& kinds);
// The tables walked with GETBULK.
std::vector<Oid> polled_tables(const KindsDue& kinds);

class ReadingBuilder {
public:
    // A binding returned for scalar `requested` (the scalar's own OID): ignored when the agent
    // answered another OID (the scalar is absent).
    void scalar(const Oid& requested, const VarBind& bind);
    // A binding inside one of polled_tables().
    void table_cell(const Oid& table, const VarBind& bind);
    void note(std::string code, const Oid& oid, std::string detail = {});

    SnmpReading& reading() { return reading_; }
    std::vector<Oddity>& oddities() { return oddities_; }

private:
    std::optional<std::int64_t> integer(const VarBind& bind, bool counter);
    std::optional<std::string> octets(const VarBind& bind);

    SnmpReading reading_;
    std::vector<Oddity> oddities_;
};

}  // namespace madoguchi::server::telemetry
