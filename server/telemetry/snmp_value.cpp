#include "telemetry/snmp_value.hpp"

#include <algorithm>
#include <charconv>

namespace madoguchi::server::telemetry {

Oid parse_oid(std::string_view dotted) {
    Oid oid;
    while (!dotted.empty()) {
        const auto dot = dotted.find('.');
        const auto arc = dotted.substr(0, dot);
        std::uint32_t value = 0;
        std::from_chars(arc.data(), arc.data() + arc.size(), value);
        oid.push_back(value);
        dotted = dot == std::string_view::npos ? std::string_view{} : dotted.substr(dot + 1);
    }
    return oid;
}

std::string oid_text(const Oid& oid) {
    std::string text;
    for (const auto arc : oid) {
        if (!text.empty()) text += '.';
        text += std::to_string(arc);
    }
    return text;
}

bool oid_starts_with(const Oid& oid, const Oid& prefix) {
    return oid.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), oid.begin());
}

}  // namespace madoguchi::server::telemetry
