#pragma once
// Oddities: what an agent answered that cannot be right (a level above its maximum, a
// counter going backwards, bytes that are not text). The interpretation never throws on
// them; it reads the value as unknown and names the oddity, so the poller can log it once
// per device and the device view can show it.
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace madoguchi::telemetry {

enum class Oddity {
    missing_value,          // an object the reading needs was absent or not an INTEGER
    unexpected_value,       // an enumerated value the MIB does not define
    level_above_max,        // prtMarkerSuppliesLevel above prtMarkerSuppliesMaxCapacity
    negative_level,         // a level below −3 (not one of the special values)
    bad_max_capacity,       // prtMarkerSuppliesMaxCapacity 0 or below −2
    text_not_utf8,          // an octet string that is not UTF-8 (shown with ? for its bytes)
    text_too_long,          // an octet string longer than the MIB allows, cut
    unknown_error_bits,     // hrPrinterDetectedErrorState bits beyond overduePreventMaint
    counter_negative,       // a page counter below zero
    counter_backwards,      // a page counter lower than before: reset or replaced board
    counter_jump,           // more pages between two samples than the device can print
    sample_out_of_order,    // a sample not later than the one before it
};

// "level_above_max", …; catalog key "telemetry.oddity.<name>".
std::string_view oddity_name(Oddity oddity);
std::string_view oddity_label_key(Oddity oddity);
std::optional<Oddity> parse_oddity(std::string_view name);
// Every oddity, for the catalog check and for listing.
std::span<const Oddity> all_oddities();

// Adds `oddity` unless already listed: a reading names each oddity once.
void note(std::vector<Oddity>& oddities, Oddity oddity);

}  // namespace madoguchi::telemetry
