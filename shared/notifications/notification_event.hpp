#pragma once
// The events that send notifications (通知) and the placeholders each event's template may
// use: a template naming any other placeholder is refused when it is saved, so a typo never
// reaches a recipient as "{{tiket_number}}".
#include <span>
#include <string_view>

namespace madoguchi::notifications {

struct NotificationEvent {
    std::string_view key;  // "ticket.created"
    std::span<const std::string_view> placeholders;
};

std::span<const NotificationEvent> all_events();
// Null for an unknown key.
const NotificationEvent* find_event(std::string_view key);
bool has_placeholder(const NotificationEvent& event, std::string_view name);

}  // namespace madoguchi::notifications
