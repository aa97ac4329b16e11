#include "tickets/priority.hpp"

#include <algorithm>
#include <array>

namespace madoguchi::tickets {
namespace {

template <typename Enum>
struct Named {
    Enum value;
    std::string_view name;
    std::string_view label_key;
};

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

constexpr std::array<Priority, 4> all_priorities{Priority::p1, Priority::p2, Priority::p3, Priority::p4};

// Rows impact (widespread, division, individual), columns urgency (high, medium, low).
constexpr std::array<std::array<Priority, 3>, 3> matrix{{
    {Priority::p1, Priority::p2, Priority::p3},
    {Priority::p2, Priority::p3, Priority::p4},
    {Priority::p3, Priority::p4, Priority::p4},
}};

template <typename Enum, std::size_t N>
std::optional<Enum> parse(const std::array<Named<Enum>, N>& table, std::string_view name) {
    const auto found = std::find_if(table.begin(), table.end(), [&](const Named<Enum>& n) { return n.name == name; });
    if (found == table.end()) return std::nullopt;
    return found->value;
}

template <typename Enum, std::size_t N>
const Named<Enum>& entry(const std::array<Named<Enum>, N>& table, Enum value) {
    return table[static_cast<std::size_t>(value)];
}

}  // namespace

std::span<const Priority> priorities() { return all_priorities; }

std::string_view priority_name(Priority priority) { return entry(priority_names, priority).name; }
std::optional<Priority> parse_priority(std::string_view name) { return parse(priority_names, name); }
std::string_view impact_name(Impact impact) { return entry(impact_names, impact).name; }
std::optional<Impact> parse_impact(std::string_view name) { return parse(impact_names, name); }
std::string_view urgency_name(Urgency urgency) { return entry(urgency_names, urgency).name; }
std::optional<Urgency> parse_urgency(std::string_view name) { return parse(urgency_names, name); }

std::string_view priority_label_key(Priority priority) { return entry(priority_names, priority).label_key; }
std::string_view impact_label_key(Impact impact) { return entry(impact_names, impact).label_key; }
std::string_view urgency_label_key(Urgency urgency) { return entry(urgency_names, urgency).label_key; }

Priority priority_for(Impact impact, Urgency urgency) {
    return matrix[static_cast<std::size_t>(impact)][static_cast<std::size_t>(urgency)];
}

}  // namespace madoguchi::tickets
