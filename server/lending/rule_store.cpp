#include "lending/rule_store.hpp"

namespace madoguchi::server::lending {
namespace {

namespace domain = madoguchi::lending;

constexpr std::string_view select_rules =
    "SELECT class, max_days, approver, holding_limit, overdue_blocks, closed_day_due_allowed, version, updated_by, "
    "updated_at FROM loan_rules";

StoredRule read_row(const store::Statement& row) {
    StoredRule stored;
    auto& r = stored.rule;
    r.class_code = row.column_text(0);
    r.max_days = static_cast<int>(row.column_int(1));
    r.approver = domain::parse_approver(row.column_text(2)).value_or(domain::Approver::operator_);
    r.holding_limit = static_cast<int>(row.column_int(3));
    r.overdue_blocks = row.column_int(4) == 1;
    r.closed_day_due_allowed = row.column_int(5) == 1;
    stored.version = row.column_int(6);
    stored.updated_by = row.column_text(7);
    stored.updated_at = row.column_text(8);
    return stored;
}

}  // namespace

nlohmann::json to_json(const StoredRule& stored) {
    const auto& r = stored.rule;
    return {{"class", r.class_code},
            {"max_days", r.max_days},
            {"approver", domain::approver_name(r.approver)},
            {"holding_limit", r.holding_limit},
            {"overdue_blocks", r.overdue_blocks},
            {"closed_day_due_allowed", r.closed_day_due_allowed},
            {"version", stored.version},
            {"updated_by", stored.updated_by},
            {"updated_at", stored.updated_at}};
}

store::Status seed_default_rules(store::Database& database) {
    auto insert = database.prepare(
        "INSERT INTO loan_rules (class, max_days, approver, holding_limit, overdue_blocks, closed_day_due_allowed) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insert) return store::Error{insert.error()};
    for (const auto& rule : domain::default_rules()) {
        insert.value().reset();
        insert.value().bind(1, rule.class_code).bind(2, std::int64_t{rule.max_days})
            .bind(3, domain::approver_name(rule.approver)).bind(4, std::int64_t{rule.holding_limit})
            .bind(5, std::int64_t{rule.overdue_blocks}).bind(6, std::int64_t{rule.closed_day_due_allowed});
        if (auto done = insert.value().step(); !done) return store::Error{done.error()};
    }
    return store::success();
}

store::Result<std::vector<StoredRule>> load_rules(store::Database& database) {
    auto select = database.prepare(std::string(select_rules));
    if (!select) return store::Error{select.error()};
    std::vector<StoredRule> rules;
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        rules.push_back(read_row(select.value()));
    }
    // In the order of the requirements' classes, as default_rules() lists them.
    std::vector<StoredRule> ordered;
    for (const auto& known : domain::default_rules()) {
        for (auto& stored : rules) {
            if (stored.rule.class_code == known.class_code) ordered.push_back(stored);
        }
    }
    return ordered;
}

store::Result<std::optional<StoredRule>> find_rule(store::Database& database, const std::string& class_code) {
    auto select = database.prepare(std::string(select_rules) + " WHERE class = ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, class_code);
    auto row = select.value().step();
    if (!row) return store::Error{row.error()};
    if (!row.value()) return std::optional<StoredRule>();
    return std::optional<StoredRule>(read_row(select.value()));
}

store::Result<bool> save_rule(store::Database& database, const domain::LoanRule& rule, std::int64_t version,
                              const std::string& actor, calendar::Instant now) {
    auto update = database.prepare(
        "UPDATE loan_rules SET max_days = ?2, approver = ?3, holding_limit = ?4, overdue_blocks = ?5, "
        "closed_day_due_allowed = ?6, version = version + 1, updated_by = ?7, updated_at = ?8 "
        "WHERE class = ?1 AND version = ?9");
    if (!update) return store::Error{update.error()};
    update.value().bind(1, rule.class_code).bind(2, std::int64_t{rule.max_days})
        .bind(3, domain::approver_name(rule.approver)).bind(4, std::int64_t{rule.holding_limit})
        .bind(5, std::int64_t{rule.overdue_blocks}).bind(6, std::int64_t{rule.closed_day_due_allowed})
        .bind(7, actor).bind(8, calendar::format_iso8601_utc(now)).bind(9, version);
    if (auto done = update.value().step(); !done) return store::Error{done.error()};
    return database.changes() == 1;
}

}  // namespace madoguchi::server::lending
