#pragma once
// Supplies (消耗品: toner, waste toner box, drum …) as the Printer-MIB reports them, read into
// what the desk acts on: how much is left, in percent, and which colour.
//
// Sources: RFC 3805 (Printer-MIB v2) prtMarkerSuppliesTable and the IANA-PRINTER-MIB
// textual conventions; Ricoh's private toner table as monitoring tools read it (Checkmk's
// printer_supply_ricoh check, LibreNMS's toner discovery), since Ricoh publishes no MIB text.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "telemetry/oddity.hpp"

namespace madoguchi::telemetry {

// One row of prtMarkerSuppliesTable, 1.3.6.1.2.1.43.11.1.1.<column>.<hrDeviceIndex>.<supply>,
// as read. An integer is empty when the agent had no such object or answered another type.
struct SupplyRow {
    std::string description;                  // .6 prtMarkerSuppliesDescription (OCTET STRING 0..255)
    std::optional<std::int64_t> type;         // .5 prtMarkerSuppliesType (PrtMarkerSuppliesTypeTC)
    std::optional<std::int64_t> supply_class; // .4 prtMarkerSuppliesClass: 1 other, 3 consumed, 4 receptacle
    std::optional<std::int64_t> unit;         // .7 prtMarkerSuppliesSupplyUnit (19 = percent)
    std::optional<std::int64_t> max_capacity; // .8 prtMarkerSuppliesMaxCapacity: −1 other, −2 unknown
    std::optional<std::int64_t> level;        // .9 prtMarkerSuppliesLevel: −1 other, −2 unknown, −3 some remaining
    // prtMarkerColorantValue (1.3.6.1.2.1.43.12.1.1.4.<hrDeviceIndex>.<colorant>) of the row's
    // .3 prtMarkerSuppliesColorantIndex: "black", "cyan"…; empty when the row names none.
    std::string colorant;
};

// One row of Ricoh's toner table (enterprise 367), 1.3.6.1.4.1.367.3.2.1.2.24.1.1.<column>.<n>.
struct RicohTonerRow {
    std::string name;                   // .2 e.g. "Black Toner"
    std::optional<std::int64_t> level;  // .5 0–100 percent (in steps of 10 on the machines seen),
                                        // −100 near empty, −2 unknown, −3 some remaining
};

// What a supply is, from prtMarkerSuppliesType; the kinds the desk handles by name, the rest other.
enum class SupplyKind {
    toner,            // toner(3), tonerCartridge(21)
    waste_toner,      // wasteToner(4)
    ink,              // ink(5), inkCartridge(6)
    drum,             // opc(9): 感光体
    developer,        // developer(10)
    fuser,            // fuser(15)
    transfer_unit,    // transferUnit(20)
    cleaner_unit,     // cleanerUnit(18)
    staples,          // staples(32)
    other,
};

enum class Colour { black, cyan, magenta, yellow, none };

enum class LevelState {
    measured,        // percent holds the level
    some_remaining,  // −3: the agent knows there is some, not how much
    near_empty,      // Ricoh −100: below the machine's own near-end mark
    unknown,         // −1, −2, no maximum, or a value that cannot be right
};

struct SupplyReading {
    std::string description;  // UTF-8, at most 255 bytes
    SupplyKind kind = SupplyKind::other;
    Colour colour = Colour::none;
    // A receptacle (class 4, e.g. the waste toner box) fills up: percent is how full it is,
    // and some_remaining means some room is left.
    bool receptacle = false;
    LevelState state = LevelState::unknown;
    std::optional<int> percent;  // 0–100 when state is measured: left, or full for a receptacle
    std::vector<Oddity> oddities;
};

SupplyReading read_supply(const SupplyRow& row);
SupplyReading read_ricoh_toner(const RicohTonerRow& row);

SupplyKind supply_kind_of(std::optional<std::int64_t> type);

// The colour a colorant value or a description names, in English or Japanese (black ブラック
// 黒, cyan シアン, magenta マゼンタ, yellow イエロー 黄; katakana full- or half-width, any
// case); none when it names no colour or more than one ("CMY colour kit").
Colour colour_named(std::string_view text);

// Names ("toner", "black", "near_empty") and catalog keys "telemetry.supply.<name>",
// "telemetry.colour.<name>", "telemetry.level.<name>".
std::string_view supply_kind_name(SupplyKind kind);
std::string_view supply_kind_label_key(SupplyKind kind);
std::string_view colour_name(Colour colour);
std::string_view colour_label_key(Colour colour);
std::string_view level_state_name(LevelState state);
std::string_view level_state_label_key(LevelState state);

}  // namespace madoguchi::telemetry
