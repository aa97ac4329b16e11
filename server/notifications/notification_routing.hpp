#pragma once
// Who is told what (通知先): for each notification event, the recipients the routing names,
// kept in table notification_routing and edited by admins. A recipient is written as
//   requester          the ticket's requester           assignee        the ticket's assignee
//   vendor_contacts    the vendor users of the company the ticket is handed to
//   role:<role>        every enabled user holding the role (role:it_office: 情報システム室)
//   email:<address>    a fixed address                  slack:<name>    a configured webhook
// and resolved, when a change happens, to e-mail addresses (users' mail) and webhook names,
// and to entries in the users' in-app inbox (inbox.hpp). Each recipient naming users says how
// they are told (route_channels.hpp): by e-mail, in the app, or both (the default); a user
// without an e-mail address is told in the app only. Disabled users are skipped.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "notifications/inbox.hpp"
#include "notifications/outbox.hpp"
#include "notifications/route_channels.hpp"
#include "store/database.hpp"
#include "validation/field_problem.hpp"

namespace madoguchi::server::notifications {

struct RoutedRecipient {
    std::string recipient;  // in the form above
    // How the users it names are told; email: and slack: recipients keep the default.
    madoguchi::notifications::RouteChannels channels;
    friend bool operator==(const RoutedRecipient&, const RoutedRecipient&) = default;
};

struct EventRoute {
    std::string event;                         // a key of notifications/notification_event.hpp
    std::vector<RoutedRecipient> recipients;  // in order, without repeats
};
using Routing = std::vector<EventRoute>;

nlohmann::json to_json(const Routing& routing);

// Problems under "routes[i].event" (field.unknown_event, field.repeated_event),
// "routes[i].recipients[j]" (field.unknown_recipient, field.repeated_recipient) and
// "routes[i].recipients[j].channels" (field.no_channel: a user told no way at all).
std::vector<validation::FieldProblem> validate(const Routing& routing);

// Every event of the catalog, each with its recipients (none for an event nobody is told of).
store::Result<Routing> load_routing(store::Database& database);
// Replaces the whole routing; the caller validated it and holds the transaction.
store::Status save_routing(store::Database& database, const Routing& routing);

// What a change knows about the people the routing may name.
struct RoutingSubject {
    std::optional<std::int64_t> requester_user_id;
    std::optional<std::int64_t> assignee_user_id;
    std::string vendor_company;
    InboxReference reference;  // what the users' inbox entries point at
};

// Queues `request.event` to the recipients the routing names for it (request.recipients
// comes from the routing, not from the caller) and adds the in-app entries of the users among
// them, in the caller's transaction; does nothing when they resolve to nobody.
store::Status enqueue_routed(store::Database& database, NotificationRequest request, const RoutingSubject& subject,
                             const audit::Actor& actor);

}  // namespace madoguchi::server::notifications
