#pragma once
// The SLA badge of a ticket (SLA表示): on track with its due time, near breach (amber),
// breached (red), paused while the requester is asked, or met once the ticket stopped.
// Read from what the server stored (sla_due_at and the flags) and from the workflow's own
// rule of what the state does to the clock, so list and detail agree with the server.
#include <cstdint>
#include <optional>
#include <string>

#include "i18n/catalog.hpp"

namespace madoguchi::client {

struct TicketSummary;

enum class SlaStatus { none, on_track, near_breach, breached, paused, stopped };

struct SlaBadge {
    SlaStatus status = SlaStatus::none;
    std::optional<std::string> due_at;  // UTC ISO 8601
    std::optional<std::int64_t> remaining_minutes;  // business minutes, from the detail's clock
};

SlaBadge sla_badge_of(const TicketSummary& ticket);

// "期限超過（11/26 17:00）", "期限間近 残り 45分（11/26 17:00）", "一時停止中", "期限 11/27 10:30";
// empty for a ticket without a target. Due times in Tokyo time.
std::string sla_badge_text(const SlaBadge& badge, i18n::Language language);
// "11/26 17:00" in Tokyo time; the text as given when it is not an instant.
std::string short_tokyo_time(const std::string& iso);

}  // namespace madoguchi::client
