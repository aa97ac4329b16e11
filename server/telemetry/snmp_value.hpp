#pragma once
// An SNMP variable binding as the poller reads it, free of net-snmp's types so the mapping
// to a reading can be tested without an agent.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::server::telemetry {

using Oid = std::vector<std::uint32_t>;

// "1.3.6.1.2.1.1.1.0" → {1,3,6,1,2,1,1,1,0}; the constants in this folder are well formed.
Oid parse_oid(std::string_view dotted);
std::string oid_text(const Oid& oid);
bool oid_starts_with(const Oid& oid, const Oid& prefix);

enum class ValueKind {
    integer,    // INTEGER (signed 32-bit)
    counter,    // Counter32, Gauge32, TimeTicks (unsigned 32-bit)
    counter64,  // Counter64
    octets,     // OCTET STRING (also IpAddress, Opaque: bytes as sent)
    object_id,
    no_such_object,
    no_such_instance,
    end_of_mib_view,
    other,      // NULL and anything else
};

struct SnmpValue {
    ValueKind kind = ValueKind::other;
    std::int64_t number = 0;  // integer, counter; counter64 above 2^63 − 1 saturates
    std::string octets;       // octets, cut a little past the reading builder's limit
    std::size_t full_length = 0;  // the octet string's length as sent
    Oid object_id;
};

struct VarBind {
    Oid oid;
    SnmpValue value;
};

}  // namespace madoguchi::server::telemetry
