#pragma once
// 地方局への発送 (shipping to a regional bureau): a loan's devices sent by carrier to the
// bureau (outbound) or back to the desk (return), each device in transit until the receipt
// is confirmed. The form's checks, shared by the server and the desk's screen.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/civil_date.hpp"
#include "validation/field_problem.hpp"

namespace madoguchi::lending {

enum class ShipmentDirection { outbound, return_to_desk };  // "outbound" | "return"
std::string_view direction_name(ShipmentDirection direction);
std::optional<ShipmentDirection> parse_direction(std::string_view name);

enum class ShipmentState { in_transit, received };
std::string_view shipment_state_name(ShipmentState state);
std::optional<ShipmentState> parse_shipment_state(std::string_view name);

struct ShipmentDraft {
    std::string direction;
    std::vector<std::string> tags;
    std::string carrier;
    std::string tracking_number;
    std::string sent_date;  // YYYY-MM-DD (Tokyo)
};

// A tracking number as carriers print them, checked loosely: 6 to 30 letters and digits
// once hyphens and spaces are dropped, at least 4 of them digits.
bool plausible_tracking_number(std::string_view text);

// Problems: direction (field.required, field.unknown_direction), tags (field.required when
// empty, tags[i] field.required / field.repeated_tag), carrier text (at most 100),
// tracking_number (field.required, field.implausible_tracking_number), sent_date
// (field.required, field.invalid_date, field.date_in_future after `today`).
std::vector<validation::FieldProblem> validate(const ShipmentDraft& draft, const calendar::Date& today);

// Problems of a receipt's date: field.required, field.invalid_date, field.date_in_future,
// field.before_sent (earlier than the shipment was sent). Under the name "received_date".
std::vector<validation::FieldProblem> validate_receipt(const std::string& received_date, const calendar::Date& sent,
                                                       const calendar::Date& today);

}  // namespace madoguchi::lending
