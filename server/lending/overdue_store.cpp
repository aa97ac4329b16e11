#include "lending/overdue_store.hpp"

#include "lending/reminder_run.hpp"
#include "store/conditions.hpp"

namespace madoguchi::server::lending {

nlohmann::json to_json(const OverdueLoan& loan) {
    auto reminders = nlohmann::json::array();
    for (const auto& reminder : loan.reminders) reminders.push_back(to_json(reminder));
    return {{"id", loan.id},
            {"number", loan.number},
            {"borrower_login", loan.borrower_login},
            {"borrower_name", loan.borrower_name},
            {"division_code", loan.division_code},
            {"division_name", loan.division_name},
            {"class", loan.class_code},
            {"asset_tags", loan.asset_tags},
            {"due_date", calendar::format_date(loan.due_date)},
            {"business_days_overdue", loan.business_days_overdue},
            {"escalated", loan.escalated},
            {"reminders", reminders}};
}

store::Result<OverduePage> list_overdue(store::Database& database, const OverdueQuery& query) {
    store::Conditions conditions;
    conditions.add_sql("r.state = 'on_loan'");
    conditions.add("r.due_date < ?", calendar::format_date(query.today));
    if (query.division) conditions.add("r.requester_division = ?", *query.division);

    OverduePage page;
    auto count = database.prepare("SELECT count(*) FROM loan_requests r" + conditions.sql());
    if (!count) return store::Error{count.error()};
    conditions.bind(count.value());
    if (auto row = count.value().step(); !row) return store::Error{row.error()};
    page.total = count.value().column_int(0);

    const auto limit_parameter = std::to_string(conditions.parameter_count() + 1);
    const auto offset_parameter = std::to_string(conditions.parameter_count() + 2);
    auto select = database.prepare(
        "SELECT r.id, r.number, r.requester_login, coalesce(u.name, ''), r.requester_division, "
        "coalesce(d.name_ja, r.requester_division), r.class, r.due_date, coalesce(t.escalated_at, ''), "
        "(SELECT json_group_array(asset_tag) FROM (SELECT v.asset_tag FROM loan_allocations a "
        " JOIN devices v ON v.id = a.device_id WHERE a.request_id = r.id ORDER BY v.asset_tag)) "
        "FROM loan_requests r LEFT JOIN users u ON u.login = r.requester_login "
        "LEFT JOIN divisions d ON d.code = r.requester_division "
        "LEFT JOIN loan_reminder_tracks t ON t.request_id = r.id" +
        conditions.sql() + " ORDER BY r.due_date, r.id LIMIT ?" + limit_parameter + " OFFSET ?" + offset_parameter);
    if (!select) return store::Error{select.error()};
    conditions.bind(select.value());
    select.value().bind(conditions.parameter_count() + 1, query.limit).bind(conditions.parameter_count() + 2, query.offset);
    while (true) {
        auto row = select.value().step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) break;
        const auto& s = select.value();
        OverdueLoan loan;
        loan.id = s.column_int(0);
        loan.number = s.column_text(1);
        loan.borrower_login = s.column_text(2);
        loan.borrower_name = s.column_text(3);
        loan.division_code = s.column_text(4);
        loan.division_name = s.column_text(5);
        loan.class_code = s.column_text(6);
        loan.due_date = calendar::parse_date(s.column_text(7)).value_or(calendar::Date{});
        loan.escalated = !s.column_text(8).empty();
        for (const auto& tag : nlohmann::json::parse(s.column_text(9), nullptr, false)) {
            if (tag.is_string()) loan.asset_tags.push_back(tag.get<std::string>());
        }
        loan.business_days_overdue = business_days_between(loan.due_date, query.today);
        page.loans.push_back(std::move(loan));
    }
    for (auto& loan : page.loans) {
        auto reminders = reminders_of(database, loan.id);
        if (!reminders) return store::Error{reminders.error()};
        loan.reminders = std::move(reminders.value());
    }
    return page;
}

}  // namespace madoguchi::server::lending
