#include "lending/shipment.hpp"

#include <algorithm>
#include <cctype>

#include "validation/text_rules.hpp"

namespace madoguchi::lending {
namespace {

constexpr std::size_t carrier_limit = 100;
constexpr std::size_t tag_limit = 50;

std::optional<calendar::Date> checked_date(std::vector<validation::FieldProblem>& problems, std::string_view field,
                                           const std::string& text, const calendar::Date& today) {
    if (text.empty()) {
        problems.push_back({std::string(field), "field.required"});
        return std::nullopt;
    }
    auto date = calendar::parse_date(text);
    if (!date) {
        problems.push_back({std::string(field), "field.invalid_date"});
    } else if (today < *date) {
        problems.push_back({std::string(field), "field.date_in_future"});
        return std::nullopt;
    }
    return date;
}

}  // namespace

std::string_view direction_name(ShipmentDirection direction) {
    return direction == ShipmentDirection::outbound ? "outbound" : "return";
}

std::optional<ShipmentDirection> parse_direction(std::string_view name) {
    if (name == "outbound") return ShipmentDirection::outbound;
    if (name == "return") return ShipmentDirection::return_to_desk;
    return std::nullopt;
}

std::string_view shipment_state_name(ShipmentState state) {
    return state == ShipmentState::in_transit ? "in_transit" : "received";
}

std::optional<ShipmentState> parse_shipment_state(std::string_view name) {
    if (name == "in_transit") return ShipmentState::in_transit;
    if (name == "received") return ShipmentState::received;
    return std::nullopt;
}

bool plausible_tracking_number(std::string_view text) {
    std::size_t characters = 0;
    std::size_t digits = 0;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '-' || c == ' ') continue;
        if (!std::isalnum(byte) || byte > 0x7f) return false;
        ++characters;
        if (std::isdigit(byte)) ++digits;
    }
    return characters >= 6 && characters <= 30 && digits >= 4;
}

std::vector<validation::FieldProblem> validate(const ShipmentDraft& draft, const calendar::Date& today) {
    std::vector<validation::FieldProblem> problems;
    if (draft.direction.empty()) {
        problems.push_back({"direction", "field.required"});
    } else if (!parse_direction(draft.direction)) {
        problems.push_back({"direction", "field.unknown_direction"});
    }
    if (draft.tags.empty()) problems.push_back({"tags", "field.required"});
    for (std::size_t index = 0; index < draft.tags.size(); ++index) {
        const auto field = "tags[" + std::to_string(index) + "]";
        if (auto problem = validation::text_problem(draft.tags[index], tag_limit, true); !problem.empty()) {
            problems.push_back({field, std::move(problem)});
        } else if (std::find(draft.tags.begin(), draft.tags.begin() + static_cast<std::ptrdiff_t>(index),
                             draft.tags[index]) != draft.tags.begin() + static_cast<std::ptrdiff_t>(index)) {
            problems.push_back({field, "field.repeated_tag"});
        }
    }
    if (auto problem = validation::text_problem(draft.carrier, carrier_limit, true); !problem.empty()) {
        problems.push_back({"carrier", std::move(problem)});
    }
    if (draft.tracking_number.empty()) {
        problems.push_back({"tracking_number", "field.required"});
    } else if (!plausible_tracking_number(draft.tracking_number)) {
        problems.push_back({"tracking_number", "field.implausible_tracking_number"});
    }
    checked_date(problems, "sent_date", draft.sent_date, today);
    return problems;
}

std::vector<validation::FieldProblem> validate_receipt(const std::string& received_date, const calendar::Date& sent,
                                                       const calendar::Date& today) {
    std::vector<validation::FieldProblem> problems;
    const auto received = checked_date(problems, "received_date", received_date, today);
    if (received && *received < sent) problems.push_back({"received_date", "field.before_sent"});
    return problems;
}

}  // namespace madoguchi::lending
