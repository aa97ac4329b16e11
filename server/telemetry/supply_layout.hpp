#pragma once
// What a printer's supplies are, as opposed to how full they are: the Printer-MIB supplies
// table's descriptive columns (class, type, description, unit, max capacity) and the names in
// Ricoh's toner table. They change only when a cartridge slot or model changes, so the poll job
// reads them with the device's hourly counters; its polls in between read the level columns
// alone (a third of the bindings a colour MFP's tables take, and so of the agent's work) and
// complete the rows from the layout its last reading held.
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "telemetry/poll_schedule.hpp"
#include "telemetry/snmp_reading.hpp"

namespace madoguchi::server::telemetry {

struct SupplyLayout {
    std::vector<SupplyRow> supplies;  // levels not used
    std::vector<RicohToner> ricoh_toners;
};

// Whether a poll of `kinds` reads the supplies' levels alone: supplies due, the counters not
// (their turn re-reads the whole tables), and a layout known from the last reading.
bool reads_levels_only(const KindsDue& kinds, const std::optional<SupplyLayout>& layout);

// Rows read by their level column alone, completed with the other columns of the layout's rows
// of the same index. False when they are not the layout's rows (a supply added or removed):
// the table is then read whole.
bool complete_from_layout(std::vector<SupplyRow>& rows, const std::vector<SupplyRow>& layout);
bool complete_from_layout(std::vector<RicohToner>& rows, const std::vector<RicohToner>& layout);

// The layout a stored reading (reading_json) holds; nullopt when its supplies are not an array
// (never read) or a row has no index. Members of the wrong type read as absent.
std::optional<SupplyLayout> supply_layout_from_json(const nlohmann::json& reading);

}  // namespace madoguchi::server::telemetry
