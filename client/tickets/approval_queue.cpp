#include "tickets/approval_queue.hpp"

#include <algorithm>
#include <utility>

#include "api/query_string.hpp"
#include "tickets/ticket_detail.hpp"

namespace madoguchi::client {
namespace {

namespace domain = madoguchi::tickets;

// The states where a ticket waits for the IT office: a submitted change or release, a
// submitted security response plan.
constexpr const char* waiting_states[] = {"submitted", "plan_submitted"};

}  // namespace

std::vector<ApprovalDecision> decisions_for(const TicketSummary& ticket) {
    std::vector<ApprovalDecision> decisions;
    const auto kind = domain::parse_kind(ticket.kind);
    const auto state = domain::parse_ticket_state(ticket.state);
    if (!kind || !state) return decisions;
    for (const auto& move : domain::allowed(*kind, *state, identity::Role::it_office)) {
        if (!move.approval_by) continue;
        decisions.push_back({std::string(domain::state_name(move.to)), std::string(move.action_key), move.needs_comment});
    }
    return decisions;
}

void ApprovalQueue::load(ApiClient& api) {
    ++generation_;
    state_ = State::loading;
    incoming_.clear();
    answers_due_ = static_cast<int>(std::size(waiting_states));
    for (const auto* state : waiting_states) {
        // Oldest first: the one that has waited longest is decided first.
        api.get(with_query("/api/v1/tickets", {{"state", state}, {"sort", "created_at"}, {"limit", "200"}}),
                [this, generation = generation_](const ApiResult& result) {
                    if (generation == generation_) accept(result);
                });
    }
}

void ApprovalQueue::accept(const ApiResult& result) {
    if (state_ == State::failed) return;
    if (!result.ok()) {
        state_ = State::failed;
        error_text_ = client::error_text(result.error, language_);
        return;
    }
    const auto document = nlohmann::json::parse(result.body, nullptr, false);
    if (document.is_object() && document.contains("tickets") && document["tickets"].is_array()) {
        for (const auto& json : document["tickets"]) {
            auto ticket = ticket_summary_from_json(json);
            if (ticket && !decisions_for(*ticket).empty()) incoming_.push_back(std::move(*ticket));
        }
    }
    if (--answers_due_ > 0) return;
    std::stable_sort(incoming_.begin(), incoming_.end(),
                     [](const TicketSummary& a, const TicketSummary& b) { return a.created_at < b.created_at; });
    waiting_ = std::exchange(incoming_, {});
    state_ = State::loaded;
}

bool ApprovalQueue::decide(ApiClient& api, const TicketSummary& ticket, const ApprovalDecision& decision) {
    if (busy_) return false;
    errors_.clear();
    const bool blank = comment.find_first_not_of(" \t\r\n　") == std::string::npos;
    if (decision.needs_comment && (blank || commenting != ticket.id)) {
        commenting = ticket.id;
        errors_.add_local("comment", "ticket_desk.comment_required");
        return false;
    }
    nlohmann::json body{{"to", decision.to}, {"version", ticket.version}};
    if (!blank && commenting == ticket.id) body["comment"] = comment;
    busy_ = true;
    const auto id = ticket.id;
    api.send({"POST", ticket_path(id, "/transitions"), body.dump(), {}},
             [this, &api, id](const ApiResult& result) { accept_decision(api, id, result); });
    return true;
}

void ApprovalQueue::accept_decision(ApiClient& api, std::int64_t id, const ApiResult& result) {
    busy_ = false;
    if (result.ok()) {
        const auto found = std::find_if(waiting_.begin(), waiting_.end(), [id](const TicketSummary& t) { return t.id == id; });
        if (found != waiting_.end()) {
            decided_ = found->number;
            waiting_.erase(found);
        }
        comment.clear();
        commenting = 0;
        return;
    }
    errors_.add_result(result);
    // Someone decided or changed it first: the queue as it is now.
    if (result.status == 409) load(api);
}

}  // namespace madoguchi::client
