#pragma once
// A new ticket as the requester or the desk writes it: the fields a form fills in, checked by
// the same code on the server (which refuses it) and in the client (which marks the fields).
#include <optional>
#include <string>
#include <vector>

#include "tickets/priority.hpp"
#include "tickets/ticket_kind.hpp"
#include "validation/field_problem.hpp"

namespace madoguchi::tickets {

struct TicketDraft {
    std::string kind;      // a kind_name()
    std::string title;     // 件名: required, at most 200 characters
    std::string body;      // 内容: required, at most 10000, multi-line
    std::string category;  // one of inquiry_categories()
    // Either a priority, or impact and urgency from which it follows; neither: the desk's
    // default for one person's matter (individual × medium).
    std::optional<std::string> priority;
    std::optional<std::string> impact;
    std::optional<std::string> urgency;
};

// The draft's values once valid.
struct TicketBasics {
    TicketKind kind;
    Priority priority;
    std::optional<Impact> impact;
    std::optional<Urgency> urgency;
};

// reason keys: field.unknown_kind, field.required, field.too_long_200, field.too_long_10000,
// field.control_character, field.invalid_utf8, field.unknown_category, field.unknown_priority,
// field.unknown_impact, field.unknown_urgency, field.priority_or_impact (a priority given with
// impact or urgency), field.impact_with_urgency (one of the two without the other).
// At most one problem per field, in field order.
std::vector<validation::FieldProblem> validate(const TicketDraft& draft);

// The kind and priority of a draft validate() accepts; empty otherwise.
std::optional<TicketBasics> basics_of(const TicketDraft& draft);

}  // namespace madoguchi::tickets
