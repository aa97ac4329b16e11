#include "tickets/ticket_draft.hpp"

#include <algorithm>

#include "tickets/inquiry.hpp"
#include "validation/text_rules.hpp"

namespace madoguchi::tickets {
namespace {

void add(std::vector<validation::FieldProblem>& problems, std::string_view field, std::string reason) {
    if (!reason.empty()) problems.push_back({std::string(field), std::move(reason)});
}

std::string category_problem(const std::string& category) {
    if (category.empty()) return "field.required";
    const auto categories = inquiry_categories();
    return std::find(categories.begin(), categories.end(), category) == categories.end() ? "field.unknown_category" : "";
}

}  // namespace

std::vector<validation::FieldProblem> validate(const TicketDraft& draft) {
    std::vector<validation::FieldProblem> problems;
    if (draft.kind.empty()) {
        add(problems, "kind", "field.required");
    } else if (!parse_kind(draft.kind)) {
        add(problems, "kind", "field.unknown_kind");
    }
    add(problems, "title", validation::text_problem(draft.title, 200, true));
    add(problems, "body", validation::text_problem(draft.body, 10000, true, true));
    add(problems, "category", category_problem(draft.category));
    if (draft.priority) {
        if (draft.impact || draft.urgency) {
            add(problems, "priority", "field.priority_or_impact");
        } else if (!parse_priority(*draft.priority)) {
            add(problems, "priority", "field.unknown_priority");
        }
    } else if (draft.impact.has_value() != draft.urgency.has_value()) {
        add(problems, draft.impact ? "urgency" : "impact", "field.impact_with_urgency");
    }
    if (draft.impact && !parse_impact(*draft.impact)) add(problems, "impact", "field.unknown_impact");
    if (draft.urgency && !parse_urgency(*draft.urgency)) add(problems, "urgency", "field.unknown_urgency");
    return problems;
}

std::optional<TicketBasics> basics_of(const TicketDraft& draft) {
    if (!validate(draft).empty()) return std::nullopt;
    TicketBasics basics{*parse_kind(draft.kind), Priority::p4, std::nullopt, std::nullopt};
    if (draft.priority) {
        basics.priority = *parse_priority(*draft.priority);
        return basics;
    }
    basics.impact = draft.impact ? *parse_impact(*draft.impact) : Impact::individual;
    basics.urgency = draft.urgency ? *parse_urgency(*draft.urgency) : Urgency::medium;
    basics.priority = priority_for(*basics.impact, *basics.urgency);
    return basics;
}

}  // namespace madoguchi::tickets
