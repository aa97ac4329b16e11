#include "lending/reminder_policy_store.hpp"

#include <algorithm>

namespace madoguchi::server::lending {
namespace {

namespace domain = madoguchi::lending;

constexpr std::string_view select_policies =
    "SELECT class, before_due, after_due, send_minute, escalate_after, copy_division_manager, version, updated_by, "
    "updated_at FROM loan_reminder_policies";

std::vector<int> days_of(const std::string& text) {
    const auto parsed = nlohmann::json::parse(text, nullptr, false);
    std::vector<int> days;
    if (!parsed.is_array()) return days;
    for (const auto& day : parsed) {
        if (day.is_number_integer()) days.push_back(day.get<int>());
    }
    return days;
}

StoredReminderPolicy read_row(const store::Statement& row) {
    StoredReminderPolicy stored;
    auto& p = stored.policy;
    p.class_code = row.column_text(0);
    p.before_due = days_of(row.column_text(1));
    p.after_due = days_of(row.column_text(2));
    p.send_minute = static_cast<int>(row.column_int(3));
    p.escalate_after = static_cast<int>(row.column_int(4));
    p.copy_division_manager = row.column_int(5) == 1;
    stored.version = row.column_int(6);
    stored.updated_by = row.column_text(7);
    stored.updated_at = row.column_text(8);
    return stored;
}

void bind_policy(store::Statement& statement, const domain::ReminderPolicy& policy) {
    statement.bind(1, policy.class_code).bind(2, nlohmann::json(policy.before_due).dump())
        .bind(3, nlohmann::json(policy.after_due).dump()).bind(4, std::int64_t{policy.send_minute})
        .bind(5, std::int64_t{policy.escalate_after}).bind(6, std::int64_t{policy.copy_division_manager});
}

}  // namespace

nlohmann::json to_json(const StoredReminderPolicy& stored) {
    auto json = domain::to_json(stored.policy);
    json["version"] = stored.version;
    json["updated_by"] = stored.updated_by;
    json["updated_at"] = stored.updated_at;
    return json;
}

store::Status seed_default_reminder_policies(store::Database& database) {
    auto insert = database.prepare(
        "INSERT INTO loan_reminder_policies (class, before_due, after_due, send_minute, escalate_after, "
        "copy_division_manager) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insert) return store::Error{insert.error()};
    for (const auto& policy : domain::default_reminder_policies()) {
        insert.value().reset();
        bind_policy(insert.value(), policy);
        if (auto done = insert.value().step(); !done) return store::Error{done.error()};
    }
    return store::success();
}

store::Result<std::vector<StoredReminderPolicy>> load_reminder_policies(store::Database& database) {
    auto select = database.prepare(select_policies);
    if (!select) return store::Error{select.error()};
    std::vector<StoredReminderPolicy> policies;
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        policies.push_back(read_row(select.value()));
    }
    const auto defaults = domain::default_reminder_policies();
    const auto rank = [&](const StoredReminderPolicy& stored) {
        const auto* known = domain::find_reminder_policy(defaults, stored.policy.class_code);
        return known ? known - defaults.data() : static_cast<std::ptrdiff_t>(defaults.size());
    };
    std::stable_sort(policies.begin(), policies.end(), [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
    return policies;
}

store::Result<std::optional<StoredReminderPolicy>> find_reminder_policy(store::Database& database,
                                                                       const std::string& class_code) {
    auto select = database.prepare(std::string(select_policies) + " WHERE class = ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, class_code);
    auto row = select.value().step();
    if (!row) return store::Error{row.error()};
    if (!row.value()) return std::optional<StoredReminderPolicy>();
    return std::optional<StoredReminderPolicy>(read_row(select.value()));
}

store::Result<bool> save_reminder_policy(store::Database& database, const domain::ReminderPolicy& policy,
                                         std::int64_t version, const std::string& actor, calendar::Instant now) {
    auto update = database.prepare(
        "UPDATE loan_reminder_policies SET before_due = ?2, after_due = ?3, send_minute = ?4, escalate_after = ?5, "
        "copy_division_manager = ?6, version = version + 1, updated_by = ?7, updated_at = ?8 "
        "WHERE class = ?1 AND version = ?9");
    if (!update) return store::Error{update.error()};
    bind_policy(update.value(), policy);
    update.value().bind(7, actor).bind(8, calendar::format_iso8601_utc(now)).bind(9, version);
    if (auto done = update.value().step(); !done) return store::Error{done.error()};
    return database.changes() == 1;
}

}  // namespace madoguchi::server::lending
