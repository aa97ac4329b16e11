// Loan rules as data: a default for every lendable class and none for installed ones, and the
// checks an admin's edit goes through.
#include <catch2/catch.hpp>

#include <algorithm>

#include "lending/loan_rules.hpp"

using namespace madoguchi::lending;

TEST_CASE("every lendable class has a default rule, installed classes none", "[lending][rules]") {
    const auto rules = default_rules();
    std::vector<std::string> classes;
    for (const auto& rule : rules) {
        classes.push_back(rule.class_code);
        CHECK(validate(rule).empty());
    }
    CHECK(classes == std::vector<std::string>{"mobile_printer", "mobile_scanner", "business_pc", "gss_terminal", "tablet"});
    const auto gss = std::find_if(rules.begin(), rules.end(), [](const auto& r) { return r.class_code == "gss_terminal"; });
    CHECK(gss->approver == Approver::it_office);
    CHECK(gss->holding_limit == 1);
}

TEST_CASE("a rule out of bounds names each wrong field under the prefix", "[lending][rules]") {
    LoanRule rule{"mfp", 0, Approver::manager, 101, true, false};
    const auto problems = validate(rule, "rules[2].");
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].field == "rules[2].class");
    CHECK(problems[1] == madoguchi::validation::FieldProblem{"rules[2].max_days", "field.out_of_range_1_366"});
    CHECK(problems[2] == madoguchi::validation::FieldProblem{"rules[2].holding_limit", "field.out_of_range_1_100"});
    CHECK(validate(LoanRule{"tablet", 366, Approver::manager, 100, false, true}).empty());
    CHECK_FALSE(validate(LoanRule{"tablet", 367, Approver::manager, 1, false, true}).empty());
}

TEST_CASE("approvers read and write by name and map to the role that decides", "[lending][rules]") {
    for (const auto approver : {Approver::manager, Approver::operator_, Approver::it_office}) {
        CHECK(parse_approver(approver_name(approver)) == approver);
    }
    CHECK(approver_name(Approver::operator_) == "operator");
    CHECK(approver_role(Approver::operator_) == madoguchi::identity::Role::desk_operator);
    CHECK_FALSE(parse_approver("admin"));
}
