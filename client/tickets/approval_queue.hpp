#pragma once
// 承認待ち: what waits for the IT office's decision (changes and releases submitted for
// approval, security response plans submitted), oldest first, with the decisions the shared
// workflow gives the IT office for each (approve, reject, send back); a rejection or a return
// says why. A decided ticket leaves the queue; one someone else decided first reloads it.
#include <cstdint>
#include <string>
#include <vector>

#include "api/api_client.hpp"
#include "api/form_errors.hpp"
#include "tickets/ticket_list.hpp"
#include "tickets/workflow.hpp"

namespace madoguchi::client {

struct ApprovalDecision {
    std::string to;          // state_name()
    std::string action_key;  // "tickets.action.approve"
    bool needs_comment = false;
};

// The IT office's decisions on `ticket` in its state, from the workflow's rows.
std::vector<ApprovalDecision> decisions_for(const TicketSummary& ticket);

class ApprovalQueue {
public:
    enum class State { idle, loading, loaded, failed };

    explicit ApprovalQueue(i18n::Language language) : language_(language) {}
    // Reads every waiting state; the tickets shown stay until all have answered, so a reload
    // keeps its rows on screen and then replaces them at once.
    void load(ApiClient& api);
    // Reads one state's page; public for tests with fixtures.
    void accept(const ApiResult& result);

    State state() const { return state_; }
    const std::string& error_text() const { return error_text_; }
    const std::vector<TicketSummary>& waiting() const { return waiting_; }

    // The comment typed for the ticket being decided.
    std::string comment;
    std::int64_t commenting = 0;  // the ticket whose comment field is open
    bool decide(ApiClient& api, const TicketSummary& ticket, const ApprovalDecision& decision);
    const FormErrors& errors() const { return errors_; }
    bool busy() const { return busy_; }
    // Once: the number of the ticket just decided.
    std::string take_decided() { return std::exchange(decided_, {}); }
    void set_language(i18n::Language language) { language_ = language; }

private:
    void accept_decision(ApiClient& api, std::int64_t id, const ApiResult& result);

    i18n::Language language_;
    State state_ = State::idle;
    int answers_due_ = 0;
    std::uint64_t generation_ = 0;
    std::string error_text_;
    std::vector<TicketSummary> waiting_;
    std::vector<TicketSummary> incoming_;  // the states answered so far of the load on its way
    FormErrors errors_;
    bool busy_ = false;
    std::string decided_;
};

}  // namespace madoguchi::client
