#include "lending/reminder_schedule.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>

#include "calendar/business_calendar.hpp"
#include "tickets/named_values.hpp"

namespace madoguchi::lending {
namespace {

using calendar::Date;
using calendar::Instant;

constexpr std::array<tickets::Named<ReminderKind>, 2> kinds{{
    {ReminderKind::before_due, "before_due", "lending.reminder.kind.before_due"},
    {ReminderKind::overdue, "overdue", "lending.reminder.kind.overdue"},
}};
static_assert(tickets::in_enum_order(kinds));

const std::vector<ReminderPolicy>& defaults() {
    // A notice two business days ahead, then +1, +3, +7; the IT office after the third overdue
    // reminder. Terminals and tablets hold the division's work, so their manager is copied.
    static const std::vector<ReminderPolicy> policies{
        {"mobile_printer", {2}, {1, 3, 7}, 9 * 60, 3, false},
        {"mobile_scanner", {2}, {1, 3, 7}, 9 * 60, 3, false},
        {"business_pc", {2}, {1, 3, 7}, 9 * 60, 3, true},
        {"gss_terminal", {2}, {1, 3, 7}, 9 * 60, 3, true},
        {"tablet", {2}, {1, 3, 7}, 9 * 60, 3, true},
    };
    return policies;
}

constexpr int max_step_days = 60;

bool valid_steps(const std::vector<int>& steps) {
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (steps[i] < 1 || steps[i] > max_step_days) return false;
        if (i > 0 && steps[i] <= steps[i - 1]) return false;
    }
    return true;
}

Instant sending_instant(const ReminderPolicy& policy, const Date& date) {
    return calendar::from_tokyo(date, policy.send_minute * 60);
}

bool is_sending_time(const ReminderPolicy& policy, Instant now) {
    const auto tokyo = calendar::to_tokyo(now);
    return calendar::is_business_day(tokyo.date) && tokyo.second_of_day >= policy.send_minute * 60;
}

// An integer in int's range; larger numbers are out of every rule's range anyway.
std::optional<int> small_integer(const nlohmann::json& value) {
    if (!value.is_number_integer()) return std::nullopt;
    if (value.is_number_unsigned() && value.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<int>::max())) return std::nullopt;
    const auto number = value.get<std::int64_t>();
    if (number < std::numeric_limits<int>::min() || number > std::numeric_limits<int>::max()) return std::nullopt;
    return static_cast<int>(number);
}

bool recorded(std::span<const SentReminder> sent, const std::string& key) {
    return std::any_of(sent.begin(), sent.end(), [&](const SentReminder& r) { return r.key == key; });
}

}  // namespace

std::string_view reminder_kind_name(ReminderKind kind) { return tickets::named(kinds, kind).name; }

std::optional<ReminderKind> parse_reminder_kind(std::string_view name) { return tickets::parse_named(kinds, name); }

std::string_view reminder_kind_label_key(ReminderKind kind) { return tickets::named(kinds, kind).label_key; }

std::span<const ReminderPolicy> default_reminder_policies() { return defaults(); }

const ReminderPolicy* find_reminder_policy(std::span<const ReminderPolicy> policies, std::string_view class_code) {
    const auto found = std::find_if(policies.begin(), policies.end(),
                                    [&](const ReminderPolicy& p) { return p.class_code == class_code; });
    return found == policies.end() ? nullptr : &*found;
}

std::vector<validation::FieldProblem> check_reminder_policy(const ReminderPolicy& policy) {
    std::vector<validation::FieldProblem> problems;
    if (!valid_steps(policy.before_due)) problems.push_back({"before_due", "lending.reminder.invalid_days"});
    if (!valid_steps(policy.after_due)) problems.push_back({"after_due", "lending.reminder.invalid_days"});
    if (policy.send_minute < 0 || policy.send_minute >= 24 * 60) {
        problems.push_back({"send_minute", "lending.reminder.invalid_send_time"});
    }
    if (policy.escalate_after < 0 || policy.escalate_after > static_cast<int>(policy.after_due.size())) {
        problems.push_back({"escalate_after", "lending.reminder.invalid_escalation"});
    }
    return problems;
}

nlohmann::json to_json(const ReminderPolicy& policy) {
    return {{"class_code", policy.class_code},          {"before_due", policy.before_due},
            {"after_due", policy.after_due},            {"send_minute", policy.send_minute},
            {"escalate_after", policy.escalate_after}, {"copy_division_manager", policy.copy_division_manager}};
}

std::optional<ReminderPolicy> reminder_policy_from_json(const nlohmann::json& json) {
    if (!json.is_object()) return std::nullopt;
    const auto member = [&](const char* name) {
        const auto found = json.find(name);
        return found == json.end() ? nlohmann::json() : *found;
    };
    const auto days = [&](const nlohmann::json& value) -> std::optional<std::vector<int>> {
        if (!value.is_array()) return std::nullopt;
        std::vector<int> values;
        for (const auto& element : value) {
            const auto day = small_integer(element);
            if (!day) return std::nullopt;
            values.push_back(*day);
        }
        return values;
    };
    const auto class_code = member("class_code");
    const auto copy = member("copy_division_manager");
    const auto before = days(member("before_due"));
    const auto after = days(member("after_due"));
    const auto send_minute = small_integer(member("send_minute"));
    const auto escalate_after = small_integer(member("escalate_after"));
    if (!class_code.is_string() || !copy.is_boolean() || !before || !after || !send_minute || !escalate_after) {
        return std::nullopt;
    }
    return ReminderPolicy{class_code.get<std::string>(), *before, *after, *send_minute, *escalate_after, copy.get<bool>()};
}

Date business_day_offset(const Date& date, int count) {
    const int step = count < 0 ? -1 : 1;
    Date day = date;
    for (int left = count < 0 ? -count : count; left > 0;) {
        day = calendar::add_days(day, step);
        if (calendar::is_business_day(day)) --left;
    }
    return day;
}

std::string ReminderMoment::key() const {
    std::string text(reminder_kind_name(kind));
    text += kind == ReminderKind::before_due ? '-' : '+';
    text += std::to_string(business_days);
    text += '@';
    text += calendar::format_date(due);
    return text;
}

std::vector<ReminderMoment> reminder_moments(const ReminderPolicy& policy, const Date& due) {
    std::vector<ReminderMoment> moments;
    for (auto it = policy.before_due.rbegin(); it != policy.before_due.rend(); ++it) {
        const auto date = business_day_offset(due, -*it);
        moments.push_back({ReminderKind::before_due, *it, due, sending_instant(policy, date)});
    }
    for (const int days : policy.after_due) {
        const auto date = business_day_offset(due, days);
        moments.push_back({ReminderKind::overdue, days, due, sending_instant(policy, date)});
    }
    return moments;
}

int overdue_reminders_counted(std::span<const SentReminder> sent) {
    return static_cast<int>(
        std::count_if(sent.begin(), sent.end(), [](const SentReminder& r) { return r.kind == ReminderKind::overdue; }));
}

std::optional<Instant> escalation_moment(const ReminderPolicy& policy, std::span<const SentReminder> sent) {
    if (policy.escalate_after <= 0) return std::nullopt;
    std::vector<Instant> overdue;
    for (const auto& reminder : sent) {
        if (reminder.kind == ReminderKind::overdue) overdue.push_back(reminder.at);
    }
    if (static_cast<int>(overdue.size()) < policy.escalate_after) return std::nullopt;
    std::sort(overdue.begin(), overdue.end());
    const auto last_date = calendar::to_tokyo(overdue[policy.escalate_after - 1]).date;
    return sending_instant(policy, business_day_offset(last_date, 1));
}

ReminderRun reminders_due(const ReminderPolicy& policy, const LoanReminderState& loan, Instant now) {
    ReminderRun run;
    if (!is_sending_time(policy, now)) return run;

    const auto moments = reminder_moments(policy, loan.due);
    // A moment already recorded ends the catch-up: the ones before it are settled.
    auto first_open = moments.begin();
    for (auto it = moments.begin(); it != moments.end(); ++it) {
        if (recorded(loan.sent, it->key())) first_open = it + 1;
    }
    std::vector<ReminderMoment> passed;
    for (auto it = first_open; it != moments.end(); ++it) {
        if (it->at >= loan.schedule_start && it->at <= now) passed.push_back(*it);
    }
    if (!passed.empty()) {
        run.send = passed.back();
        passed.pop_back();
        run.superseded = std::move(passed);
    }

    if (run.send && run.send->kind == ReminderKind::overdue) {
        const auto superseded_overdue = std::count_if(run.superseded.begin(), run.superseded.end(),
                                                      [](const ReminderMoment& m) { return m.kind == ReminderKind::overdue; });
        run.overdue_number = overdue_reminders_counted(loan.sent) + static_cast<int>(superseded_overdue) + 1;
        run.copy_manager = policy.copy_division_manager;
    }

    const auto escalation = escalation_moment(policy, loan.sent);
    run.escalate = !loan.escalated && escalation && *escalation <= now;
    return run;
}

}  // namespace madoguchi::lending
