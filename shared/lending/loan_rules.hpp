#pragma once
// 貸出ルール (loan rules): what a loan of each lendable device class may be, as data that
// admins edit (the defaults below are the first rows of table loan_rules). Requests, approval
// and the counter read a class's rule instead of branching on the class.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "identity/role.hpp"
#include "validation/field_problem.hpp"

namespace madoguchi::lending {

// Who decides a request of the class (承認者).
enum class Approver {
    manager,    // the requester's division manager (課室等管理者)
    operator_,  // the desk (運用窓口)
    it_office,  // 情報システム室
};

std::string_view approver_name(Approver approver);  // "manager", "operator", "it_office"
std::optional<Approver> parse_approver(std::string_view name);
identity::Role approver_role(Approver approver);

struct LoanRule {
    std::string class_code;
    int max_days = 14;               // longest period, start and due day both counted
    Approver approver = Approver::operator_;
    int holding_limit = 1;           // devices of the class one person may hold or have requested
    bool overdue_blocks = true;      // an overdue loan of any class refuses new requests
    bool closed_day_due_allowed = false;  // whether start and due may fall on a closed day
    friend bool operator==(const LoanRule&, const LoanRule&) = default;
};

inline constexpr int max_period_limit = 366;
inline constexpr int holding_limit_max = 100;

// One rule per loanable class of inventory::device_classes(), in that order.
std::vector<LoanRule> default_rules();

// Problems under `prefix` + "max_days" (field.out_of_range_1_366), "holding_limit"
// (field.out_of_range_1_100) and "class" (field.unknown_class: not a loanable class).
std::vector<validation::FieldProblem> validate(const LoanRule& rule, std::string_view prefix = "");

}  // namespace madoguchi::lending
