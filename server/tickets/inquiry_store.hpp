#pragma once
// Inquiries as the staff form and /api/v1/inquiries see them: tickets of kind inquiry, with the
// form's contact details (table inquiry_contacts, migration 17) beside them.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "tickets/inquiry.hpp"
#include "tickets/ticket_store.hpp"

namespace madoguchi::server::tickets {

struct StoredInquiry {
    std::int64_t id = 0;  // the ticket's id
    std::string number;   // the ticket's number, INQ-2026-000001
    madoguchi::tickets::Inquiry inquiry;
    std::string status;       // the ticket's state
    std::string received_at;  // UTC ISO 8601
    std::string requester_login;
    std::string updated_at;                  // the latest change the requester can see
    std::optional<std::string> answered_at;  // the latest public note or move by someone else
};

// {"id", "number", "ticket_id", "ticket_number", the six fields, "status", "received_at",
// "requester_login", "updated_at", "answered_at"}. ticket_id and ticket_number repeat id and
// number: clients that knew inquiries apart from tickets read the same answer.
nlohmann::json to_json(const StoredInquiry& stored);

// The form's 氏名, 所属 and 連絡先 for a ticket just written.
store::Status insert_inquiry_contact(store::Database& database, std::int64_t ticket_id,
                                     const madoguchi::tickets::Inquiry& inquiry);

// Empty when there is none (or it is no inquiry) or it is outside `scope`.
store::Result<std::optional<StoredInquiry>> find_inquiry(store::Database& database, std::int64_t id,
                                                         const TicketScope& scope);
// Newest first.
store::Result<std::vector<StoredInquiry>> list_inquiries(store::Database& database, const TicketScope& scope,
                                                         std::int64_t limit, std::int64_t offset);
store::Result<std::int64_t> count_inquiries(store::Database& database, const TicketScope& scope);

}  // namespace madoguchi::server::tickets
