#pragma once
// 新規チケット for the desk: an operator logs a phone or counter inquiry on behalf of the
// caller (requester_login), or opens an incident, problem, change … of any kind their roles
// may create. Checked with shared/tickets/ticket_draft before sending (the server's own rules),
// sent with an Idempotency-Key made when the form opened, so a retry after a lost answer
// files one ticket.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "api/api_client.hpp"
#include "api/form_errors.hpp"
#include "identity/role.hpp"
#include "tickets/priority.hpp"
#include "tickets/ticket_kind.hpp"

namespace madoguchi::client {

class TicketForm {
public:
    // A blank form with a fresh Idempotency-Key; the kinds offered are those `roles` may create.
    void start(std::span<const identity::Role> roles);
    const std::vector<madoguchi::tickets::TicketKind>& kinds() const { return kinds_; }

    madoguchi::tickets::TicketKind kind = madoguchi::tickets::TicketKind::inquiry;
    std::string requester_login;  // empty: the operator's own ticket
    std::string title;
    std::string body;
    std::string category;
    // 影響度 and 緊急度 as the desk hears them; the server derives the priority from them as
    // priority() does, so the form shows the 優先度 the ticket will get while it is set.
    madoguchi::tickets::Impact impact = madoguchi::tickets::Impact::individual;
    madoguchi::tickets::Urgency urgency = madoguchi::tickets::Urgency::medium;
    madoguchi::tickets::Priority priority() const { return madoguchi::tickets::priority_for(impact, urgency); }

    // Checks the form; sends it when it is fine. False when nothing was sent.
    bool submit(ApiClient& api);
    // Reads the POST answer; public for tests with fixtures.
    void accept(const ApiResult& result);

    bool busy() const { return busy_; }
    const FormErrors& errors() const { return errors_; }
    const std::string& idempotency_key() const { return key_; }
    // Once: the id and number of the ticket just filed.
    std::optional<std::pair<std::int64_t, std::string>> take_created() { return std::exchange(created_, std::nullopt); }

private:
    std::vector<madoguchi::tickets::TicketKind> kinds_;
    std::string key_;
    FormErrors errors_;
    bool busy_ = false;
    std::optional<std::pair<std::int64_t, std::string>> created_;
};

}  // namespace madoguchi::client
