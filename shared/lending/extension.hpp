#pragma once
// 貸出期間の延長 (extension): a borrower asks for a later due date, the approver decides. The
// request is checked against the class's lending rules (maximum period, counted from the
// loan's start; whether a due date may fall on a closed day) and the device's reservations by
// others after the current due date. A refusal names the field and, where one exists, the
// latest due date that would be accepted, so the borrower can ask again at once.
#include <optional>
#include <span>

#include "calendar/civil_date.hpp"
#include "validation/field_problem.hpp"

namespace madoguchi::lending {

// What the class's lending rules say about due dates.
struct DueDateLimits {
    // The class's rule's longest period (LoanRule::max_days), start and due day both counted
    // as a request's are: 14 lets a loan from Monday the 1st be due on Sunday the 14th.
    int max_period_days = 14;
    bool closed_day_allowed = false;
};

// Another borrower's reservation of the same device (Tokyo dates, both included).
struct DeviceReservation {
    calendar::Date start;
    calendar::Date due;
};

struct ExtensionRequest {
    calendar::Date loan_start;
    calendar::Date current_due;
    calendar::Date new_due;
};

struct ExtensionCheck {
    // Empty when the extension may be granted. Field "new_due", reasons in this order:
    // lending.extension.not_later (not after the current due date), lending.extension.in_past
    // (before today), lending.extension.closed_day, lending.extension.beyond_max_period,
    // lending.extension.reserved (another reservation starts on or before it).
    std::optional<validation::FieldProblem> refusal;
    // With a refusal: the latest due date after the current one that passes every rule; empty
    // when there is none.
    std::optional<calendar::Date> latest_due;
    friend bool operator==(const ExtensionCheck&, const ExtensionCheck&) = default;
};

ExtensionCheck check_extension(const ExtensionRequest& request, const DueDateLimits& limits,
                               std::span<const DeviceReservation> reservations, const calendar::Date& today);

}  // namespace madoguchi::lending
