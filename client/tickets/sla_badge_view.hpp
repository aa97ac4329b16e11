#pragma once
// Draws an SLA badge as coloured text: red when breached, amber near breach, muted when
// paused or stopped; recorded as role "status" with the status as its value.
#include "i18n/catalog.hpp"
#include "tickets/sla_badge.hpp"

namespace madoguchi::client {

void draw_sla_badge(const SlaBadge& badge, i18n::Language language);
// "breached", "near_breach", "paused", "stopped", "on_track", "none".
std::string_view sla_status_name(SlaStatus status);

}  // namespace madoguchi::client
