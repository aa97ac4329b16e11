#include "telemetry/supply.hpp"

#include <array>
#include <cmath>

#include "tickets/named_values.hpp"
#include "telemetry/snmp_text.hpp"
#include "text/search_fold.hpp"

namespace madoguchi::telemetry {

namespace {

constexpr std::size_t description_max_bytes = 255;  // OCTET STRING (SIZE(0..255)) in RFC 3805
constexpr std::int64_t class_other = 1;
constexpr std::int64_t class_consumed = 3;
constexpr std::int64_t class_receptacle = 4;
constexpr std::int64_t unit_percent = 19;
constexpr std::int64_t level_other = -1;
constexpr std::int64_t level_unknown = -2;
constexpr std::int64_t level_some_remaining = -3;
constexpr std::int64_t ricoh_near_empty = -100;

constexpr std::array<tickets::Named<SupplyKind>, 10> kind_texts{{
    {SupplyKind::toner, "toner", "telemetry.supply.toner"},
    {SupplyKind::waste_toner, "waste_toner", "telemetry.supply.waste_toner"},
    {SupplyKind::ink, "ink", "telemetry.supply.ink"},
    {SupplyKind::drum, "drum", "telemetry.supply.drum"},
    {SupplyKind::developer, "developer", "telemetry.supply.developer"},
    {SupplyKind::fuser, "fuser", "telemetry.supply.fuser"},
    {SupplyKind::transfer_unit, "transfer_unit", "telemetry.supply.transfer_unit"},
    {SupplyKind::cleaner_unit, "cleaner_unit", "telemetry.supply.cleaner_unit"},
    {SupplyKind::staples, "staples", "telemetry.supply.staples"},
    {SupplyKind::other, "other", "telemetry.supply.other"},
}};

constexpr std::array<tickets::Named<Colour>, 5> colour_texts{{
    {Colour::black, "black", "telemetry.colour.black"},
    {Colour::cyan, "cyan", "telemetry.colour.cyan"},
    {Colour::magenta, "magenta", "telemetry.colour.magenta"},
    {Colour::yellow, "yellow", "telemetry.colour.yellow"},
    {Colour::none, "none", "telemetry.colour.none"},
}};

constexpr std::array<tickets::Named<LevelState>, 4> level_texts{{
    {LevelState::measured, "measured", "telemetry.level.measured"},
    {LevelState::some_remaining, "some_remaining", "telemetry.level.some_remaining"},
    {LevelState::near_empty, "near_empty", "telemetry.level.near_empty"},
    {LevelState::unknown, "unknown", "telemetry.level.unknown"},
}};
static_assert(tickets::in_enum_order(kind_texts) && tickets::in_enum_order(colour_texts) &&
              tickets::in_enum_order(level_texts));

// Colour words after fold_for_search (lower-case ASCII, katakana as hiragana).
struct ColourWords {
    Colour colour;
    std::array<std::string_view, 3> words;
};
constexpr std::array<ColourWords, 4> colour_words{{
    {Colour::black, {"black", "ぶらっく", "黒"}},
    {Colour::cyan, {"cyan", "しあん", ""}},
    {Colour::magenta, {"magenta", "まぜんた", ""}},
    {Colour::yellow, {"yellow", "いえろー", "黄"}},
}};

bool is_receptacle(const SupplyRow& row, SupplyKind kind, std::vector<Oddity>& oddities) {
    if (row.supply_class) {
        if (*row.supply_class == class_receptacle) return true;
        if (*row.supply_class == class_consumed || *row.supply_class == class_other) return false;
        note(oddities, Oddity::unexpected_value);
    }
    // Without a usable class, a waste toner box is still a box that fills up.
    return kind == SupplyKind::waste_toner;
}

// The share of the supply's capacity the level stands for, 0–100, or why there is none.
void read_level(const SupplyRow& row, SupplyReading& reading) {
    if (!row.level) {
        note(reading.oddities, Oddity::missing_value);
        return;
    }
    const auto level = *row.level;
    if (level == level_some_remaining) {
        reading.state = LevelState::some_remaining;
        return;
    }
    if (level == level_other || level == level_unknown) return;
    if (level < 0) {
        note(reading.oddities, Oddity::negative_level);
        return;
    }
    const auto max = row.max_capacity;
    if (max && *max > 0) {
        if (level > *max) {
            note(reading.oddities, Oddity::level_above_max);
            return;
        }
        reading.percent = static_cast<int>(std::lround(100.0L * static_cast<long double>(level) /
                                                       static_cast<long double>(*max)));
    } else if (max && *max != level_other && *max != level_unknown) {
        note(reading.oddities, Oddity::bad_max_capacity);
        return;
    } else if (row.unit == unit_percent) {
        // No stated maximum, but the unit says the level is a percentage already.
        if (level > 100) {
            note(reading.oddities, Oddity::level_above_max);
            return;
        }
        reading.percent = static_cast<int>(level);
    } else {
        return;
    }
    reading.state = LevelState::measured;
    // A receptacle's level is the room left in it (RFC 3805): full is the complement.
    if (reading.receptacle) reading.percent = 100 - *reading.percent;
}

}  // namespace

SupplyKind supply_kind_of(std::optional<std::int64_t> type) {
    if (!type) return SupplyKind::other;
    switch (*type) {
        case 3: case 21: return SupplyKind::toner;
        case 4: return SupplyKind::waste_toner;
        case 5: case 6: return SupplyKind::ink;
        case 9: return SupplyKind::drum;
        case 10: return SupplyKind::developer;
        case 15: return SupplyKind::fuser;
        case 18: return SupplyKind::cleaner_unit;
        case 20: return SupplyKind::transfer_unit;
        case 32: return SupplyKind::staples;
        default: return SupplyKind::other;
    }
}

Colour colour_named(std::string_view text) {
    const auto folded = text::fold_for_search(text);
    Colour found = Colour::none;
    for (const auto& entry : colour_words) {
        bool named = false;
        for (const auto word : entry.words)
            if (!word.empty() && folded.find(word) != std::string::npos) named = true;
        if (!named) continue;
        if (found != Colour::none) return Colour::none;
        found = entry.colour;
    }
    return found;
}

SupplyReading read_supply(const SupplyRow& row) {
    SupplyReading reading;
    reading.description = snmp_text(row.description, description_max_bytes, reading.oddities);
    reading.kind = supply_kind_of(row.type);
    reading.receptacle = is_receptacle(row, reading.kind, reading.oddities);
    reading.colour = colour_named(snmp_text(row.colorant, description_max_bytes, reading.oddities));
    if (reading.colour == Colour::none) reading.colour = colour_named(reading.description);
    read_level(row, reading);
    return reading;
}

SupplyReading read_ricoh_toner(const RicohTonerRow& row) {
    SupplyReading reading;
    reading.description = snmp_text(row.name, description_max_bytes, reading.oddities);
    reading.kind = SupplyKind::toner;
    reading.colour = colour_named(reading.description);
    if (!row.level) {
        note(reading.oddities, Oddity::missing_value);
        return reading;
    }
    const auto level = *row.level;
    if (level == ricoh_near_empty) {
        reading.state = LevelState::near_empty;
    } else if (level == level_some_remaining) {
        reading.state = LevelState::some_remaining;
    } else if (level == level_other || level == level_unknown) {
        reading.state = LevelState::unknown;
    } else if (level < 0) {
        note(reading.oddities, Oddity::negative_level);
    } else if (level > 100) {
        note(reading.oddities, Oddity::level_above_max);
    } else {
        reading.state = LevelState::measured;
        reading.percent = static_cast<int>(level);
    }
    return reading;
}

std::string_view supply_kind_name(SupplyKind kind) { return tickets::named(kind_texts, kind).name; }
std::string_view supply_kind_label_key(SupplyKind kind) { return tickets::named(kind_texts, kind).label_key; }
std::string_view colour_name(Colour colour) { return tickets::named(colour_texts, colour).name; }
std::string_view colour_label_key(Colour colour) { return tickets::named(colour_texts, colour).label_key; }
std::string_view level_state_name(LevelState state) { return tickets::named(level_texts, state).name; }
std::string_view level_state_label_key(LevelState state) { return tickets::named(level_texts, state).label_key; }

}  // namespace madoguchi::telemetry
