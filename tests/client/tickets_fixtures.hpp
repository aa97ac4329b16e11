#pragma once
// Tickets as GET /api/v1/tickets and /tickets/{id} answer them, for the desk's view-model and
// view tests.
#include <nlohmann/json.hpp>
#include <string>

namespace madoguchi::testing {

inline nlohmann::json ticket_json(std::int64_t id, const std::string& kind, const std::string& state,
                                  const std::string& title, std::int64_t version = 1) {
    const std::string prefix = kind == "inquiry" ? "INQ" : kind == "change" ? "CHG" : kind == "incident" ? "INC" : "SEC";
    char number[32];
    std::snprintf(number, sizeof number, "%s-2026-%06lld", prefix.c_str(), static_cast<long long>(id));
    return {{"id", id},
            {"number", number},
            {"kind", kind},
            {"state", state},
            {"title", title},
            {"body", title + "の詳細"},
            {"requester_login", "sato"},
            {"division_code", "D-SOM"},
            {"category", "device"},
            {"priority", "p3"},
            {"assignee_login", nullptr},
            {"vendor_company", ""},
            {"version", version},
            {"created_at", "2026-11-26T00:00:00Z"},
            {"sla_due_at", "2026-11-26T08:00:00Z"},
            {"sla_breached", false},
            {"sla_near_breach", false}};
}

inline nlohmann::json with_sla_breach(nlohmann::json ticket) {
    ticket["sla_breached"] = true;
    return ticket;
}

inline nlohmann::json move_json(const std::string& to, const std::string& action, bool needs_comment, bool approval = false) {
    return {{"to", to}, {"action", "tickets.action." + action}, {"needs_comment", needs_comment}, {"approval", approval}};
}

inline nlohmann::json detail_json(const nlohmann::json& ticket, const nlohmann::json& next,
                                  const nlohmann::json& timeline = nlohmann::json::array(),
                                  const nlohmann::json& links = nlohmann::json::array()) {
    return {{"ticket", ticket},
            {"timeline", timeline},
            {"links", links},
            {"next", next},
            {"sla",
             {{"paused", false},
              {"due_at", ticket["sla_due_at"]},
              {"first_response", {{"remaining_minutes", 45}, {"completed_at", nullptr}}},
              {"resolution", {{"remaining_minutes", 900}, {"completed_at", nullptr}}}}}};
}

inline nlohmann::json page_json(const nlohmann::json& tickets, std::int64_t total, const nlohmann::json& next_cursor = nullptr) {
    return {{"tickets", tickets}, {"total", total}, {"next_cursor", next_cursor}};
}

}  // namespace madoguchi::testing
