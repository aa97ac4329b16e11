#include "notifications/notification_routing.hpp"

#include <algorithm>
#include <set>

#include "identity/role.hpp"
#include "identity/user.hpp"
#include "notifications/notification_event.hpp"

namespace madoguchi::server::notifications {
namespace {

bool known_recipient(std::string_view recipient) {
    if (recipient == "requester" || recipient == "assignee" || recipient == "vendor_contacts") return true;
    if (recipient.starts_with("role:")) return madoguchi::identity::parse_role(recipient.substr(5)).has_value();
    if (recipient.starts_with("email:")) return madoguchi::identity::is_plausible_email(recipient.substr(6));
    if (recipient.starts_with("slack:")) return is_webhook_name(recipient.substr(6));
    return false;
}

// The e-mail addresses of the enabled users a query selects (its one parameter bound to `value`).
store::Status add_user_mail(store::Database& database, const char* sql, const std::string& value,
                            std::vector<Recipient>& recipients) {
    auto select = database.prepare(sql);
    if (!select) return store::Error{select.error()};
    select.value().bind(1, value);
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) return store::success();
        recipients.push_back(Recipient::email(select.value().column_text(0)));
    }
}

store::Status add_user_mail_by_id(store::Database& database, std::optional<std::int64_t> user_id,
                                  std::vector<Recipient>& recipients) {
    if (!user_id) return store::success();
    return add_user_mail(database, "SELECT email FROM users WHERE id = ?1 AND disabled = 0 AND email <> ''",
                         std::to_string(*user_id), recipients);
}

store::Result<std::vector<Recipient>> resolve(store::Database& database, const std::vector<std::string>& route,
                                              const RoutingSubject& subject) {
    std::vector<Recipient> recipients;
    for (const auto& recipient : route) {
        store::Status added = store::success();
        if (recipient == "requester") {
            added = add_user_mail_by_id(database, subject.requester_user_id, recipients);
        } else if (recipient == "assignee") {
            added = add_user_mail_by_id(database, subject.assignee_user_id, recipients);
        } else if (recipient == "vendor_contacts") {
            if (!subject.vendor_company.empty()) {
                added = add_user_mail(database,
                                      "SELECT u.email FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'vendor' "
                                      "WHERE u.vendor_company = ?1 AND u.disabled = 0 AND u.email <> '' ORDER BY u.id",
                                      subject.vendor_company, recipients);
            }
        } else if (recipient.starts_with("role:")) {
            added = add_user_mail(database,
                                  "SELECT u.email FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = ?1 "
                                  "WHERE u.disabled = 0 AND u.email <> '' ORDER BY u.id",
                                  recipient.substr(5), recipients);
        } else if (recipient.starts_with("email:")) {
            recipients.push_back(Recipient::email(recipient.substr(6)));
        } else if (recipient.starts_with("slack:")) {
            recipients.push_back(Recipient::slack(recipient.substr(6)));
        }
        if (!added) return store::Error{added.error()};
    }
    // One message per address, however many routes name it, in the routing's order.
    std::set<std::pair<Channel, std::string>> seen;
    std::vector<Recipient> unique;
    for (auto& recipient : recipients) {
        if (seen.emplace(recipient.channel, recipient.address).second) unique.push_back(std::move(recipient));
    }
    return unique;
}

}  // namespace

nlohmann::json to_json(const Routing& routing) {
    auto routes = nlohmann::json::array();
    for (const auto& route : routing) routes.push_back({{"event", route.event}, {"recipients", route.recipients}});
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
            const auto& recipient = route.recipients[j];
            const auto recipient_field = std::string(field).append(".recipients[").append(std::to_string(j)).append("]");
            if (!known_recipient(recipient)) {
                problems.push_back({recipient_field, "field.unknown_recipient"});
            } else if (!recipients.insert(recipient).second) {
                problems.push_back({recipient_field, "field.repeated_recipient"});
            }
        }
    }
    return problems;
}

store::Result<Routing> load_routing(store::Database& database) {
    Routing routing;
    for (const auto& event : madoguchi::notifications::all_events()) routing.push_back({std::string(event.key), {}});
    auto select = database.prepare("SELECT event, recipient FROM notification_routing ORDER BY event, position");
    if (!select) return store::Error{select.error()};
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) return routing;
        const auto event = select.value().column_text(0);
        const auto found = std::find_if(routing.begin(), routing.end(), [&](const auto& route) { return route.event == event; });
        if (found != routing.end()) found->recipients.push_back(select.value().column_text(1));
    }
}

store::Status save_routing(store::Database& database, const Routing& routing) {
    if (auto cleared = database.execute("DELETE FROM notification_routing"); !cleared) return cleared;
    auto insert = database.prepare("INSERT INTO notification_routing (event, position, recipient) VALUES (?1, ?2, ?3)");
    if (!insert) return store::Error{insert.error()};
    for (const auto& route : routing) {
        for (std::size_t i = 0; i < route.recipients.size(); ++i) {
            insert.value().reset();
            insert.value().bind(1, route.event).bind(2, static_cast<std::int64_t>(i + 1)).bind(3, route.recipients[i]);
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
    auto recipients = resolve(database, route->recipients, subject);
    if (!recipients) return store::Error{recipients.error()};
    if (recipients.value().empty()) return store::success();
    request.recipients = std::move(recipients.value());
    auto queued = enqueue(database, request, actor);
    if (!queued) return store::Error{queued.error()};
    return store::success();
}

}  // namespace madoguchi::server::notifications
