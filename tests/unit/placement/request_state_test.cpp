// Every move of an install / move / remove request, for each party: the matrices below are
// the desk's process written out by hand, so a change to the table shows up here.
#include <catch2/catch.hpp>

#include <array>
#include <string>

#include "placement/request_state.hpp"

using namespace madoguchi::placement;

namespace {

// Rows: from; columns: to, both in request_states() order (submitted, accepted, with_vendor,
// vendor_done, completed, rejected, cancelled). Y allowed, x a move of another party,
// n no such move, - already there. Reasons given, checklist complete.
constexpr std::array<const char*, 7> requester_moves{
    "-xnnnxY",  // submitted: the requester may withdraw
    "n-xnnxn",  // accepted
    "nn-xnnn",  // with_vendor
    "nnx-xnn",  // vendor_done
    "nnnn-nn",  // completed
    "nnnnn-n",  // rejected
    "nnnnnn-",  // cancelled
};
constexpr std::array<const char*, 7> desk_moves{
    "-YnnnYx",  // submitted
    "n-YnnYn",  // accepted
    "nn-xnnn",  // with_vendor: only the vendor reports
    "nnY-Ynn",  // vendor_done: send back or complete
    "nnnn-nn",
    "nnnnn-n",
    "nnnnnn-",
};
constexpr std::array<const char*, 7> vendor_moves{
    "-xnnnxx",
    "n-xnnxn",
    "nn-Ynnn",  // with_vendor: the vendor reports the works done
    "nnx-xnn",
    "nnnn-nn",
    "nnnnn-n",
    "nnnnnn-",
};

char symbol(MoveRefusal refusal) {
    switch (refusal) {
        case MoveRefusal::none: return 'Y';
        case MoveRefusal::not_allowed: return 'n';
        case MoveRefusal::not_your_move: return 'x';
        case MoveRefusal::same_state: return '-';
        case MoveRefusal::reason_required: return 'r';
        case MoveRefusal::checklist_incomplete: return 'c';
    }
    return '?';
}

void check_matrix(Party party, const std::array<const char*, 7>& expected) {
    const auto states = request_states();
    REQUIRE(states.size() == expected.size());
    const std::array parties{party};
    for (std::size_t from = 0; from < states.size(); ++from) {
        std::string row;
        for (const auto to : states) row += symbol(check_move({states[from], to, parties, true, true}));
        INFO("from " << state_name(states[from]));
        CHECK(row == expected[from]);
    }
}

}  // namespace

TEST_CASE("the requester may only withdraw a request the desk has not accepted", "[placement][state]") {
    check_matrix(Party::requester, requester_moves);
}

TEST_CASE("the desk accepts, rejects, hands off, sends back and completes", "[placement][state]") {
    check_matrix(Party::desk, desk_moves);
}

TEST_CASE("the vendor only reports its works done", "[placement][state]") { check_matrix(Party::vendor, vendor_moves); }

TEST_CASE("a user who is several parties may take each party's moves", "[placement][state]") {
    const std::array both{Party::requester, Party::desk};
    CHECK(check_move({RequestState::submitted, RequestState::cancelled, both, true, false}) == MoveRefusal::none);
    CHECK(check_move({RequestState::submitted, RequestState::accepted, both, false, false}) == MoveRefusal::none);
    const auto open = moves_for(RequestState::submitted, both);
    REQUIRE(open.size() == 3);
    CHECK(open[0].to == RequestState::accepted);
    CHECK(open[1].to == RequestState::rejected);
    CHECK(open[2].to == RequestState::cancelled);
    CHECK(moves_for(RequestState::submitted, std::array{Party::vendor}).empty());
}

TEST_CASE("refusals, withdrawals and sending back need a reason, completion needs every item done", "[placement][state]") {
    const std::array desk{Party::desk};
    const std::array requester{Party::requester};
    CHECK(check_move({RequestState::submitted, RequestState::rejected, desk, false, true}) == MoveRefusal::reason_required);
    CHECK(check_move({RequestState::accepted, RequestState::rejected, desk, false, true}) == MoveRefusal::reason_required);
    CHECK(check_move({RequestState::submitted, RequestState::cancelled, requester, false, true}) == MoveRefusal::reason_required);
    CHECK(check_move({RequestState::vendor_done, RequestState::with_vendor, desk, false, true}) == MoveRefusal::reason_required);
    CHECK(check_move({RequestState::submitted, RequestState::accepted, desk, false, false}) == MoveRefusal::none);
    CHECK(check_move({RequestState::vendor_done, RequestState::completed, desk, false, false}) == MoveRefusal::checklist_incomplete);
    CHECK(check_move({RequestState::vendor_done, RequestState::completed, desk, false, true}) == MoveRefusal::none);
    // A move that is not the user's is refused as such before its reason is asked for.
    CHECK(check_move({RequestState::submitted, RequestState::rejected, requester, false, true}) == MoveRefusal::not_your_move);
}

TEST_CASE("states and refusals have names and catalog keys", "[placement][state]") {
    for (const auto state : request_states()) {
        INFO(state_name(state));
        CHECK(parse_request_state(state_name(state)) == state);
        CHECK(std::string(state_label_key(state)) == "placement.state." + std::string(state_name(state)));
    }
    CHECK_FALSE(parse_request_state("done").has_value());
    CHECK(is_final(RequestState::completed));
    CHECK(is_final(RequestState::rejected));
    CHECK(is_final(RequestState::cancelled));
    CHECK_FALSE(is_final(RequestState::vendor_done));
    CHECK(refusal_key(MoveRefusal::checklist_incomplete) == "placement.refusal.checklist_incomplete");
}
