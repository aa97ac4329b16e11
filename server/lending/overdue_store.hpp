#pragma once
// 未返却一覧: loans on loan past their due date, most overdue first, each with the borrower,
// division, devices by tag, business days overdue, the reminder history and whether the IT
// office took the case over.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "calendar/civil_date.hpp"
#include "lending/reminder_store.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

struct OverdueLoan {
    std::int64_t id = 0;
    std::string number;
    std::string borrower_login;
    std::string borrower_name;
    std::string division_code;
    std::string division_name;
    std::string class_code;
    std::vector<std::string> asset_tags;
    calendar::Date due_date;
    int business_days_overdue = 0;
    bool escalated = false;
    std::vector<ReminderRecord> reminders;
};

nlohmann::json to_json(const OverdueLoan& loan);

struct OverdueQuery {
    calendar::Date today;
    std::optional<std::string> division;  // a manager's own division
    std::int64_t limit = 50;
    std::int64_t offset = 0;
};

struct OverduePage {
    std::vector<OverdueLoan> loans;
    std::int64_t total = 0;
};

store::Result<OverduePage> list_overdue(store::Database& database, const OverdueQuery& query);

}  // namespace madoguchi::server::lending
