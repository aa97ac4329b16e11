#include "configuration/licence.hpp"

#include "validation/text_rules.hpp"

namespace madoguchi::configuration {
namespace {

constexpr std::int64_t most_seats = 1'000'000;

std::string string_member(const nlohmann::json& json, const char* name) {
    const auto found = json.find(name);
    return found != json.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::optional<std::int64_t> integer_member(const nlohmann::json& json, const char* name) {
    const auto found = json.find(name);
    if (found == json.end() || !found->is_number_integer()) return std::nullopt;
    return found->get<std::int64_t>();
}

std::optional<calendar::Date> date_member(const nlohmann::json& json, const char* name) {
    const auto found = json.find(name);
    if (found == json.end() || !found->is_string()) return std::nullopt;
    return calendar::parse_date(found->get<std::string>());
}

nlohmann::json date_json(const std::optional<calendar::Date>& date) {
    return date ? nlohmann::json(calendar::format_date(*date)) : nlohmann::json(nullptr);
}

}  // namespace

std::vector<validation::FieldProblem> validate(const Licence& licence) {
    std::vector<validation::FieldProblem> problems;
    if (licence.seats < 1) {
        problems.push_back({"seats", "field.seats_at_least_1"});
    } else if (licence.seats > most_seats) {
        problems.push_back({"seats", "field.too_large"});
    }
    if (licence.term_start && licence.term_end && *licence.term_end < *licence.term_start) {
        problems.push_back({"term_end", "field.inverted_range"});
    }
    if (auto problem = validation::text_problem(licence.notes, 500, false, true); !problem.empty()) {
        problems.push_back({"notes", std::move(problem)});
    }
    return problems;
}

std::vector<validation::FieldProblem> validate_assignee(std::string_view user_login, std::int64_t device_id) {
    if (user_login.empty() == (device_id == 0)) return {{"user_login", "field.assignee_required"}};
    return {};
}

AssignmentRefusal check_assignment(const SeatUsage& usage, bool allow_over, std::string_view reason) {
    if (usage.assigned < usage.seats) return AssignmentRefusal::none;
    if (!allow_over) return AssignmentRefusal::no_seat_free;
    if (!validation::text_problem(reason, 500, true).empty()) return AssignmentRefusal::reason_required;
    return AssignmentRefusal::none;
}

std::string_view refusal_key(AssignmentRefusal refusal) {
    switch (refusal) {
        case AssignmentRefusal::no_seat_free: return "field.no_seat_free";
        case AssignmentRefusal::reason_required: return "field.reason_required";
        case AssignmentRefusal::none: break;
    }
    return {};
}

nlohmann::json to_json(const Licence& licence) {
    return {{"seats", licence.seats},
            {"term_start", date_json(licence.term_start)},
            {"term_end", date_json(licence.term_end)},
            {"notes", licence.notes}};
}

nlohmann::json to_json(const SeatUsage& usage) {
    return {{"seats", usage.seats},
            {"assigned", usage.assigned},
            {"free", usage.free_seats()},
            {"over_allocated", usage.over_allocated()}};
}

nlohmann::json to_json(const LicenceAssignment& assignment) {
    return {{"id", assignment.id},
            {"user_login", assignment.user_login.empty() ? nlohmann::json(nullptr) : nlohmann::json(assignment.user_login)},
            {"device_id", assignment.device_id == 0 ? nlohmann::json(nullptr) : nlohmann::json(assignment.device_id)},
            {"assigned_at", assignment.assigned_at},
            {"assigned_by", assignment.assigned_by},
            {"over_reason", assignment.over_reason}};
}

std::optional<Licence> licence_from_json(const nlohmann::json& json) {
    if (!json.is_object()) return std::nullopt;
    const auto seats = integer_member(json, "seats");
    if (!seats) return std::nullopt;
    return Licence{*seats, date_member(json, "term_start"), date_member(json, "term_end"), string_member(json, "notes")};
}

std::optional<SeatUsage> usage_from_json(const nlohmann::json& json) {
    if (!json.is_object()) return std::nullopt;
    const auto seats = integer_member(json, "seats");
    const auto assigned = integer_member(json, "assigned");
    if (!seats || !assigned) return std::nullopt;
    return SeatUsage{*seats, *assigned};
}

std::optional<LicenceAssignment> assignment_from_json(const nlohmann::json& json) {
    if (!json.is_object()) return std::nullopt;
    const auto id = integer_member(json, "id");
    if (!id || *id <= 0) return std::nullopt;
    return LicenceAssignment{*id,
                             string_member(json, "user_login"),
                             integer_member(json, "device_id").value_or(0),
                             string_member(json, "assigned_at"),
                             string_member(json, "assigned_by"),
                             string_member(json, "over_reason")};
}

}  // namespace madoguchi::configuration
