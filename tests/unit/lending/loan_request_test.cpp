// The loan request form's checks, shared by the client's form and the server's refusals.
#include <catch2/catch.hpp>

#include "lending/loan_request.hpp"

using namespace madoguchi::lending;
using madoguchi::calendar::Date;
using madoguchi::validation::FieldProblem;

namespace {

const Date today{2026, 12, 1};  // a Tuesday
const LoanRule printer_rule{"mobile_printer", 14, Approver::operator_, 2, true, false};

RequestDraft pickup_draft() {
    RequestDraft draft;
    draft.class_code = "mobile_printer";
    draft.quantity = 1;
    draft.purpose = "出張先での資料印刷";
    draft.start_date = "2026-12-02";
    draft.due_date = "2026-12-04";
    draft.delivery = "pickup";
    draft.pickup_location_id = 3;
    return draft;
}

std::vector<FieldProblem> problems_of(const RequestDraft& draft, const LoanRule* rule = &printer_rule) {
    return validate(draft, rule, today);
}

}  // namespace

TEST_CASE("a complete pickup request within the rule passes", "[lending][request]") {
    CHECK(problems_of(pickup_draft()).empty());
    auto same_day = pickup_draft();
    same_day.start_date = "2026-12-01";
    same_day.due_date = "2026-12-01";
    CHECK(problems_of(same_day).empty());
}

TEST_CASE("a due date before the start is refused on the due date", "[lending][request]") {
    auto draft = pickup_draft();
    draft.due_date = "2026-11-30";
    draft.start_date = "2026-12-02";
    CHECK(problems_of(draft) == std::vector<FieldProblem>{{"due_date", "field.due_before_start"}});
}

TEST_CASE("the maximum period counts both the start and the due day", "[lending][request]") {
    auto draft = pickup_draft();
    draft.start_date = "2026-12-02";
    draft.due_date = "2026-12-15";  // 14 days: the limit
    CHECK(loan_days(Date{2026, 12, 2}, Date{2026, 12, 15}) == 14);
    CHECK(problems_of(draft).empty());
    draft.due_date = "2026-12-16";  // 15 days, and a Wednesday
    CHECK(problems_of(draft) == std::vector<FieldProblem>{{"due_date", "field.beyond_max_period"}});
}

TEST_CASE("closed days are refused unless the rule allows them", "[lending][request]") {
    auto draft = pickup_draft();
    draft.start_date = "2026-12-05";  // Saturday
    draft.due_date = "2026-12-07";
    CHECK(problems_of(draft) == std::vector<FieldProblem>{{"start_date", "field.closed_day"}});
    draft.start_date = "2026-12-25";
    draft.due_date = "2026-12-29";  // the year-end closure (a Tuesday)
    CHECK(problems_of(draft) == std::vector<FieldProblem>{{"due_date", "field.closed_day"}});
    auto lenient = printer_rule;
    lenient.closed_day_due_allowed = true;
    CHECK(problems_of(draft, &lenient).empty());
}

TEST_CASE("the start may not lie in the past, and dates must be real", "[lending][request]") {
    auto draft = pickup_draft();
    draft.start_date = "2026-11-30";
    CHECK(problems_of(draft) == std::vector<FieldProblem>{{"start_date", "field.date_in_past"}});
    draft.start_date = "2026-02-30";
    draft.due_date = "";
    CHECK(problems_of(draft) == std::vector<FieldProblem>{{"start_date", "field.invalid_date"}, {"due_date", "field.required"}});
}

TEST_CASE("shipping needs an address and a recipient, a pickup a counter", "[lending][request]") {
    auto draft = pickup_draft();
    draft.pickup_location_id = 0;
    CHECK(problems_of(draft) == std::vector<FieldProblem>{{"pickup_location_id", "field.required"}});
    draft.delivery = "shipping";
    CHECK(problems_of(draft) == std::vector<FieldProblem>{{"ship_address", "field.required"}, {"ship_recipient", "field.required"}});
    draft.ship_address = "さいたま市中央区新都心1-1 関東経済産業局 総務課";
    draft.ship_recipient = "関東 一郎";
    CHECK(problems_of(draft).empty());
    draft.delivery = "drone";
    CHECK(problems_of(draft) == std::vector<FieldProblem>{{"delivery", "field.unknown_delivery"}});
}

TEST_CASE("class, quantity, purpose and accessories are checked together", "[lending][request]") {
    auto draft = pickup_draft();
    draft.quantity = 0;
    draft.purpose = std::string(1, ' ');
    draft.accessories = {"ACアダプタ", ""};
    const auto problems = problems_of(draft, nullptr);
    CHECK(problems == std::vector<FieldProblem>{{"class", "field.unknown_class"}, {"quantity", "field.out_of_range_1_100"},
                                                {"purpose", "field.required"}, {"accessories[1]", "field.required"}});
}

TEST_CASE("states: which hold devices, count towards the limit, may be cancelled", "[lending][request]") {
    for (const auto state : request_states()) CHECK(parse_request_state(state_name(state)) == state);
    CHECK(holds_devices(RequestState::approved));
    CHECK_FALSE(holds_devices(RequestState::submitted));
    CHECK(counts_towards_limit(RequestState::submitted));
    CHECK_FALSE(counts_towards_limit(RequestState::returned));
    CHECK(cancellable(RequestState::approved));
    CHECK_FALSE(cancellable(RequestState::on_loan));
}
