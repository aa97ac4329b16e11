#pragma once
// SLA policy: targets per kind × priority in business minutes, and the service hours they
// are counted in. A desk day is 8:30–18:15, 585 minutes, so "one business day" reads 585.
// Changes and releases have no targets: their pace is the approved schedule, not a clock.
#include <cstdint>
#include <optional>

#include "calendar/business_calendar.hpp"
#include "inventory/device_class.hpp"
#include "tickets/priority.hpp"
#include "tickets/ticket_kind.hpp"

namespace madoguchi::tickets {

inline constexpr std::int64_t desk_day_minutes = 585;

struct SlaTargets {
    std::optional<std::int64_t> first_response_minutes;
    std::optional<std::int64_t> resolution_minutes;
};

SlaTargets sla_targets(TicketKind kind, Priority priority);

// The hours each clock counts in. The desk's own work counts in its service hours
// (§1.3(2)); work handed to a vendor counts in the vendor's contract hours, first response in
// its reception hours (受付時間) and resolution in its service hours (保守対応時間).
struct SlaHours {
    calendar::ServiceHours first_response;
    calendar::ServiceHours resolution;
};

SlaHours desk_hours();
// The hours for a ticket about a device of `device_class` (null: no device) handed to the
// class's vendor or not. A class without vendor hours (GSS terminals, tablets) keeps the
// desk's; a class with reception hours only (pick-up maintenance) uses them for both.
SlaHours sla_hours(const inventory::DeviceClass* device_class, bool vendor_assigned);

}  // namespace madoguchi::tickets
