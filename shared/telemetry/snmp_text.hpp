#pragma once
// Octet strings from agents (descriptions, names, versions) as text fit to show and store.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "telemetry/oddity.hpp"

namespace madoguchi::telemetry {

// `bytes` as UTF-8 text of at most `max_bytes` bytes: trailing NULs and blanks (agents pad
// fixed-size fields) and control characters dropped; a longer string cut at a character
// boundary (text_too_long); bytes that are not UTF-8 shown as printable ASCII with '?' for
// the others (text_not_utf8), since a Shift_JIS or truncated string must still be readable
// enough to recognise.
std::string snmp_text(std::string_view bytes, std::size_t max_bytes, std::vector<Oddity>& oddities);

}  // namespace madoguchi::telemetry
