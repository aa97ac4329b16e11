#pragma once
// The outbox's delivery bookkeeping, each step its own transaction on the worker's connection:
// a due message is claimed (state sending) before it is sent, and the attempt's result is
// recorded together with the new state afterwards. A message is thus marked sent in the same
// transaction that records its successful attempt, and one still "sending" when the server
// starts again was cut off mid-send: it is recorded as interrupted and sent again (the one
// case where a recipient may see it twice; its Message-ID stays the same).
#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <variant>

#include "audit/audit_log.hpp"
#include "calendar/tokyo_time.hpp"
#include "http/transaction_reply.hpp"
#include "notifications/outbox.hpp"
#include "store/database.hpp"

namespace madoguchi::server::notifications {

// Failed attempts wait first_delay, then twice as long each time up to max_delay; after
// max_attempts failures in a row the message is failed (until an operator retries it).
struct RetryPolicy {
    std::chrono::seconds first_delay{60};
    std::chrono::seconds max_delay{3600};
    int max_attempts = 8;
};

std::chrono::seconds retry_delay(const RetryPolicy& policy, std::int64_t failures);

// Messages left "sending" by a server that stopped: recorded as interrupted, due again now.
// Answers how many there were.
store::Result<int> recover_interrupted(store::Database& database, calendar::Instant now);

// The oldest message due at `now` on one of `channels`, marked sending; empty when none is due.
store::Result<std::optional<OutboxMessage>> claim_due(store::Database& database, calendar::Instant now,
                                                      std::span<const Channel> channels);

struct SendOutcome {
    bool sent = false;
    std::string detail;  // what the peer answered, or why it failed
};

// Records the attempt started at `started` and moves the message to sent, back to pending
// (due after the backoff) or to failed; audited as notification.sent / notification.failed.
store::Status record_outcome(store::Database& database, const OutboxMessage& message, calendar::Instant started,
                             const SendOutcome& outcome, calendar::Instant now, const RetryPolicy& policy);

// An operator's retry: a failed or pending message becomes due now with its failure count
// reset; one sent or being sent is refused with 409. Audited as notification.retried.
store::Result<http::Reply> retry_message(store::Database& database, std::int64_t id, const audit::Actor& actor);

}  // namespace madoguchi::server::notifications
