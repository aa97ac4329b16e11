#include "lending/reminder_notify.hpp"

#include <cstdio>

#include "i18n/catalog.hpp"
#include "lending/class_name.hpp"
#include "notifications/inbox.hpp"
#include "notifications/notification_routing.hpp"
#include "notifications/template_store.hpp"

namespace madoguchi::server::lending {
namespace {

namespace domain = madoguchi::lending;

std::string japanese(std::string_view key) { return i18n::text(key, i18n::Language::ja); }

struct Borrower {
    std::optional<std::int64_t> user_id;
    std::string division_name;
};

store::Result<Borrower> borrower_of(store::Database& database, const LoanRequestRow& loan) {
    auto select = database.prepare(
        "SELECT (SELECT id FROM users WHERE login = ?1), coalesce((SELECT name_ja FROM divisions WHERE code = ?2), ?2)");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, loan.requester_login).bind(2, loan.requester_division);
    auto row = select.value().step();
    if (!row) return store::Error{row.error()};
    Borrower borrower;
    if (!select.value().column_is_null(0)) borrower.user_id = select.value().column_int(0);
    borrower.division_name = select.value().column_text(1);
    return borrower;
}

notifications::PlaceholderValues values_of(const LoanRequestRow& loan, const Borrower& borrower, int business_days) {
    std::string tags;
    for (const auto& device : loan.devices) {
        if (!tags.empty()) tags += ", ";
        tags += device.asset_tag;
    }
    return {{"request_number", loan.number},
            {"borrower", loan.requester_name.empty() ? loan.requester_login : loan.requester_name},
            {"division", borrower.division_name},
            {"device_class", class_name_ja(loan.class_code)},
            {"asset_tags", tags},
            {"due_date", calendar::format_date(loan.due_date)},
            {"business_days", std::to_string(business_days)},
            {"url", "/#/lending/requests/" + std::to_string(loan.id)}};
}

// The division's managers other than the borrower get a copy: in the app, and by e-mail to
// those with an address.
store::Status copy_to_managers(store::Database& database, const LoanRequestRow& loan,
                               const notifications::NotificationRequest& request, const audit::Actor& actor,
                               DivisionManagers& managers) {
    auto division = managers.of(database, loan.requester_division);
    if (!division) return store::Error{division.error()};
    std::vector<std::int64_t> user_ids;
    std::vector<notifications::Recipient> recipients;
    for (const auto& manager : *division.value()) {
        if (manager.login == loan.requester_login) continue;
        user_ids.push_back(manager.user_id);
        if (!manager.email.empty()) recipients.push_back(notifications::Recipient::email(manager.email));
    }
    if (user_ids.empty()) return store::success();
    auto found = notifications::find_template(database, request.event);
    if (!found) return store::Error{found.error()};
    if (!found.value()) return store::Error{"no notification template " + request.event};
    auto delivered = notifications::deliver_to_inbox(database, request.event, user_ids, found.value()->text, request.values,
                                                     notifications::InboxReference::loan(loan.id, loan.number), actor,
                                                     calendar::now());
    if (!delivered) return delivered;
    if (recipients.empty()) return store::success();
    auto copy = request;
    copy.recipients = std::move(recipients);
    auto queued = notifications::enqueue(database, copy, actor);
    if (!queued) return store::Error{queued.error()};
    return store::success();
}

// One line per recorded reminder: when, what, and whether it went out.
std::string history_text(std::span<const ReminderRecord> history) {
    std::string text;
    for (const auto& reminder : history) {
        const auto tokyo = calendar::to_tokyo(reminder.recorded_at);
        char time[16];
        std::snprintf(time, sizeof time, "%02d:%02d", tokyo.second_of_day / 3600, tokyo.second_of_day / 60 % 60);
        if (!text.empty()) text += '\n';
        text += "- ";
        text += calendar::format_date(tokyo.date);
        text += ' ';
        text += time;
        text += ' ';
        text += japanese(domain::reminder_kind_label_key(reminder.kind));
        if (reminder.overdue_number > 0) {
            text += ' ';
            // "第{number}回": the ordinal as the borrower's reminder said it.
            auto ordinal = japanese("lending.reminder.history.ordinal");
            if (const auto at = ordinal.find("{number}"); at != std::string::npos) {
                ordinal.replace(at, 8, std::to_string(reminder.overdue_number));
            }
            text += ordinal;
        }
        text += " (";
        text += reminder.key;
        text += ')';
        if (reminder.state == ReminderState::superseded) {
            text += ' ';
            text += japanese("lending.reminder.history.superseded");
        } else if (reminder.sent_by != audit::system_actor.name) {
            text += ' ';
            text += reminder.sent_by;
        }
    }
    return text;
}

}  // namespace

store::Result<const std::vector<DivisionManagers::Manager>*> DivisionManagers::of(store::Database& database,
                                                                                 const std::string& division_code) {
    if (const auto known = known_.find(division_code); known != known_.end()) return &known->second;
    auto select = database.prepare(
        "SELECT u.id, u.login, u.email FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'manager' "
        "WHERE u.division_code = ?1 AND u.disabled = 0 ORDER BY u.id");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, division_code);
    std::vector<Manager> found;
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        found.push_back({select.value().column_int(0), select.value().column_text(1), select.value().column_text(2)});
    }
    return &known_.emplace(division_code, std::move(found)).first->second;
}

store::Status notify_reminder(store::Database& database, const LoanRequestRow& loan, const ReminderRecord& reminder,
                              bool copy_manager, const audit::Actor& actor, DivisionManagers& managers) {
    auto borrower = borrower_of(database, loan);
    if (!borrower) return store::Error{borrower.error()};
    auto values = values_of(loan, borrower.value(), reminder.business_days);
    const bool overdue = reminder.kind == domain::ReminderKind::overdue;
    if (overdue) values["reminder_number"] = std::to_string(reminder.overdue_number);
    notifications::NotificationRequest request{overdue ? "lending.reminder_overdue" : "lending.reminder_before_due", {},
                                               {}, std::move(values)};
    const notifications::RoutingSubject subject{borrower.value().user_id, std::nullopt, "",
                                                notifications::InboxReference::loan(loan.id, loan.number)};
    if (auto told = notifications::enqueue_routed(database, request, subject, actor); !told) return told;
    if (overdue && copy_manager) return copy_to_managers(database, loan, request, actor, managers);
    return store::success();
}

store::Status notify_escalation(store::Database& database, const LoanRequestRow& loan,
                                std::span<const ReminderRecord> history, int overdue_days, const audit::Actor& actor) {
    auto borrower = borrower_of(database, loan);
    if (!borrower) return store::Error{borrower.error()};
    auto values = values_of(loan, borrower.value(), overdue_days);
    values["history"] = history_text(history);
    const notifications::RoutingSubject subject{borrower.value().user_id, std::nullopt, "",
                                                notifications::InboxReference::loan(loan.id, loan.number)};
    return notifications::enqueue_routed(database, {"lending.escalated", {}, {}, std::move(values)}, subject, actor);
}

}  // namespace madoguchi::server::lending
