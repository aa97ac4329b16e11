#include "tickets/workflow.hpp"

#include <algorithm>
#include <array>

namespace madoguchi::tickets {
namespace {

using enum TicketState;
using identity::Role;

constexpr RoleSet S = role_bit(Role::staff);
constexpr RoleSet M = role_bit(Role::manager);
constexpr RoleSet O = role_bit(Role::desk_operator);
constexpr RoleSet I = role_bit(Role::it_office);
constexpr RoleSet V = role_bit(Role::vendor);
constexpr std::optional<Role> by_it_office = Role::it_office;
constexpr std::optional<Role> no_approval;

constexpr ClockEffect run = ClockEffect::running;
constexpr ClockEffect pause = ClockEffect::paused;
constexpr ClockEffect stop = ClockEffect::stopped;

// Inquiries and incidents follow the same desk process (受付 → 対応 → 解決 → 完了); the
// requester may withdraw, answer a question, reopen an unsatisfying answer and confirm it.
constexpr std::array<StateRule, 7> support_states{{
    {received, run, false},
    {in_progress, run, false},
    {waiting_requester, pause, false},
    {with_vendor, run, false},
    {resolved, stop, false},
    {closed, stop, true},
    {cancelled, stop, true},
}};

constexpr std::array<Transition, 11> support_moves{{
    {received, in_progress, O, false, no_approval, "tickets.action.start"},
    {received, cancelled, S | O, true, no_approval, "tickets.action.cancel"},
    {in_progress, waiting_requester, O, true, no_approval, "tickets.action.ask_requester"},
    {in_progress, with_vendor, O, false, no_approval, "tickets.action.hand_to_vendor"},
    {in_progress, resolved, O, true, no_approval, "tickets.action.resolve"},
    {in_progress, cancelled, O, true, no_approval, "tickets.action.cancel"},
    {waiting_requester, in_progress, S | O, false, no_approval, "tickets.action.resume"},
    {waiting_requester, cancelled, O, true, no_approval, "tickets.action.cancel"},
    {with_vendor, in_progress, O | V, true, no_approval, "tickets.action.back_from_vendor"},
    {resolved, in_progress, S | O, true, no_approval, "tickets.action.reopen"},
    {resolved, closed, S | O, false, no_approval, "tickets.action.close"},
}};

// 課題管理表: investigate, record the cause and workaround (known error), fix; a problem that
// recurs after its fix is reopened. The vendor analyses logs on request (イ(イ)a(a)①).
constexpr std::array<StateRule, 7> problem_states{{
    {received, run, false},
    {investigating, run, false},
    {with_vendor, run, false},
    {known_error, run, false},
    {resolved, stop, false},
    {closed, stop, true},
    {cancelled, stop, true},
}};

constexpr std::array<Transition, 9> problem_moves{{
    {received, investigating, O | I, false, no_approval, "tickets.action.investigate"},
    {received, cancelled, O | I, true, no_approval, "tickets.action.cancel"},
    {investigating, with_vendor, O, false, no_approval, "tickets.action.hand_to_vendor"},
    {investigating, known_error, O | I, true, no_approval, "tickets.action.record_known_error"},
    {investigating, resolved, O | I, true, no_approval, "tickets.action.resolve"},
    {with_vendor, investigating, O | V, true, no_approval, "tickets.action.back_from_vendor"},
    {known_error, resolved, O | I, true, no_approval, "tickets.action.resolve"},
    {resolved, investigating, O | I, true, no_approval, "tickets.action.reopen"},
    {resolved, closed, O | I, false, no_approval, "tickets.action.close"},
}};

template <typename T, std::size_t N, std::size_t M>
constexpr std::array<T, N + M> join(const std::array<T, N>& head, const std::array<T, M>& tail) {
    std::array<T, N + M> joined{};
    std::copy(head.begin(), head.end(), joined.begin());
    std::copy(tail.begin(), tail.end(), joined.begin() + N);
    return joined;
}

// Changes and releases are planned alike: the desk drafts, the IT office approves, rejects
// or sends back, the desk schedules and carries out, and may cancel until it is done.
constexpr std::array<StateRule, 5> planned_states{{
    {draft, run, false},
    {submitted, run, false},
    {approved, run, false},
    {rejected, stop, true},
    {scheduled, run, false},
}};

constexpr std::array<Transition, 9> planned_moves{{
    {draft, submitted, O, false, no_approval, "tickets.action.submit"},
    {draft, cancelled, O, true, no_approval, "tickets.action.cancel"},
    {submitted, approved, I, false, by_it_office, "tickets.action.approve"},
    {submitted, rejected, I, true, by_it_office, "tickets.action.reject"},
    {submitted, draft, I, true, by_it_office, "tickets.action.send_back"},
    {approved, scheduled, O, false, no_approval, "tickets.action.schedule"},
    {approved, cancelled, O, true, no_approval, "tickets.action.cancel"},
    {scheduled, implemented, O, false, no_approval, "tickets.action.implement"},
    {scheduled, cancelled, O, true, no_approval, "tickets.action.cancel"},
}};

// 変更管理: after the work a review (実施後評価) before closing.
constexpr std::array<StateRule, 4> change_end_states{{
    {implemented, stop, false},
    {reviewed, stop, false},
    {closed, stop, true},
    {cancelled, stop, true},
}};

constexpr std::array<Transition, 2> change_end_moves{{
    {implemented, reviewed, O | I, true, no_approval, "tickets.action.review"},
    {reviewed, closed, O, false, no_approval, "tickets.action.close"},
}};

constexpr auto change_states = join(planned_states, change_end_states);
constexpr auto change_moves = join(planned_moves, change_end_moves);

// ⑤リリース管理: staff are told before the service stops (a release without an outage may
// skip the announcement).
constexpr std::array<StateRule, 4> release_end_states{{
    {announced, run, false},
    {implemented, stop, false},
    {closed, stop, true},
    {cancelled, stop, true},
}};

constexpr std::array<Transition, 4> release_end_moves{{
    {scheduled, announced, O, false, no_approval, "tickets.action.announce"},
    {announced, implemented, O, false, no_approval, "tickets.action.implement"},
    {announced, cancelled, O, true, no_approval, "tickets.action.cancel"},
    {implemented, closed, O, false, no_approval, "tickets.action.close"},
}};

constexpr auto release_states = join(planned_states, release_end_states);
constexpr auto release_moves = join(planned_moves, release_end_moves);

// ⑥要望管理: receive, judge feasibility (要望実現判断: the desk or the IT office), carry out.
constexpr std::array<StateRule, 8> request_states{{
    {received, run, false},
    {under_review, run, false},
    {accepted, run, false},
    {declined, stop, true},
    {in_progress, run, false},
    {implemented, stop, false},
    {closed, stop, true},
    {cancelled, stop, true},
}};

constexpr std::array<Transition, 8> request_moves{{
    {received, under_review, O, false, no_approval, "tickets.action.review_feasibility"},
    {received, cancelled, S | O, true, no_approval, "tickets.action.cancel"},
    {under_review, accepted, O | I, true, no_approval, "tickets.action.accept"},
    {under_review, declined, O | I, true, no_approval, "tickets.action.decline"},
    {accepted, in_progress, O, false, no_approval, "tickets.action.start"},
    {accepted, cancelled, O, true, no_approval, "tickets.action.cancel"},
    {in_progress, implemented, O, true, no_approval, "tickets.action.implement"},
    {implemented, closed, S | O, false, no_approval, "tickets.action.close"},
}};

// イ(ア)d: the desk receives and escalates to the IT office; the response plan needs the IT
// office's approval before work starts; results and improvements are reported; the IT office
// closes, or closes at once what is another system's or the staff member's matter (対象外).
constexpr std::array<StateRule, 7> security_states{{
    {received, run, false},
    {escalated, run, false},
    {planning, run, false},
    {plan_submitted, run, false},
    {in_progress, run, false},
    {results_reported, stop, false},
    {closed, stop, true},
}};

constexpr std::array<Transition, 9> security_moves{{
    {received, escalated, O, false, no_approval, "tickets.action.escalate"},
    {escalated, planning, O | I, false, no_approval, "tickets.action.plan"},
    {escalated, closed, I, true, by_it_office, "tickets.action.close_out_of_scope"},
    {planning, plan_submitted, O, false, no_approval, "tickets.action.submit_plan"},
    {plan_submitted, in_progress, I, false, by_it_office, "tickets.action.approve_plan"},
    {plan_submitted, planning, I, true, by_it_office, "tickets.action.send_back"},
    {in_progress, results_reported, O, true, no_approval, "tickets.action.report_results"},
    {results_reported, in_progress, I, true, no_approval, "tickets.action.continue_response"},
    {results_reported, closed, I, false, no_approval, "tickets.action.close"},
}};

// In TicketKind order.
const std::array<Workflow, 7> workflows{{
    {TicketKind::inquiry, received, S | M | O, support_states, support_moves},
    {TicketKind::incident, received, S | M | O | I, support_states, support_moves},
    {TicketKind::problem, received, O | I, problem_states, problem_moves},
    {TicketKind::change, draft, O | I, change_states, change_moves},
    {TicketKind::request, received, S | M | O, request_states, request_moves},
    {TicketKind::security_incident, received, S | M | O | I, security_states, security_moves},
    {TicketKind::release, draft, O | I, release_states, release_moves},
}};

RoleSet role_set(std::span<const Role> roles) {
    RoleSet set = 0;
    for (const auto role : roles) set |= role_bit(role);
    return set;
}

const StateRule* rule_of(const Workflow& workflow, TicketState state) {
    const auto found = std::find_if(workflow.states.begin(), workflow.states.end(),
                                    [&](const StateRule& rule) { return rule.state == state; });
    return found == workflow.states.end() ? nullptr : &*found;
}

}  // namespace

const Workflow& workflow_of(TicketKind kind) { return workflows[static_cast<std::size_t>(kind)]; }

bool uses_state(const Workflow& workflow, TicketState state) { return rule_of(workflow, state) != nullptr; }

bool is_terminal(TicketKind kind, TicketState state) {
    const auto* rule = rule_of(workflow_of(kind), state);
    return rule && rule->terminal;
}

ClockEffect clock_effect(TicketKind kind, TicketState state) {
    const auto* rule = rule_of(workflow_of(kind), state);
    return rule ? rule->clock : ClockEffect::running;
}

bool may_create(TicketKind kind, std::span<const Role> roles) {
    return (workflow_of(kind).creators & role_set(roles)) != 0;
}

std::vector<Transition> allowed(TicketKind kind, TicketState from, std::span<const Role> roles) {
    const auto held = role_set(roles);
    std::vector<Transition> open;
    for (const auto& move : workflow_of(kind).transitions) {
        if (move.from == from && (move.roles & held) != 0) open.push_back(move);
    }
    return open;
}

std::vector<Transition> allowed(TicketKind kind, TicketState from, Role role) {
    const std::array roles{role};
    return allowed(kind, from, roles);
}

TransitionCheck check_transition(const TransitionRequest& request) {
    TransitionCheck check;
    for (const auto& move : allowed(request.kind, request.from, request.roles)) {
        check.allowed_targets.push_back(move.to);
    }
    const auto& workflow = workflow_of(request.kind);
    if (!uses_state(workflow, request.from) || !uses_state(workflow, request.to)) {
        check.refusal = TransitionRefusal::not_in_workflow;
        return check;
    }
    if (request.from == request.to) {
        check.refusal = TransitionRefusal::same_state;
        return check;
    }
    const auto found = std::find_if(workflow.transitions.begin(), workflow.transitions.end(), [&](const Transition& m) {
        return m.from == request.from && m.to == request.to;
    });
    if (found == workflow.transitions.end()) {
        check.refusal = TransitionRefusal::not_allowed;
        return check;
    }
    check.transition = &*found;
    if ((found->roles & role_set(request.roles)) == 0) {
        check.refusal = found->approval_by ? TransitionRefusal::approval_role : TransitionRefusal::role_not_allowed;
    } else if (found->needs_comment && !request.has_comment) {
        check.refusal = TransitionRefusal::comment_required;
    }
    return check;
}

std::string_view refusal_key(TransitionRefusal refusal) {
    switch (refusal) {
        case TransitionRefusal::none: return "tickets.refusal.none";
        case TransitionRefusal::not_in_workflow: return "tickets.refusal.not_in_workflow";
        case TransitionRefusal::same_state: return "tickets.refusal.same_state";
        case TransitionRefusal::not_allowed: return "tickets.refusal.not_allowed";
        case TransitionRefusal::approval_role: return "tickets.refusal.approval_role";
        case TransitionRefusal::role_not_allowed: return "tickets.refusal.role_not_allowed";
        case TransitionRefusal::comment_required: return "tickets.refusal.comment_required";
    }
    return "tickets.refusal.not_allowed";
}

}  // namespace madoguchi::tickets
