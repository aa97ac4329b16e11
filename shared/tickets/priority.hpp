#pragma once
// 優先度 (priority) from 影響度 (impact) × 緊急度 (urgency), the ITIL matrix: the desk sets
// impact and urgency from what it hears, the priority follows, and the SLA targets follow
// the priority (tickets/sla_policy.hpp).
#include <optional>
#include <span>
#include <string_view>

namespace madoguchi::tickets {

enum class Priority { p1, p2, p3, p4 };  // 緊急, 高, 中, 低

enum class Impact {
    widespread,  // 全庁・複数課室: a service or many staff
    division,    // 課室単位
    individual,  // 個人
};

enum class Urgency {
    high,    // 業務が止まっている
    medium,  // 業務に支障がある
    low,     // 支障は小さい・回避策がある
};

std::span<const Priority> priorities();
// "p1".."p4"; "widespread", "division", "individual"; "high", "medium", "low".
std::string_view priority_name(Priority priority);
std::optional<Priority> parse_priority(std::string_view name);
std::string_view impact_name(Impact impact);
std::optional<Impact> parse_impact(std::string_view name);
std::string_view urgency_name(Urgency urgency);
std::optional<Urgency> parse_urgency(std::string_view name);
// Catalog keys "tickets.priority.<name>", "tickets.impact.<name>", "tickets.urgency.<name>".
std::string_view priority_label_key(Priority priority);
std::string_view impact_label_key(Impact impact);
std::string_view urgency_label_key(Urgency urgency);

Priority priority_for(Impact impact, Urgency urgency);
// p1 is at least as urgent as every priority: "p2 or more urgent" reads at_least(p, p2).
constexpr bool at_least(Priority priority, Priority bound) { return priority <= bound; }

}  // namespace madoguchi::tickets
