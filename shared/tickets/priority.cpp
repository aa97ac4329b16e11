#include "tickets/priority.hpp"

#include <array>

#include "tickets/named_values.hpp"

namespace madoguchi::tickets {
namespace {

constexpr std::array<Named<Priority>, 4> priority_names{{
    {Priority::p1, "p1", "tickets.priority.p1"},
    {Priority::p2, "p2", "tickets.priority.p2"},
    {Priority::p3, "p3", "tickets.priority.p3"},
    {Priority::p4, "p4", "tickets.priority.p4"},
}};

constexpr std::array<Named<Impact>, 3> impact_names{{
    {Impact::widespread, "widespread", "tickets.impact.widespread"},
    {Impact::division, "division", "tickets.impact.division"},
    {Impact::individual, "individual", "tickets.impact.individual"},
}};

constexpr std::array<Named<Urgency>, 3> urgency_names{{
    {Urgency::high, "high", "tickets.urgency.high"},
    {Urgency::medium, "medium", "tickets.urgency.medium"},
    {Urgency::low, "low", "tickets.urgency.low"},
}};

static_assert(in_enum_order(priority_names) && in_enum_order(impact_names) && in_enum_order(urgency_names));

constexpr auto all_priorities = values_of(priority_names);

// Rows impact (widespread, division, individual), columns urgency (high, medium, low).
constexpr std::array<std::array<Priority, 3>, 3> matrix{{
    {Priority::p1, Priority::p2, Priority::p3},
    {Priority::p2, Priority::p3, Priority::p4},
    {Priority::p3, Priority::p4, Priority::p4},
}};

}  // namespace

std::span<const Priority> priorities() { return all_priorities; }

std::string_view priority_name(Priority priority) { return named(priority_names, priority).name; }
std::optional<Priority> parse_priority(std::string_view name) { return parse_named(priority_names, name); }
std::string_view impact_name(Impact impact) { return named(impact_names, impact).name; }
std::optional<Impact> parse_impact(std::string_view name) { return parse_named(impact_names, name); }
std::string_view urgency_name(Urgency urgency) { return named(urgency_names, urgency).name; }
std::optional<Urgency> parse_urgency(std::string_view name) { return parse_named(urgency_names, name); }

std::string_view priority_label_key(Priority priority) { return named(priority_names, priority).label_key; }
std::string_view impact_label_key(Impact impact) { return named(impact_names, impact).label_key; }
std::string_view urgency_label_key(Urgency urgency) { return named(urgency_names, urgency).label_key; }

Priority priority_for(Impact impact, Urgency urgency) {
    return matrix[static_cast<std::size_t>(impact)][static_cast<std::size_t>(urgency)];
}

}  // namespace madoguchi::tickets
