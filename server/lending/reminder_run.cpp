#include "lending/reminder_run.hpp"

#include <algorithm>
#include <unordered_map>

#include "calendar/business_calendar.hpp"
#include "lending/reminder_notify.hpp"
#include "lending/reminder_policy_store.hpp"

namespace madoguchi::server::lending {
namespace {

namespace domain = madoguchi::lending;
using calendar::Instant;

constexpr std::size_t loans_per_transaction = 200;

struct LoanSchedule {
    domain::LoanReminderState state;
    std::vector<domain::SentReminder> sent;
    LoanTrack track;
    bool track_changed = false;  // to be written: new, or for a moved due date
    bool due_moved = false;      // the due date moved since the track was written
};

// The schedule's view of the loan from its records; `sent` backs the state's span.
LoanSchedule schedule_of(const ActiveLoan& loan, const std::vector<ReminderRecord>& records,
                         const std::optional<LoanTrack>& track, Instant now) {
    LoanSchedule schedule;
    if (!track) {
        schedule.track = {loan.due_date, calendar::from_tokyo(loan.start_date, 0), std::nullopt};
        schedule.track_changed = true;
    } else if (track->due_date != loan.due_date) {
        schedule.track = {loan.due_date, now, track->escalated_at};
        schedule.track_changed = true;
        schedule.due_moved = true;
    } else {
        schedule.track = *track;
    }
    schedule.sent.reserve(records.size());
    for (const auto& record : records) schedule.sent.push_back(to_sent(record));
    schedule.state = {loan.due_date, schedule.track.schedule_start, schedule.sent, schedule.track.escalated_at.has_value()};
    return schedule;
}

int overdue_days_on(const calendar::Date& due, Instant now) {
    return std::max(0, business_days_between(due, calendar::to_tokyo(now).date));
}

store::Status audit_reminder(store::Database& database, const ReminderRecord& reminder,
                             const std::vector<ReminderRecord>& superseded, const audit::Actor& actor) {
    auto after = to_json(reminder);
    auto keys = nlohmann::json::array();
    for (const auto& record : superseded) keys.push_back(record.key);
    after["superseded"] = keys;
    return audit::record(database, {actor, "lending.reminded", "loan_request", std::to_string(reminder.request_id),
                                    std::nullopt, after});
}

ReminderRecord record_of(const domain::ReminderMoment& moment, std::int64_t request_id, ReminderState state,
                         int overdue_number, Instant now) {
    return {0,     request_id, moment.key(), moment.kind, moment.business_days, moment.due, state, overdue_number,
            now,   std::string(audit::system_actor.name)};
}

// One loan's run inside its transaction: read again, then record and tell what is due.
store::Status apply(store::Database& database, const ActiveLoan& seen, const domain::ReminderPolicy& policy, Instant now,
                    DivisionManagers& managers, ReminderSweep& sweep) {
    auto found = find_request(database, seen.id);
    if (!found) return store::Error{found.error()};
    if (!found.value() || found.value()->state != domain::RequestState::on_loan) return store::success();
    const auto& loan = *found.value();
    auto records = reminders_of(database, loan.id);
    if (!records) return store::Error{records.error()};
    auto track = find_track(database, loan.id);
    if (!track) return store::Error{track.error()};
    const ActiveLoan current{loan.id, loan.class_code, loan.start_date, loan.due_date};
    auto schedule = schedule_of(current, records.value(), track.value(), now);
    const auto run = domain::reminders_due(policy, schedule.state, now);
    auto& history = records.value();

    if (run.send) {
        std::vector<ReminderRecord> superseded;
        for (const auto& moment : run.superseded) {
            auto inserted = insert_reminder(database, record_of(moment, loan.id, ReminderState::superseded, 0, now));
            if (!inserted) return store::Error{inserted.error()};
            superseded.push_back(inserted.value());
        }
        auto sent = insert_reminder(database, record_of(*run.send, loan.id, ReminderState::sent, run.overdue_number, now));
        if (!sent) return store::Error{sent.error()};
        if (auto audited = audit_reminder(database, sent.value(), superseded, audit::system_actor); !audited) return audited;
        if (auto told = notify_reminder(database, loan, sent.value(), run.copy_manager, audit::system_actor, managers); !told) {
            return told;
        }
        history.insert(history.end(), superseded.begin(), superseded.end());
        history.push_back(sent.value());
        sweep.sent += 1;
        sweep.superseded += static_cast<std::int64_t>(superseded.size());
        schedule.track_changed = true;
    }
    if (run.escalate) {
        schedule.track.escalated_at = now;
        schedule.track_changed = true;
        auto history_json = nlohmann::json::array();
        for (const auto& record : history) history_json.push_back(to_json(record));
        const audit::AuditEntry entry{audit::system_actor, "lending.escalated", "loan_request", std::to_string(loan.id),
                                      nlohmann::json{{"escalated", false}},
                                      nlohmann::json{{"escalated", true}, {"reminders", history_json}}};
        if (auto recorded = audit::record(database, entry); !recorded) return recorded;
        if (auto told = notify_escalation(database, loan, history, overdue_days_on(loan.due_date, now), audit::system_actor);
            !told) {
            return told;
        }
        sweep.escalated += 1;
    }
    if (schedule.track_changed) return save_track(database, loan.id, schedule.track);
    return store::success();
}

}  // namespace

int business_days_between(const calendar::Date& from, const calendar::Date& to) {
    const bool forward = calendar::days_from_civil(from) <= calendar::days_from_civil(to);
    const auto& first = forward ? from : to;
    const auto& last = forward ? to : from;
    int count = 0;
    for (auto day = calendar::add_days(first, 1); calendar::days_from_civil(day) <= calendar::days_from_civil(last);
         day = calendar::add_days(day, 1)) {
        if (calendar::is_business_day(day)) ++count;
    }
    return forward ? count : -count;
}

store::Result<ReminderSweep> run_reminders(store::Database& database, Instant now) {
    auto policies = load_reminder_policies(database);
    if (!policies) return store::Error{policies.error()};
    auto loans = loans_on_loan(database);
    if (!loans) return store::Error{loans.error()};
    auto reminders = reminders_on_loan(database);
    if (!reminders) return store::Error{reminders.error()};
    auto tracks = tracks_on_loan(database);
    if (!tracks) return store::Error{tracks.error()};

    ReminderSweep sweep;
    DivisionManagers managers;
    const std::vector<ReminderRecord> none;
    std::vector<std::pair<const ActiveLoan*, const domain::ReminderPolicy*>> due;
    for (const auto& loan : loans.value()) {
        ++sweep.loans;
        const auto policy = std::find_if(policies.value().begin(), policies.value().end(),
                                         [&](const auto& stored) { return stored.policy.class_code == loan.class_code; });
        if (policy == policies.value().end()) continue;
        const auto records = reminders.value().find(loan.id);
        const auto track = tracks.value().find(loan.id);
        const auto schedule = schedule_of(loan, records == reminders.value().end() ? none : records->second,
                                          track == tracks.value().end() ? std::nullopt : std::optional(track->second), now);
        const auto run = domain::reminders_due(policy->policy, schedule.state, now);
        // Most runs find nothing due and no moved due date: only then is a write transaction
        // opened. A new loan's track waits for its first reminder: its start date is its schedule's.
        if (run.send || run.escalate || schedule.due_moved) due.emplace_back(&loan, &policy->policy);
    }
    // Loans that owe something are written a batch per transaction: one commit per loan would
    // cost most of a run that reminds thousands, a batch holds requests up a fraction of a second.
    for (std::size_t first = 0; first < due.size(); first += loans_per_transaction) {
        const auto last = std::min(due.size(), first + loans_per_transaction);
        auto done = database.transaction([&]() -> store::Status {
            for (auto index = first; index < last; ++index) {
                auto applied = apply(database, *due[index].first, *due[index].second, now, managers, sweep);
                if (!applied) return applied;
            }
            return store::success();
        });
        if (!done) return store::Error{done.error()};
    }
    return sweep;
}

store::Result<ReminderRecord> send_manual_reminder(store::Database& database, const LoanRequestRow& loan,
                                                   const audit::Actor& actor, Instant now) {
    auto records = reminders_of(database, loan.id);
    if (!records) return store::Error{records.error()};
    auto track = find_track(database, loan.id);
    if (!track) return store::Error{track.error()};
    auto policy = find_reminder_policy(database, loan.class_code);
    if (!policy) return store::Error{policy.error()};
    const auto today = calendar::to_tokyo(now).date;
    const bool overdue = calendar::days_from_civil(today) > calendar::days_from_civil(loan.due_date);
    ReminderRecord record;
    record.request_id = loan.id;
    record.key = "manual@" + calendar::format_iso8601_utc(now);
    record.kind = overdue ? domain::ReminderKind::overdue : domain::ReminderKind::before_due;
    record.business_days = std::abs(business_days_between(loan.due_date, today));
    record.due_date = loan.due_date;
    record.overdue_number = 0;
    if (overdue) {
        std::vector<domain::SentReminder> sent;
        for (const auto& existing : records.value()) sent.push_back(to_sent(existing));
        record.overdue_number = domain::overdue_reminders_counted(sent) + 1;
    }
    record.recorded_at = now;
    record.sent_by = actor.name;
    // A second press within the same second is the same reminder.
    const auto same = std::find_if(records.value().begin(), records.value().end(),
                                   [&](const ReminderRecord& existing) { return existing.key == record.key; });
    if (same != records.value().end()) return *same;
    auto inserted = insert_reminder(database, record);
    if (!inserted) return store::Error{inserted.error()};
    if (auto audited = audit_reminder(database, inserted.value(), {}, actor); !audited) return store::Error{audited.error()};
    const bool copy = policy.value() && policy.value()->policy.copy_division_manager;
    DivisionManagers managers;
    if (auto told = notify_reminder(database, loan, inserted.value(), copy, actor, managers); !told) {
        return store::Error{told.error()};
    }
    if (!track.value()) {
        const ActiveLoan active{loan.id, loan.class_code, loan.start_date, loan.due_date};
        const auto schedule = schedule_of(active, records.value(), std::nullopt, now);
        if (auto saved = save_track(database, loan.id, schedule.track); !saved) return store::Error{saved.error()};
    }
    return inserted.value();
}

}  // namespace madoguchi::server::lending
