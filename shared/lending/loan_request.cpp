#include "lending/loan_request.hpp"

#include <algorithm>
#include <array>

#include "calendar/business_calendar.hpp"
#include "validation/text_rules.hpp"

namespace madoguchi::lending {
namespace {

constexpr std::array states{RequestState::submitted, RequestState::approved, RequestState::rejected,
                            RequestState::cancelled, RequestState::on_loan,  RequestState::returned,
                            RequestState::lost};
constexpr std::array<std::string_view, 7> state_names{"submitted", "approved", "rejected", "cancelled",
                                                      "on_loan",   "returned", "lost"};
constexpr std::array<std::string_view, 7> state_keys{"lending.state.submitted", "lending.state.approved",
                                                     "lending.state.rejected",  "lending.state.cancelled",
                                                     "lending.state.on_loan",   "lending.state.returned",
                                                     "lending.state.lost"};

constexpr std::size_t purpose_limit = 500;
constexpr std::size_t address_limit = 200;
constexpr std::size_t recipient_limit = 100;
constexpr std::size_t accessory_limit = 50;

void check_text(std::vector<validation::FieldProblem>& problems, std::string_view field, std::string_view value,
                std::size_t limit, bool required, bool multiline = false) {
    if (auto problem = validation::text_problem(value, limit, required, multiline); !problem.empty()) {
        problems.push_back({std::string(field), std::move(problem)});
    }
}

std::optional<calendar::Date> checked_date(std::vector<validation::FieldProblem>& problems, std::string_view field,
                                           const std::string& text) {
    if (text.empty()) {
        problems.push_back({std::string(field), "field.required"});
        return std::nullopt;
    }
    auto date = calendar::parse_date(text);
    if (!date) problems.push_back({std::string(field), "field.invalid_date"});
    return date;
}

void check_period(std::vector<validation::FieldProblem>& problems, const RequestDraft& draft, const LoanRule* rule,
                  const calendar::Date& today) {
    const auto start = checked_date(problems, "start_date", draft.start_date);
    const auto due = checked_date(problems, "due_date", draft.due_date);
    if (start && *start < today) problems.push_back({"start_date", "field.date_in_past"});
    if (!start || !due) return;
    if (*due < *start) {
        problems.push_back({"due_date", "field.due_before_start"});
        return;
    }
    if (rule == nullptr) return;
    if (loan_days(*start, *due) > rule->max_days) problems.push_back({"due_date", "field.beyond_max_period"});
    if (!rule->closed_day_due_allowed) {
        const bool start_named = std::any_of(problems.begin(), problems.end(),
                                             [](const auto& p) { return p.field == "start_date"; });
        if (!start_named && calendar::is_closed_day(*start)) problems.push_back({"start_date", "field.closed_day"});
        const bool due_named = std::any_of(problems.begin(), problems.end(),
                                           [](const auto& p) { return p.field == "due_date"; });
        if (!due_named && calendar::is_closed_day(*due)) problems.push_back({"due_date", "field.closed_day"});
    }
}

void check_delivery(std::vector<validation::FieldProblem>& problems, const RequestDraft& draft) {
    const auto delivery = parse_delivery(draft.delivery);
    if (!delivery) {
        problems.push_back({"delivery", draft.delivery.empty() ? "field.required" : "field.unknown_delivery"});
        return;
    }
    if (*delivery == Delivery::pickup) {
        if (draft.pickup_location_id <= 0) problems.push_back({"pickup_location_id", "field.required"});
        return;
    }
    check_text(problems, "ship_address", draft.ship_address, address_limit, true);
    check_text(problems, "ship_recipient", draft.ship_recipient, recipient_limit, true);
}

}  // namespace

std::span<const RequestState> request_states() { return states; }

std::string_view state_name(RequestState state) { return state_names[static_cast<std::size_t>(state)]; }

std::optional<RequestState> parse_request_state(std::string_view name) {
    for (std::size_t index = 0; index < state_names.size(); ++index) {
        if (state_names[index] == name) return states[index];
    }
    return std::nullopt;
}

std::string_view state_label_key(RequestState state) { return state_keys[static_cast<std::size_t>(state)]; }

bool holds_devices(RequestState state) { return state == RequestState::approved || state == RequestState::on_loan; }

bool counts_towards_limit(RequestState state) { return state == RequestState::submitted || holds_devices(state); }

bool cancellable(RequestState state) { return state == RequestState::submitted || state == RequestState::approved; }

std::string_view delivery_name(Delivery delivery) { return delivery == Delivery::pickup ? "pickup" : "shipping"; }

std::optional<Delivery> parse_delivery(std::string_view name) {
    if (name == "pickup") return Delivery::pickup;
    if (name == "shipping") return Delivery::shipping;
    return std::nullopt;
}

int loan_days(const calendar::Date& start, const calendar::Date& due) {
    return static_cast<int>(calendar::days_from_civil(due) - calendar::days_from_civil(start)) + 1;
}

std::vector<validation::FieldProblem> validate(const RequestDraft& draft, const LoanRule* rule,
                                               const calendar::Date& today) {
    std::vector<validation::FieldProblem> problems;
    if (rule == nullptr) problems.push_back({"class", draft.class_code.empty() ? "field.required" : "field.unknown_class"});
    if (draft.quantity < 1 || draft.quantity > quantity_max) problems.push_back({"quantity", "field.out_of_range_1_100"});
    check_text(problems, "purpose", draft.purpose, purpose_limit, true, true);
    check_period(problems, draft, rule, today);
    check_delivery(problems, draft);
    for (std::size_t index = 0; index < draft.accessories.size(); ++index) {
        check_text(problems, "accessories[" + std::to_string(index) + "]", draft.accessories[index], accessory_limit, true);
    }
    return problems;
}

}  // namespace madoguchi::lending
