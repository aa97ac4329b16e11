#include "notifications/notification_routing.hpp"

#include <algorithm>
#include <set>

#include "identity/role.hpp"
#include "identity/user.hpp"
#include "notifications/inbox.hpp"
#include "notifications/notification_event.hpp"
#include "notifications/template_store.hpp"

namespace madoguchi::server::notifications {
namespace {

bool known_recipient(std::string_view recipient) {
    if (recipient == "requester" || recipient == "assignee" || recipient == "vendor_contacts") return true;
    if (recipient.starts_with("role:")) return madoguchi::identity::parse_role(recipient.substr(5)).has_value();
    if (recipient.starts_with("email:")) return madoguchi::identity::is_plausible_email(recipient.substr(6));
    if (recipient.starts_with("slack:")) return is_webhook_name(recipient.substr(6));
    return false;
}

// Whom a route resolves to: addresses for the outbox, and the users among them for their
// in-app inbox (a user without an e-mail address is still told there), each as the recipient
// that named them says.
struct Resolved {
    std::vector<Recipient> recipients;
    std::vector<std::int64_t> user_ids;
};

using madoguchi::notifications::RouteChannels;

// The enabled users a query selects (its one parameter bound to `value`; columns id, email).
store::Status add_users(store::Database& database, const char* sql, const std::string& value, const RouteChannels& told,
                        Resolved& resolved) {
    auto select = database.prepare(sql);
    if (!select) return store::Error{select.error()};
    select.value().bind(1, value);
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) return store::success();
        if (told.in_app) resolved.user_ids.push_back(select.value().column_int(0));
        auto email = select.value().column_text(1);
        if (told.email && !email.empty()) resolved.recipients.push_back(Recipient::email(std::move(email)));
    }
}

store::Status add_user_by_id(store::Database& database, std::optional<std::int64_t> user_id, const RouteChannels& told,
                             Resolved& resolved) {
    if (!user_id) return store::success();
    return add_users(database, "SELECT id, email FROM users WHERE id = ?1 AND disabled = 0", std::to_string(*user_id), told,
                     resolved);
}

store::Result<Resolved> resolve(store::Database& database, const std::vector<RoutedRecipient>& route,
                                const RoutingSubject& subject) {
    Resolved resolved;
    for (const auto& [recipient, told] : route) {
        store::Status added = store::success();
        if (recipient == "requester") {
            added = add_user_by_id(database, subject.requester_user_id, told, resolved);
        } else if (recipient == "assignee") {
            added = add_user_by_id(database, subject.assignee_user_id, told, resolved);
        } else if (recipient == "vendor_contacts") {
            if (!subject.vendor_company.empty()) {
                added = add_users(database,
                                  "SELECT u.id, u.email FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'vendor' "
                                  "WHERE u.vendor_company = ?1 AND u.disabled = 0 ORDER BY u.id",
                                  subject.vendor_company, told, resolved);
            }
        } else if (recipient.starts_with("role:")) {
            added = add_users(database,
                              // The role's holders first (user_roles_by_role), each user by id: walking
                              // the users in id order would read every one of them.
                              "SELECT u.id, u.email FROM user_roles r CROSS JOIN users u ON u.id = r.user_id "
                              "WHERE r.role = ?1 AND u.disabled = 0 ORDER BY r.user_id",
                              recipient.substr(5), told, resolved);
        } else if (recipient.starts_with("email:")) {
            resolved.recipients.push_back(Recipient::email(recipient.substr(6)));
        } else if (recipient.starts_with("slack:")) {
            resolved.recipients.push_back(Recipient::slack(recipient.substr(6)));
        }
        if (!added) return store::Error{added.error()};
    }
    // One message per address and one entry per user, however many routes name them, in the
    // routing's order: a user named in-app only by one recipient and by mail by another gets both.
    std::set<std::pair<Channel, std::string>> seen;
    std::vector<Recipient> unique;
    for (auto& recipient : resolved.recipients) {
        if (seen.emplace(recipient.channel, recipient.address).second) unique.push_back(std::move(recipient));
    }
    resolved.recipients = std::move(unique);
    std::set<std::int64_t> seen_users;
    std::erase_if(resolved.user_ids, [&](std::int64_t id) { return !seen_users.insert(id).second; });
    return resolved;
}

}  // namespace

nlohmann::json to_json(const Routing& routing) {
    auto routes = nlohmann::json::array();
    for (const auto& route : routing) {
        auto recipients = nlohmann::json::array();
        for (const auto& [recipient, told] : route.recipients) {
            recipients.push_back(madoguchi::notifications::recipient_json(recipient, told));
        }
        routes.push_back({{"event", route.event}, {"recipients", recipients}});
    }
    return {{"routes", routes}};
}

std::vector<validation::FieldProblem> validate(const Routing& routing) {
    std::vector<validation::FieldProblem> problems;
    std::set<std::string> events;
    for (std::size_t i = 0; i < routing.size(); ++i) {
        const auto& route = routing[i];
        const auto field = std::string("routes[").append(std::to_string(i)).append("]");
        if (madoguchi::notifications::find_event(route.event) == nullptr) {
            problems.push_back({field + ".event", "field.unknown_event"});
        } else if (!events.insert(route.event).second) {
            problems.push_back({field + ".event", "field.repeated_event"});
        }
        std::set<std::string> recipients;
        for (std::size_t j = 0; j < route.recipients.size(); ++j) {
            const auto& [recipient, told] = route.recipients[j];
            const auto recipient_field = std::string(field).append(".recipients[").append(std::to_string(j)).append("]");
            if (!known_recipient(recipient)) {
                problems.push_back({recipient_field, "field.unknown_recipient"});
            } else if (!recipients.insert(recipient).second) {
                problems.push_back({recipient_field, "field.repeated_recipient"});
            } else if (!told.any()) {
                problems.push_back({recipient_field + ".channels", "field.no_channel"});
            }
        }
    }
    return problems;
}

store::Result<Routing> load_routing(store::Database& database) {
    Routing routing;
    for (const auto& event : madoguchi::notifications::all_events()) routing.push_back({std::string(event.key), {}});
    auto select = database.prepare(
        "SELECT event, recipient, tell_by_email, tell_in_app FROM notification_routing ORDER BY event, position");
    if (!select) return store::Error{select.error()};
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) return routing;
        const auto event = select.value().column_text(0);
        const auto found = std::find_if(routing.begin(), routing.end(), [&](const auto& route) { return route.event == event; });
        if (found == routing.end()) continue;
        found->recipients.push_back(
            {select.value().column_text(1), {select.value().column_int(2) != 0, select.value().column_int(3) != 0}});
    }
}

store::Status save_routing(store::Database& database, const Routing& routing) {
    if (auto cleared = database.execute("DELETE FROM notification_routing"); !cleared) return cleared;
    auto insert = database.prepare(
        "INSERT INTO notification_routing (event, position, recipient, tell_by_email, tell_in_app) "
        "VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!insert) return store::Error{insert.error()};
    for (const auto& route : routing) {
        for (std::size_t i = 0; i < route.recipients.size(); ++i) {
            const auto& [recipient, told] = route.recipients[i];
            insert.value().reset();
            insert.value().bind(1, route.event).bind(2, static_cast<std::int64_t>(i + 1)).bind(3, recipient);
            insert.value().bind(4, std::int64_t{told.email}).bind(5, std::int64_t{told.in_app});
            if (auto done = insert.value().step(); !done) return store::Error{done.error()};
        }
    }
    return store::success();
}

store::Status enqueue_routed(store::Database& database, NotificationRequest request, const RoutingSubject& subject,
                             const audit::Actor& actor) {
    auto routing = load_routing(database);
    if (!routing) return store::Error{routing.error()};
    const auto& routes = routing.value();
    const auto route = std::find_if(routes.begin(), routes.end(), [&](const auto& r) { return r.event == request.event; });
    if (route == routes.end()) return store::success();
    auto resolved = resolve(database, route->recipients, subject);
    if (!resolved) return store::Error{resolved.error()};
    auto& [recipients, user_ids] = resolved.value();
    if (!user_ids.empty()) {
        auto found = find_template(database, request.template_key.empty() ? request.event : request.template_key);
        if (!found) return store::Error{found.error()};
        if (!found.value()) return store::Error{"no notification template " + request.event};
        auto delivered = deliver_to_inbox(database, request.event, user_ids, found.value()->text, request.values,
                                          subject.reference, actor, calendar::now());
        if (!delivered) return delivered;
    }
    if (recipients.empty()) return store::success();
    request.recipients = std::move(recipients);
    auto queued = enqueue(database, request, actor);
    if (!queued) return store::Error{queued.error()};
    return store::success();
}

}  // namespace madoguchi::server::notifications
