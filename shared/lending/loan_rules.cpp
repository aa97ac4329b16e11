#include "lending/loan_rules.hpp"

#include <array>

#include "inventory/device_class.hpp"

namespace madoguchi::lending {
namespace {

constexpr std::array<std::pair<Approver, std::string_view>, 3> approver_names{{
    {Approver::manager, "manager"},
    {Approver::operator_, "operator"},
    {Approver::it_office, "it_office"},
}};

// The desk lends printers and scanners for short work; PCs and tablets need the division's
// say; GSS terminals are the IT office's, one per person.
LoanRule default_for(std::string_view class_code) {
    if (class_code == "mobile_printer" || class_code == "mobile_scanner") {
        return {std::string(class_code), 14, Approver::operator_, 2, true, false};
    }
    if (class_code == "business_pc") return {std::string(class_code), 30, Approver::manager, 1, true, false};
    if (class_code == "gss_terminal") return {std::string(class_code), 90, Approver::it_office, 1, true, false};
    return {std::string(class_code), 30, Approver::manager, 1, true, false};
}

}  // namespace

std::string_view approver_name(Approver approver) {
    for (const auto& [value, name] : approver_names) {
        if (value == approver) return name;
    }
    return "operator";
}

std::optional<Approver> parse_approver(std::string_view name) {
    for (const auto& [value, known] : approver_names) {
        if (known == name) return value;
    }
    return std::nullopt;
}

identity::Role approver_role(Approver approver) {
    switch (approver) {
        case Approver::manager: return identity::Role::manager;
        case Approver::operator_: return identity::Role::desk_operator;
        case Approver::it_office: return identity::Role::it_office;
    }
    return identity::Role::desk_operator;
}

std::vector<LoanRule> default_rules() {
    std::vector<LoanRule> rules;
    for (const auto& device_class : inventory::device_classes()) {
        if (device_class.placement == inventory::Placement::loanable) rules.push_back(default_for(device_class.code));
    }
    return rules;
}

std::vector<validation::FieldProblem> validate(const LoanRule& rule, std::string_view prefix) {
    std::vector<validation::FieldProblem> problems;
    const auto field = [&](std::string_view name) {
        std::string path(prefix);
        path += name;
        return path;
    };
    const auto* device_class = inventory::find_device_class(rule.class_code);
    if (device_class == nullptr || device_class->placement != inventory::Placement::loanable) {
        problems.push_back({field("class"), "field.unknown_class"});
    }
    if (rule.max_days < 1 || rule.max_days > max_period_limit) {
        problems.push_back({field("max_days"), "field.out_of_range_1_366"});
    }
    if (rule.holding_limit < 1 || rule.holding_limit > holding_limit_max) {
        problems.push_back({field("holding_limit"), "field.out_of_range_1_100"});
    }
    return problems;
}

}  // namespace madoguchi::lending
