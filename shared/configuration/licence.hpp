#pragma once
// ライセンス (licence) of a software configuration item and its assignments (割当) to users or
// devices, e.g. PC-Talker Neo Plus ×15 on GSS terminals, Slack Business+ ×500 seats.
//
// The over-allocation rule: an assignment beyond the seats is refused, unless it is asked
// for explicitly (allow_over) with a reason — a contract being extended, say. An item whose
// assignments exceed its seats (also after its seats were lowered) is flagged wherever it is
// shown, so the excess is never silent.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/civil_date.hpp"
#include "validation/field_problem.hpp"

namespace madoguchi::configuration {

struct Licence {
    std::int64_t seats = 1;                     // 契約数: at least 1
    std::optional<calendar::Date> term_start;   // 契約期間: optional
    std::optional<calendar::Date> term_end;
    std::string notes;                          // 備考: at most 500, multi-line
    friend bool operator==(const Licence&, const Licence&) = default;
};

// Reason keys: field.seats_at_least_1, field.too_large (more than 1,000,000 seats),
// field.inverted_range (term_end before term_start), the text rules' keys for notes.
std::vector<validation::FieldProblem> validate(const Licence& licence);

// Who holds a seat: a user (by login) or a device (by id), exactly one of the two.
struct LicenceAssignment {
    std::int64_t id = 0;
    std::string user_login;      // empty for a device
    std::int64_t device_id = 0;  // 0 for a user
    std::string assigned_at;     // UTC ISO 8601
    std::string assigned_by;     // login
    std::string over_reason;     // why it was allowed beyond the seats; empty otherwise
};

// Reason key on "user_login": field.assignee_required when neither or both are given.
std::vector<validation::FieldProblem> validate_assignee(std::string_view user_login, std::int64_t device_id);

struct SeatUsage {
    std::int64_t seats = 0;
    std::int64_t assigned = 0;
    bool over_allocated() const { return assigned > seats; }
    std::int64_t free_seats() const { return assigned >= seats ? 0 : seats - assigned; }
    // 0–1 for the usage bar; above 1 when over-allocated.
    double fraction() const { return seats > 0 ? static_cast<double>(assigned) / static_cast<double>(seats) : 0.0; }
};

enum class AssignmentRefusal {
    none,
    no_seat_free,    // every seat is taken and allow_over was not given
    reason_required  // allow_over without a reason
};

// Whether one more assignment may be made on `usage`.
AssignmentRefusal check_assignment(const SeatUsage& usage, bool allow_over, std::string_view reason);
// "field.no_seat_free", "field.reason_required"; empty for none.
std::string_view refusal_key(AssignmentRefusal refusal);

nlohmann::json to_json(const Licence& licence);
nlohmann::json to_json(const SeatUsage& usage);  // {"seats","assigned","free","over_allocated"}
nlohmann::json to_json(const LicenceAssignment& assignment);
std::optional<Licence> licence_from_json(const nlohmann::json& json);
std::optional<SeatUsage> usage_from_json(const nlohmann::json& json);
std::optional<LicenceAssignment> assignment_from_json(const nlohmann::json& json);

}  // namespace madoguchi::configuration
