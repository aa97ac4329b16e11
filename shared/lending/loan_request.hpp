#pragma once
// 貸出申請 (loan request): what staff ask for (a class, how many, why, from when to when,
// picked up at a counter or shipped to a regional bureau), its states, and the checks the
// client's form and the server share. Dates are Asia/Tokyo civil dates; the start and the due
// day both count as days of the loan.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/civil_date.hpp"
#include "lending/loan_rules.hpp"
#include "validation/field_problem.hpp"

namespace madoguchi::lending {

enum class RequestState {
    submitted,  // 申請中: waiting for the approver
    approved,   // 承認済: devices allocated and reserved
    rejected,   // 却下
    cancelled,  // 取消: by the requester before handover
    on_loan,    // 貸出中: handed over at the counter (the counter's work sets it)
    returned,   // 返却済
    lost,       // 紛失・盗難で終了: every device of the loan was reported lost or stolen
};

std::span<const RequestState> request_states();
std::string_view state_name(RequestState state);  // "submitted", …: stored and on the wire
std::optional<RequestState> parse_request_state(std::string_view name);
std::string_view state_label_key(RequestState state);  // "lending.state.<name>"

// Whether the request holds devices on its days (a reservation or a loan).
bool holds_devices(RequestState state);
// Whether it counts towards the requester's holding limit.
bool counts_towards_limit(RequestState state);
// The requester may cancel until the devices are handed over.
bool cancellable(RequestState state);

enum class Delivery { pickup, shipping };  // 窓口受取 / 地方局への発送
std::string_view delivery_name(Delivery delivery);
std::optional<Delivery> parse_delivery(std::string_view name);

inline constexpr int quantity_max = 100;

// The form as typed: dates as text, so the client checks a draft with the same code.
struct RequestDraft {
    std::string class_code;
    std::int64_t quantity = 1;
    std::string purpose;
    std::string start_date;  // YYYY-MM-DD
    std::string due_date;
    std::string delivery;    // "pickup" | "shipping"
    std::int64_t pickup_location_id = 0;
    std::string ship_address;
    std::string ship_recipient;
    std::vector<std::string> accessories;
};

// Days from start to due, both counted (a loan for one day has start == due).
int loan_days(const calendar::Date& start, const calendar::Date& due);

// Every problem of the draft against the class's rule (null when the class has none) on
// `today` (Tokyo): field.unknown_class, field.out_of_range_1_100 (quantity), purpose text,
// field.invalid_date, field.date_in_past (start before today), field.due_before_start,
// field.beyond_max_period, field.closed_day (start or due on a closed day where the rule
// forbids it), field.unknown_delivery, pickup_location_id required for a pickup, the address
// and recipient required for shipping, accessory names.
std::vector<validation::FieldProblem> validate(const RequestDraft& draft, const LoanRule* rule,
                                               const calendar::Date& today);

}  // namespace madoguchi::lending
