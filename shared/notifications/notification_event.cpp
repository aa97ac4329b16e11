#include "notifications/notification_event.hpp"

#include <algorithm>
#include <array>

namespace madoguchi::notifications {
namespace {

constexpr std::array<std::string_view, 5> ticket_created{"ticket_number", "title", "kind", "requester", "url"};
constexpr std::array<std::string_view, 6> ticket_status_changed{"ticket_number", "title", "from_state", "to_state",
                                                                 "actor", "url"};
constexpr std::array<std::string_view, 5> ticket_assigned{"ticket_number", "title", "assignee", "actor", "url"};
constexpr std::array<std::string_view, 5> ticket_escalated{"ticket_number", "title", "reason", "due_at", "url"};
constexpr std::array<std::string_view, 5> security_reported{"ticket_number", "title", "reporter", "severity", "url"};
constexpr std::array<std::string_view, 5> vendor_task{"ticket_number", "title", "vendor", "due_at", "url"};
constexpr std::array<std::string_view, 10> lending_approved{"request_number", "requester", "device_class", "quantity",
                                                            "start_date", "due_date", "asset_tags", "delivery",
                                                            "actor", "url"};
constexpr std::array<std::string_view, 9> lending_rejected{"request_number", "requester", "device_class", "quantity",
                                                           "start_date", "due_date", "reason", "actor", "url"};
constexpr std::array<std::string_view, 8> lending_reopened{"request_number", "requester", "device_class", "quantity",
                                                           "start_date", "due_date", "asset_tag", "url"};
constexpr std::array<std::string_view, 5> lending_stock_low{"device_class", "location", "available", "minimum", "url"};

constexpr std::array<std::string_view, 8> lending_reminder{"request_number", "borrower", "division", "device_class",
                                                           "asset_tags", "due_date", "business_days", "url"};
constexpr std::array<std::string_view, 9> lending_reminder_overdue{"request_number", "borrower", "division",
                                                                   "device_class", "asset_tags", "due_date",
                                                                   "business_days", "reminder_number", "url"};
constexpr std::array<std::string_view, 9> lending_escalated{"request_number", "borrower", "division", "device_class",
                                                            "asset_tags", "due_date", "business_days", "history", "url"};
constexpr std::array<std::string_view, 7> lending_extension_approved{"request_number", "requester", "device_class",
                                                                      "previous_due", "due_date", "actor", "url"};
constexpr std::array<std::string_view, 8> lending_extension_rejected{"request_number", "requester", "device_class",
                                                                      "requested_due", "due_date", "reason", "actor", "url"};

constexpr std::array events{
    NotificationEvent{"ticket.created", ticket_created},
    NotificationEvent{"ticket.status_changed", ticket_status_changed},
    NotificationEvent{"ticket.assigned", ticket_assigned},
    NotificationEvent{"ticket.escalated", ticket_escalated},
    NotificationEvent{"security.reported", security_reported},
    NotificationEvent{"vendor.task", vendor_task},
    NotificationEvent{"lending.approved", lending_approved},
    NotificationEvent{"lending.rejected", lending_rejected},
    NotificationEvent{"lending.reopened", lending_reopened},
    NotificationEvent{"lending.reminder_before_due", lending_reminder},
    NotificationEvent{"lending.reminder_overdue", lending_reminder_overdue},
    NotificationEvent{"lending.escalated", lending_escalated},
    NotificationEvent{"lending.stock_low", lending_stock_low},
    NotificationEvent{"lending.extension_approved", lending_extension_approved},
    NotificationEvent{"lending.extension_rejected", lending_extension_rejected},
};

}  // namespace

std::span<const NotificationEvent> all_events() { return events; }

const NotificationEvent* find_event(std::string_view key) {
    const auto found = std::find_if(events.begin(), events.end(), [&](const auto& event) { return event.key == key; });
    return found == events.end() ? nullptr : &*found;
}

bool has_placeholder(const NotificationEvent& event, std::string_view name) {
    return std::find(event.placeholders.begin(), event.placeholders.end(), name) != event.placeholders.end();
}

}  // namespace madoguchi::notifications
