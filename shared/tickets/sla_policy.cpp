#include "tickets/sla_policy.hpp"

#include <array>

namespace madoguchi::tickets {
namespace {

constexpr std::int64_t day = desk_day_minutes;
constexpr SlaTargets none{};

// Rows in TicketKind order, columns p1..p4. Security incidents answer fastest (the IT office
// must hear at once); incidents restore service within hours at p1; inquiries are answered
// within the day at p1; problems and requests are weighed over days.
constexpr std::array<std::array<SlaTargets, 4>, 7> targets{{
    {{{30, day}, {60, 2 * day}, {120, 5 * day}, {240, 10 * day}}},            // inquiry
    {{{15, 240}, {30, day}, {60, 3 * day}, {120, 5 * day}}},                  // incident
    {{{day, 10 * day}, {day, 20 * day}, {2 * day, std::nullopt}, {5 * day, std::nullopt}}},  // problem
    {{none, none, none, none}},                                               // change
    {{{day, std::nullopt}, {2 * day, std::nullopt}, {5 * day, std::nullopt}, {5 * day, std::nullopt}}},  // request
    {{{15, day}, {15, 2 * day}, {30, 5 * day}, {60, 10 * day}}},              // security incident
    {{none, none, none, none}},                                               // release
}};

}  // namespace

SlaTargets sla_targets(TicketKind kind, Priority priority) {
    return targets[static_cast<std::size_t>(kind)][static_cast<std::size_t>(priority)];
}

SlaHours desk_hours() { return {calendar::ServiceHours{}, calendar::ServiceHours{}}; }

SlaHours sla_hours(const inventory::DeviceClass* device_class, bool vendor_assigned) {
    if (!vendor_assigned || !device_class || !device_class->vendor_reception) return desk_hours();
    const auto reception = *device_class->vendor_reception;
    return {reception, device_class->vendor_service.value_or(reception)};
}

}  // namespace madoguchi::tickets
