#pragma once
// Tickets in SQLite (tables tickets, ticket_events, ticket_links; migration 13): rows, the
// timeline and links, keyset-paged lists with filters and the reader's scope. Routes decide
// who may; this file only stores.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "inventory/device_store.hpp"
#include "store/database.hpp"
#include "tickets/priority.hpp"
#include "tickets/ticket_kind.hpp"

namespace madoguchi::server::tickets {

using madoguchi::tickets::Priority;
using madoguchi::tickets::TicketKind;
using madoguchi::tickets::TicketState;

struct TicketRow {
    std::int64_t id = 0;
    std::string number;  // INC-2026-000123
    TicketKind kind = TicketKind::inquiry;
    TicketState state = TicketState::received;
    std::string title;
    std::string body;
    std::int64_t requester_user_id = 0;
    std::string requester_login;
    std::string division_code;
    std::string category;
    Priority priority = Priority::p4;
    std::string impact;   // empty when the priority was given directly
    std::string urgency;
    std::optional<std::int64_t> assignee_user_id;
    std::string assignee_login;
    std::string vendor_company;
    std::string escalation_target;  // "", "vendor", "it_office"
    std::int64_t version = 1;
    std::string created_at;  // UTC ISO 8601, as every instant here
    std::string updated_at;
    std::optional<std::string> first_response_at;
    std::optional<std::string> resolved_at;
    std::optional<std::string> sla_due_at;
    bool sla_breached = false;
    bool sla_near_breach = false;
};

nlohmann::json to_json(const TicketRow& row);

struct NewTicket {
    TicketKind kind;
    TicketState state;
    std::string title;
    std::string body;
    std::int64_t requester_user_id = 0;
    std::string division_code;
    std::string category;
    Priority priority;
    std::string impact;
    std::string urgency;
};

// Numbers the ticket in its kind's series for the Tokyo year of `now` (inquiries continue the
// series of /api/v1/inquiries, so INQ numbers never repeat). Call inside a transaction.
store::Result<std::int64_t> insert_ticket(store::Database& database, const NewTicket& ticket, calendar::Instant now);
store::Result<std::optional<TicketRow>> find_ticket(store::Database& database, std::int64_t id);

// Who sees which tickets: everything, or the union of the parts given.
struct TicketScope {
    bool everything = false;
    std::optional<std::int64_t> requester_user_id;  // staff: their own
    std::string division_code;                      // managers: their division's
    std::string vendor_company;                     // vendors: handed to their company
};
bool visible(const TicketScope& scope, const TicketRow& row);
// The scope as one SQL condition over `tickets t` (empty for everything), its numbered
// parameters from 201 so they follow a query's own; bind_scope binds them.
std::string scope_sql(const TicketScope& scope);
void bind_scope(store::Statement& statement, const TicketScope& scope);

// Every ticket in one of these states (the sweep's open tickets), by id.
store::Result<std::vector<TicketRow>> tickets_in_states(store::Database& database, const std::vector<std::string>& states);

enum class TicketSort { created, created_descending, due, due_descending };

// The ledger's opaque keyset cursor (sort key and id), encoded by inventory::encode_cursor.
using TicketCursor = inventory::DeviceCursor;

struct TicketQuery {
    std::optional<TicketKind> kind;
    std::optional<TicketState> state;
    std::optional<std::int64_t> assignee_user_id;
    std::optional<bool> breached;
    std::string text;  // folded like search_text
    TicketSort sort = TicketSort::created_descending;
    int limit = 50;
    std::optional<TicketCursor> after;
    TicketScope scope;
};

struct TicketPage {
    std::vector<TicketRow> tickets;
    std::int64_t total = 0;
    bool total_capped = false;  // at least `total` match: a search read row by row stops counting there
    std::optional<TicketCursor> next;
};

store::Result<TicketPage> list_tickets(store::Database& database, const TicketQuery& query);

// The fields PATCH may change and the columns the routes keep in step (state, response
// and resolution instants). Writes when the stored version is `version`, which grows by one;
// false when another change came first.
store::Result<bool> update_ticket(store::Database& database, const TicketRow& row, std::int64_t version,
                                  calendar::Instant now);

// The first public answer, when none came before (a later one changes nothing).
store::Status set_first_response_at(store::Database& database, std::int64_t id, calendar::Instant at);

struct TicketEvent {
    std::int64_t id = 0;
    std::string occurred_at;
    std::string actor;
    std::string type;  // created, state, approval, note, updated, linked, unlinked, attachment, escalated
    std::optional<std::string> from_state;
    std::optional<std::string> to_state;
    std::string comment;
    std::string visibility = "public";
    std::string decision;  // approvals: the action taken (approve, reject, send_back, …)
    std::string role;      // approvals: the deciding role
};

nlohmann::json to_json(const TicketEvent& event);

store::Result<std::int64_t> insert_event(store::Database& database, std::int64_t ticket_id,
                                         std::optional<std::int64_t> actor_user_id, const TicketEvent& event);
// In time order; internal notes only when `with_internal`.
store::Result<std::vector<TicketEvent>> ticket_events(store::Database& database, std::int64_t ticket_id,
                                                      bool with_internal);

struct TicketLink {
    std::int64_t id = 0;
    std::optional<std::int64_t> ticket_id;  // the other ticket, whichever side linked
    std::string ticket_number;
    std::optional<std::int64_t> device_id;
    std::string device_tag;
    std::optional<std::int64_t> configuration_item_id;
    std::string configuration_item_name;
    std::string created_at;
    std::string created_by;
};

nlohmann::json to_json(const TicketLink& link);

struct LinkTarget {
    std::optional<std::int64_t> ticket_id;
    std::optional<std::int64_t> device_id;
    std::optional<std::int64_t> configuration_item_id;
};

// How the timeline names a link's target: "ticket 12", "device 7", "configuration_item 3".
std::string describe(const LinkTarget& target);

// Empty when the same link exists (in either direction for tickets).
store::Result<std::optional<std::int64_t>> insert_link(store::Database& database, std::int64_t ticket_id,
                                                       const LinkTarget& target, const std::string& actor,
                                                       calendar::Instant now);
store::Result<std::vector<TicketLink>> ticket_links(store::Database& database, std::int64_t ticket_id);
// Removes the ticket's link `link_id` (a ticket link from either side) and answers it as it
// was; empty when the ticket has no link of that id.
store::Result<std::optional<TicketLink>> delete_link(store::Database& database, std::int64_t ticket_id,
                                                     std::int64_t link_id);

// Whether the row exists: "SELECT 1 FROM <table> WHERE id = ?".
store::Result<bool> row_exists(store::Database& database, std::string_view table, std::int64_t id);

}  // namespace madoguchi::server::tickets
