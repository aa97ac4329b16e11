#pragma once
// The in-app inbox (アプリ内通知): each user's own notifications, table notification_inbox.
// The routing (notification_routing.hpp) adds an entry for every user it tells of an event,
// in the change's transaction, beside the e-mail and Slack rows of the outbox; the user reads
// them newest first in the client and marks them read.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "calendar/tokyo_time.hpp"
#include "inventory/device_store.hpp"
#include "notifications/message_template.hpp"
#include "store/database.hpp"

namespace madoguchi::server::notifications {

// Entries older than this are forgotten (they point at the ticket or loan; that is the record).
inline constexpr int inbox_retention_days = 180;

// What an entry points at, for the client to open: the ticket of a ticket's event, the loan
// request of a lending one (a loss report's security incident: both); nothing for events
// about neither (lending.stock_low).
struct InboxReference {
    std::optional<std::int64_t> ticket_id;
    std::string ticket_number;
    std::optional<std::int64_t> loan_request_id;
    std::string loan_request_number;

    static InboxReference loan(std::int64_t id, std::string number) { return {{}, {}, id, std::move(number)}; }
};

struct InboxEntry {
    std::int64_t id = 0;
    std::string event;
    InboxReference reference;
    std::string title_ja;
    std::string body_ja;
    std::string title_en;  // empty when the template has no English
    std::string body_en;
    std::string created_at;
    std::optional<std::string> read_at;
};

nlohmann::json to_json(const InboxEntry& entry);

// Renders the event's template in Japanese and (when it has one) English and adds one entry
// per user, each audited as notification.inbox_added; forgets entries past the retention on
// the way, as the idempotency keys are forgotten (no periodic job of its own). Needs the
// caller's write transaction.
store::Status deliver_to_inbox(store::Database& database, const std::string& event, const std::vector<std::int64_t>& user_ids,
                               const madoguchi::notifications::TemplateText& text,
                               const madoguchi::notifications::PlaceholderValues& values, const InboxReference& reference,
                               const audit::Actor& actor, calendar::Instant now);

struct InboxQuery {
    std::int64_t user_id = 0;
    bool unread_only = false;
    int limit = 50;
    std::optional<inventory::DeviceCursor> after;  // the ledger's keyset cursor: created_at, id
};

struct InboxPage {
    std::vector<InboxEntry> entries;  // newest first
    std::int64_t unread = 0;          // the user's unread entries in all
    std::optional<inventory::DeviceCursor> next;
};

store::Result<InboxPage> list_inbox(store::Database& database, const InboxQuery& query);

// Marks the user's entry read (one read before keeps its time); empty when the user has no
// such entry (another's is none of theirs).
store::Result<std::optional<InboxEntry>> mark_read(store::Database& database, std::int64_t user_id, std::int64_t id,
                                                   const audit::Actor& actor, calendar::Instant now);
// Marks every unread entry of the user read; how many were.
store::Result<std::int64_t> mark_all_read(store::Database& database, std::int64_t user_id, const audit::Actor& actor,
                                          calendar::Instant now);

}  // namespace madoguchi::server::notifications
