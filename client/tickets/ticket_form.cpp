#include "tickets/ticket_form.hpp"

#include <nlohmann/json.hpp>

#include "platform/uuid.hpp"
#include "tickets/ticket_draft.hpp"
#include "tickets/workflow.hpp"

namespace madoguchi::client {

namespace domain = madoguchi::tickets;

void TicketForm::start(std::span<const identity::Role> roles) {
    kinds_.clear();
    for (const auto candidate : domain::ticket_kinds()) {
        if (domain::may_create(candidate, roles)) kinds_.push_back(candidate);
    }
    if (!kinds_.empty()) kind = kinds_.front();
    requester_login.clear();
    title.clear();
    body.clear();
    category.clear();
    impact = domain::Impact::individual;
    urgency = domain::Urgency::medium;
    errors_.clear();
    busy_ = false;
    key_ = new_uuid();
}

bool TicketForm::submit(ApiClient& api) {
    if (busy_) return false;
    errors_.clear();
    domain::TicketDraft draft{std::string(domain::kind_name(kind)), title, body, category, std::nullopt,
                              std::string(domain::impact_name(impact)), std::string(domain::urgency_name(urgency))};
    for (const auto& problem : domain::validate(draft)) errors_.add_local(problem.field, problem.reason_key);
    if (!errors_.empty()) return false;
    nlohmann::json request{{"kind", draft.kind},         {"title", title},
                           {"body", body},               {"category", category},
                           {"impact", *draft.impact},    {"urgency", *draft.urgency}};
    if (!requester_login.empty()) request["requester_login"] = requester_login;
    busy_ = true;
    api.send({"POST", "/api/v1/tickets", request.dump(), {{"Idempotency-Key", key_}}},
             [this](const ApiResult& result) { accept(result); });
    return true;
}

void TicketForm::accept(const ApiResult& result) {
    busy_ = false;
    if (!result.ok()) {
        errors_.add_result(result);
        return;
    }
    const auto document = nlohmann::json::parse(result.body, nullptr, false);
    const auto ticket = document.is_object() ? document.value("ticket", nlohmann::json::object()) : nlohmann::json::object();
    created_ = std::pair{ticket.value("id", std::int64_t{0}), ticket.value("number", std::string())};
    // The next ticket is another request: a new key, an empty form for the next caller.
    title.clear();
    body.clear();
    requester_login.clear();
    key_ = new_uuid();
}

}  // namespace madoguchi::client
