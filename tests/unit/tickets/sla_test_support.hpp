#pragma once
// Instants written as Tokyo ISO strings in the SLA and escalation tests, both ways.
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "calendar/tokyo_time.hpp"

namespace madoguchi::tickets::testing {

inline calendar::Instant at(std::string_view iso) {
    const auto parsed = calendar::parse_iso8601(iso);
    if (!parsed.instant) throw std::invalid_argument(std::string(iso));
    return *parsed.instant;
}

inline std::string iso(const std::optional<calendar::Instant>& instant) {
    return instant ? calendar::format_iso8601_tokyo(*instant) : "none";
}

}  // namespace madoguchi::tickets::testing
