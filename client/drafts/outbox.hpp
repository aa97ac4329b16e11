#pragma once
// 送信待ち (outbox): submitted drafts on their way to the server. Each is POSTed with its
// draft id as Idempotency-Key; a lost answer, a network failure, a 5xx or an ended session
// (401: the user signs in again) keeps it queued and it is sent again with growing pauses,
// or at once when the connection or the session returns. The
// server replays its first answer for a repeated key, so a retry never makes a second record.
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "api/api_client.hpp"
#include "drafts/draft_store.hpp"

namespace madoguchi::client {

// Where a form's drafts go, where the created record's number is in the answer, and the
// catalog keys that tell the user how it went.
struct OutboxRoute {
    std::string path;             // e.g. "/api/v1/inquiries"
    std::string receipt_pointer;  // JSON pointer into the 2xx body, e.g. "/inquiry/number"
    std::string sent_key;
    std::string needs_changes_key;
    std::string rejected_key;
};

// What happened to a submission, for toasts.
struct OutboxEvent {
    enum class Kind { sent, needs_changes, rejected };
    Kind kind = Kind::sent;
    std::string draft_id;
    std::string title;
    std::string receipt;
    std::string message_key;  // from the form's route
    // A refusal's whole body: forms read what it offers beside the error (a 409's terms, an
    // earliest date); null when the server sent none.
    nlohmann::json refusal;
};

class Outbox {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::chrono::seconds first_pause{2};
    static constexpr std::chrono::seconds longest_pause{60};

    Outbox(DraftStore& store, ApiClient& api) : store_(store), api_(api) {}
    void add_route(std::string form, OutboxRoute route) { routes_.insert_or_assign(std::move(form), std::move(route)); }
    // Whose drafts go out: only the signed-in user's (see Draft::owner). Until it is set,
    // drafts without an owner only.
    void set_owner(std::string login) { owner_ = std::move(login); }

    // Queues the draft (already saved in the store) and sends it now.
    void submit(const std::string& draft_id, Clock::time_point now);
    // Sends queued drafts whose pause is over (after a reload: all of them). Once per frame.
    void update(Clock::time_point now);
    // Sends every queued draft now ("send now", the connection came back).
    void send_all(Clock::time_point now);

    // The owner's drafts waiting to be sent.
    std::size_t waiting() const;
    bool sending(const std::string& draft_id) const { return in_flight_.contains(draft_id); }
    std::vector<OutboxEvent> take_events();

private:
    void send(const Draft& draft, Clock::time_point now);
    void answered(const std::string& draft_id, const ApiResult& result);

    DraftStore& store_;
    ApiClient& api_;
    std::map<std::string, OutboxRoute> routes_;
    std::string owner_;
    std::set<std::string> in_flight_;
    std::map<std::string, Clock::time_point> next_try_;
    std::vector<OutboxEvent> events_;
};

}  // namespace madoguchi::client
