// Every move of every ticket kind, for every role: the matrices below are the desk's
// processes written out by hand, so a change to a workflow table shows up here.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <sstream>
#include <string>
#include <vector>

#include "i18n/catalog.hpp"
#include "tickets/workflow.hpp"

using namespace madoguchi::tickets;
using madoguchi::identity::Role;

namespace {

// Rows: from; columns: to, both in the order of the kind's states. A cell is
//   -   already there        .   no such move
//   otherwise the roles that may make it (S staff, M manager, O operator, I IT office,
//   V vendor, A auditor, D admin), then * when it needs a comment and ! when it is an
//   approval (the roles left out are refused with 403 approval_role, not role_not_allowed).
struct Expected {
    std::vector<TicketState> states;
    std::vector<const char*> rows;
};

constexpr std::array<std::pair<Role, char>, 7> role_letters{{
    {Role::staff, 'S'},
    {Role::manager, 'M'},
    {Role::desk_operator, 'O'},
    {Role::it_office, 'I'},
    {Role::vendor, 'V'},
    {Role::auditor, 'A'},
    {Role::admin, 'D'},
}};

TransitionCheck check(TicketKind kind, TicketState from, TicketState to, Role role, bool comment) {
    const std::array roles{role};
    return check_transition({kind, from, to, roles, comment});
}

std::string cell(TicketKind kind, TicketState from, TicketState to) {
    if (from == to) return "-";
    if (check(kind, from, to, Role::auditor, true).refusal == TransitionRefusal::not_allowed) return ".";
    std::string token;
    bool comment = false;
    bool approval = false;
    for (const auto& [role, letter] : role_letters) {
        const auto with_comment = check(kind, from, to, role, true).refusal;
        if (with_comment == TransitionRefusal::none) {
            token += letter;
            comment = check(kind, from, to, role, false).refusal == TransitionRefusal::comment_required;
        } else if (with_comment == TransitionRefusal::approval_role) {
            approval = true;
        }
    }
    if (comment) token += '*';
    if (approval) token += '!';
    return token;
}

std::vector<std::string> tokens(const char* row) {
    std::istringstream in(row);
    std::vector<std::string> words;
    for (std::string word; in >> word;) words.push_back(word);
    return words;
}

void check_matrix(TicketKind kind, const Expected& expected) {
    const auto& workflow = workflow_of(kind);
    std::vector<TicketState> states;
    for (const auto& rule : workflow.states) states.push_back(rule.state);
    REQUIRE(states == expected.states);
    REQUIRE(expected.rows.size() == states.size());
    for (std::size_t from = 0; from < states.size(); ++from) {
        std::vector<std::string> row;
        for (const auto to : states) row.push_back(cell(kind, states[from], to));
        INFO(kind_name(kind) << " from " << state_name(states[from]));
        CHECK(row == tokens(expected.rows[from]));
    }
}

using enum TicketState;

const Expected support{
    {received, in_progress, waiting_requester, with_vendor, resolved, closed, cancelled},
    {
        // rec in_pr wait  vend  resol clos  canc
        "  -   O     .     .     .     .     SO*",  // received: the requester may withdraw
        "  .   -     O*    O     O*    .     O*",   // in_progress
        "  .   SO    -     .     .     .     O*",   // waiting_requester: the answer resumes it
        "  .   OV*   .     -     .     .     .",    // with_vendor: the vendor reports back
        "  .   SO*   .     .     -     SO    .",    // resolved: reopen or confirm
        "  .   .     .     .     .     -     .",    // closed
        "  .   .     .     .     .     .     -",    // cancelled
    }};

}  // namespace

TEST_CASE("inquiries and incidents follow the desk's process", "[tickets][workflow]") {
    check_matrix(TicketKind::inquiry, support);
    check_matrix(TicketKind::incident, support);
}

TEST_CASE("a problem is investigated, recorded as a known error and fixed", "[tickets][workflow]") {
    check_matrix(TicketKind::problem,
                 {{received, investigating, with_vendor, known_error, resolved, closed, cancelled},
                  {
                      // rec inv   vend  known resol clos  canc
                      "  -   OI    .     .     .     .     OI*",  // received
                      "  .   -     O     OI*   OI*   .     .",    // investigating
                      "  .   OV*   -     .     .     .     .",    // with_vendor: log analysis returned
                      "  .   .     .     -     OI*   .     .",    // known_error
                      "  .   OI*   .     .     -     OI    .",    // resolved: recurs, or close
                      "  .   .     .     .     .     -     .",    // closed
                      "  .   .     .     .     .     .     -",    // cancelled
                  }});
}

TEST_CASE("a change is approved by the IT office before it is scheduled", "[tickets][workflow]") {
    check_matrix(TicketKind::change,
                 {{draft, submitted, approved, rejected, scheduled, implemented, reviewed, closed, cancelled},
                  {
                      // dra subm  appr  rej   sched impl  revw  clos  canc
                      "  -   O     .     .     .     .     .     .     O*",  // draft
                      "  I*! -     I!    I*!   .     .     .     .     .",   // submitted: the IT office decides
                      "  .   .     -     .     O     .     .     .     O*",  // approved
                      "  .   .     .     -     .     .     .     .     .",   // rejected
                      "  .   .     .     .     -     O     .     .     O*",  // scheduled
                      "  .   .     .     .     .     -     OI*   .     .",   // implemented: reviewed
                      "  .   .     .     .     .     .     -     O     .",   // reviewed
                      "  .   .     .     .     .     .     .     -     .",   // closed
                      "  .   .     .     .     .     .     .     .     -",   // cancelled
                  }});
}

TEST_CASE("a release is approved, scheduled and announced to staff", "[tickets][workflow]") {
    check_matrix(TicketKind::release,
                 {{draft, submitted, approved, rejected, scheduled, announced, implemented, closed, cancelled},
                  {
                      // dra subm  appr  rej   sched annc  impl  clos  canc
                      "  -   O     .     .     .     .     .     .     O*",  // draft
                      "  I*! -     I!    I*!   .     .     .     .     .",   // submitted
                      "  .   .     -     .     O     .     .     .     O*",  // approved
                      "  .   .     .     -     .     .     .     .     .",   // rejected
                      "  .   .     .     .     -     O     O     .     O*",  // scheduled: no outage, no notice
                      "  .   .     .     .     .     -     O     .     O*",  // announced
                      "  .   .     .     .     .     .     -     O     .",   // implemented
                      "  .   .     .     .     .     .     .     -     .",   // closed
                      "  .   .     .     .     .     .     .     .     -",   // cancelled
                  }});
}

TEST_CASE("an improvement request gets a feasibility decision", "[tickets][workflow]") {
    check_matrix(TicketKind::request,
                 {{received, under_review, accepted, declined, in_progress, implemented, closed, cancelled},
                  {
                      // rec revw  acc   decl  in_pr impl  clos  canc
                      "  -   O     .     .     .     .     .     SO*",  // received
                      "  .   -     OI*   OI*   .     .     .     .",    // under_review
                      "  .   .     -     .     O     .     .     O*",   // accepted
                      "  .   .     .     -     .     .     .     .",    // declined
                      "  .   .     .     .     -     O*    .     .",    // in_progress
                      "  .   .     .     .     .     -     SO    .",    // implemented
                      "  .   .     .     .     .     .     -     .",    // closed
                      "  .   .     .     .     .     .     .     -",    // cancelled
                  }});
}

TEST_CASE("a security incident's response plan needs the IT office's approval", "[tickets][workflow]") {
    check_matrix(TicketKind::security_incident,
                 {{received, escalated, planning, plan_submitted, in_progress, results_reported, closed},
                  {
                      // rec esc   plan  plsub in_pr resul clos
                      "  -   O     .     .     .     .     .",    // received: the desk escalates
                      "  .   -     OI    .     .     .     I*!",  // escalated: or out of scope
                      "  .   .     -     O     .     .     .",    // planning
                      "  .   .     I*!   -     I!    .     .",    // plan_submitted: approve or send back
                      "  .   .     .     .     -     O*    .",    // in_progress
                      "  .   .     .     .     I*    -     I",    // results_reported
                      "  .   .     .     .     .     .     -",    // closed
                  }});
}

TEST_CASE("a refused move answers with the moves open to the user", "[tickets][workflow]") {
    const std::array operator_role{Role::desk_operator};
    const auto closing_too_early =
        check_transition({TicketKind::incident, TicketState::in_progress, TicketState::closed, operator_role, true});
    CHECK(closing_too_early.refusal == TransitionRefusal::not_allowed);
    CHECK(closing_too_early.transition == nullptr);
    CHECK(closing_too_early.allowed_targets ==
          std::vector<TicketState>{TicketState::waiting_requester, TicketState::with_vendor, TicketState::resolved,
                                   TicketState::cancelled});

    const auto approving =
        check_transition({TicketKind::change, TicketState::submitted, TicketState::approved, operator_role, true});
    CHECK(approving.refusal == TransitionRefusal::approval_role);
    REQUIRE(approving.transition != nullptr);
    CHECK(approving.transition->approval_by == Role::it_office);
    CHECK(approving.allowed_targets.empty());

    const std::array staff_role{Role::staff};
    const auto reopening_silently =
        check_transition({TicketKind::inquiry, TicketState::resolved, TicketState::in_progress, staff_role, false});
    CHECK(reopening_silently.refusal == TransitionRefusal::comment_required);
    CHECK(reopening_silently.allowed_targets == std::vector<TicketState>{TicketState::in_progress, TicketState::closed});
}

TEST_CASE("a state of another kind's workflow is refused", "[tickets][workflow]") {
    const std::array it_office{Role::it_office};
    CHECK(check_transition({TicketKind::change, TicketState::submitted, TicketState::announced, it_office, true})
              .refusal == TransitionRefusal::not_in_workflow);
    CHECK(check_transition({TicketKind::inquiry, TicketState::draft, TicketState::received, it_office, true}).refusal ==
          TransitionRefusal::not_in_workflow);
}

TEST_CASE("a user holding several roles gets the moves of each", "[tickets][workflow]") {
    const std::array roles{Role::staff, Role::desk_operator};
    std::vector<TicketState> targets;
    for (const auto& move : allowed(TicketKind::inquiry, TicketState::received, roles)) targets.push_back(move.to);
    CHECK(targets == std::vector<TicketState>{TicketState::in_progress, TicketState::cancelled});
    CHECK(allowed(TicketKind::inquiry, TicketState::received, Role::staff).size() == 1);
    CHECK(allowed(TicketKind::change, TicketState::submitted, Role::auditor).empty());
}

TEST_CASE("each kind starts, ends and runs its clock as the desk works", "[tickets][workflow]") {
    CHECK(workflow_of(TicketKind::inquiry).initial == TicketState::received);
    CHECK(workflow_of(TicketKind::change).initial == TicketState::draft);
    CHECK(workflow_of(TicketKind::release).initial == TicketState::draft);
    CHECK(workflow_of(TicketKind::security_incident).initial == TicketState::received);

    CHECK(is_terminal(TicketKind::change, TicketState::rejected));
    CHECK(is_terminal(TicketKind::request, TicketState::declined));
    CHECK_FALSE(is_terminal(TicketKind::incident, TicketState::resolved));
    CHECK_FALSE(is_terminal(TicketKind::incident, TicketState::rejected));

    CHECK(clock_effect(TicketKind::incident, TicketState::waiting_requester) == ClockEffect::paused);
    CHECK(clock_effect(TicketKind::incident, TicketState::with_vendor) == ClockEffect::running);
    CHECK(clock_effect(TicketKind::incident, TicketState::resolved) == ClockEffect::stopped);
    CHECK(clock_effect(TicketKind::security_incident, TicketState::results_reported) == ClockEffect::stopped);

    const std::array staff{Role::staff};
    const std::array vendor{Role::vendor};
    CHECK(may_create(TicketKind::inquiry, staff));
    CHECK(may_create(TicketKind::security_incident, staff));
    CHECK_FALSE(may_create(TicketKind::change, staff));
    CHECK_FALSE(may_create(TicketKind::incident, vendor));
}

TEST_CASE("no ticket is stranded: every state is reachable and only terminal ones have no way out",
          "[tickets][workflow]") {
    for (const auto kind : ticket_kinds()) {
        const auto& workflow = workflow_of(kind);
        std::vector<TicketState> reached{workflow.initial};
        for (std::size_t next = 0; next < reached.size(); ++next) {
            for (const auto& move : workflow.transitions) {
                if (move.from == reached[next] &&
                    std::find(reached.begin(), reached.end(), move.to) == reached.end()) {
                    reached.push_back(move.to);
                }
            }
        }
        for (const auto& rule : workflow.states) {
            INFO(kind_name(kind) << " " << state_name(rule.state));
            CHECK(std::find(reached.begin(), reached.end(), rule.state) != reached.end());
            const bool has_exit = std::any_of(workflow.transitions.begin(), workflow.transitions.end(),
                                              [&](const Transition& move) { return move.from == rule.state; });
            CHECK(has_exit != rule.terminal);
        }
    }
}

TEST_CASE("kinds and states have stable names", "[tickets][workflow]") {
    CHECK(kind_name(TicketKind::security_incident) == "security_incident");
    CHECK(parse_kind("release") == TicketKind::release);
    CHECK_FALSE(parse_kind("Release").has_value());
    CHECK(parse_ticket_state("waiting_requester") == TicketState::waiting_requester);
    CHECK_FALSE(parse_ticket_state("open").has_value());
    for (const auto state : ticket_states()) CHECK(parse_ticket_state(state_name(state)) == state);
    for (const auto kind : ticket_kinds()) CHECK(parse_kind(kind_name(kind)) == kind);
}

TEST_CASE("every kind, state, button and refusal has its text in both languages", "[tickets][workflow]") {
    using madoguchi::i18n::has_key;
    for (const auto kind : ticket_kinds()) {
        CHECK(has_key(kind_label_key(kind)));
        for (const auto& move : workflow_of(kind).transitions) CHECK(has_key(move.action_key));
    }
    for (const auto state : ticket_states()) CHECK(has_key(state_label_key(state)));
    for (const auto refusal : {TransitionRefusal::none, TransitionRefusal::not_in_workflow, TransitionRefusal::same_state,
                               TransitionRefusal::not_allowed, TransitionRefusal::approval_role,
                               TransitionRefusal::role_not_allowed, TransitionRefusal::comment_required}) {
        CHECK(has_key(refusal_key(refusal)));
    }
    using madoguchi::i18n::Language;
    CHECK(madoguchi::i18n::text("tickets.kind.change", Language::ja) == "変更要求");
    CHECK(madoguchi::i18n::text("tickets.state.waiting_requester", Language::en) == "Waiting for requester");
}
