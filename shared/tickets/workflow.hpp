#pragma once
// The ticket engine: one set of rules for every kind of ticket, the differences held as data.
//
// Why data and not code per kind: the desk's processes (ITIL incident, problem, change,
// release, request, security handling) differ only in their states, who may move between
// them and what a move needs. Held as tables, the server refuses (409 with the moves that
// are open, 403 for an approval by the wrong role) and the client offers buttons from the
// same rows, the full matrices are tested by hand, and a new step is a row, not a branch.
//
// How the parts fit (each its own header):
//   ticket_kind   the kinds and the one vocabulary of states;
//   workflow      per kind: states, moves (roles, comment, approval), initial, terminal,
//                 and what each state does to the SLA clock (runs, pauses, stops);
//   priority      P1–P4 from impact × urgency;
//   sla_policy    first response and resolution targets per kind × priority, in business
//                 minutes of the desk's hours or a vendor's (shared/inventory's device classes);
//   sla_clock     from a ticket's timeline and "now": due instants, elapsed, remaining,
//                 paused, breached, near breach; a pure function so the server can recompute
//                 every open ticket and store sla_due_at, and the client show the same;
//   escalation    rules as data: which escalations are due now, on business days, once.
//
// Roles are shared/identity's. Ownership ("the requester's own ticket", "the vendor the task
// was handed to") is the server's check on top: the tables only say which role may act.
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "identity/role.hpp"
#include "tickets/ticket_kind.hpp"

namespace madoguchi::tickets {

// A set of roles as bits, so the move tables stay constant data.
using RoleSet = unsigned;
constexpr RoleSet role_bit(identity::Role role) { return 1u << static_cast<unsigned>(role); }

// What a state does to the SLA clocks.
enum class ClockEffect {
    running,  // the desk (or vendor) is working on it
    paused,   // waiting for the requester: the time is not the desk's
    stopped,  // resolved or ended: resolution is met (or the ticket ended without it)
};

// One allowed move of a workflow.
struct Transition {
    TicketState from;
    TicketState to;
    RoleSet roles;          // who may make it
    bool needs_comment;     // refusals, withdrawals, reopening and answers say why or what
    // The move is a decision of this role (an approval, a rejection, a return for rework):
    // anyone else gets 403 rather than 409, and the server records it in the approval history.
    std::optional<identity::Role> approval_by;
    std::string_view action_key;  // catalog key of its button: "tickets.action.<action>"
};

struct StateRule {
    TicketState state;
    ClockEffect clock;
    bool terminal;  // no move leaves it
};

struct Workflow {
    TicketKind kind;
    TicketState initial;
    RoleSet creators;                 // who may open a ticket of the kind
    std::span<const StateRule> states;
    std::span<const Transition> transitions;
};

const Workflow& workflow_of(TicketKind kind);

bool uses_state(const Workflow& workflow, TicketState state);
bool is_terminal(TicketKind kind, TicketState state);
// running for a state the kind does not use.
ClockEffect clock_effect(TicketKind kind, TicketState state);
bool may_create(TicketKind kind, std::span<const identity::Role> roles);

// The moves open from `from` to a user holding these roles, in the workflow's order.
std::vector<Transition> allowed(TicketKind kind, TicketState from, std::span<const identity::Role> roles);
std::vector<Transition> allowed(TicketKind kind, TicketState from, identity::Role role);

enum class TransitionRefusal {
    none,
    not_in_workflow,   // from or to is not a state of the kind          → 409
    same_state,        // already there                                  → 409
    not_allowed,       // no such move from this state                   → 409 with allowed_targets
    approval_role,     // an approval, and the user is not the approver  → 403
    role_not_allowed,  // the move exists, not for the user's roles      → 403
    comment_required,  // a blank comment on a move that needs one       → 422
};

struct TransitionRequest {
    TicketKind kind;
    TicketState from;
    TicketState to;
    std::span<const identity::Role> roles;
    bool has_comment = false;  // a comment that is not blank
};

struct TransitionCheck {
    TransitionRefusal refusal = TransitionRefusal::none;
    const Transition* transition = nullptr;  // the move found, even when refused by role or comment
    std::vector<TicketState> allowed_targets;  // targets open to the user from `from`
};

TransitionCheck check_transition(const TransitionRequest& request);
// Catalog key "tickets.refusal.<refusal>".
std::string_view refusal_key(TransitionRefusal refusal);

}  // namespace madoguchi::tickets
