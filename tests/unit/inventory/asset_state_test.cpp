// Every move between asset states, allowed or refused, for both placements: the matrices
// below are the desk's rules written out by hand, so a change to the machine shows up here.
#include <catch2/catch.hpp>

#include <array>
#include <string>

#include "inventory/asset_state.hpp"

using namespace madoguchi::inventory;

namespace {

// Rows: from; columns: to, both in asset_states() order (stock, reserved, loan, transit,
// repair, kitting, installed, lost, stolen, retired).
// Y allowed, n no such move, P not for this placement, - already there.
constexpr std::array<const char*, 10> loanable_moves{
    "-YYYYYPYYY",  // in_stock
    "Y-YYnYPYYn",  // reserved
    "nn-YYYPYYn",  // on_loan
    "YnY-YYPYnn",  // in_transit
    "YnnY-YPnnY",  // in_repair
    "YYnnY-PnnY",  // kitting
    "YnnYYn-YnY",  // installed (a loanable device is never there; the moves out still exist)
    "nnnnnYP-nY",  // lost: found devices are checked first
    "nnnnnYPn-Y",  // stolen
    "nnnnnnPnn-",  // retired: for good
};

constexpr std::array<const char*, 10> installed_moves{
    "-PPYYYYYYY",  // in_stock
    "Y-PYnYnYYn",  // reserved
    "nP-YYYnYYn",  // on_loan
    "YPP-YYYYnn",  // in_transit
    "YPPY-YYnnY",  // in_repair
    "YPPnY-nnnY",  // kitting
    "YPPYYn-YnY",  // installed
    "nPPnnYn-nY",  // lost
    "nPPnnYnn-Y",  // stolen
    "nPPnnnnnn-",  // retired
};

char symbol(TransitionRefusal refusal) {
    switch (refusal) {
        case TransitionRefusal::none: return 'Y';
        case TransitionRefusal::not_allowed: return 'n';
        case TransitionRefusal::not_for_placement: return 'P';
        case TransitionRefusal::same_state: return '-';
    }
    return '?';
}

void check_matrix(Placement placement, const std::array<const char*, 10>& expected) {
    const auto states = asset_states();
    REQUIRE(states.size() == expected.size());
    for (std::size_t from = 0; from < states.size(); ++from) {
        std::string row;
        for (const auto to : states) row += symbol(check_transition(placement, states[from], to));
        INFO("from " << state_name(states[from]));
        CHECK(row == expected[from]);
    }
}

}  // namespace

TEST_CASE("a loanable device moves between states as the desk works", "[inventory][state]") {
    check_matrix(Placement::loanable, loanable_moves);
}

TEST_CASE("an installed device is never reserved or lent", "[inventory][state]") {
    check_matrix(Placement::installed, installed_moves);
}

TEST_CASE("next_states lists exactly the allowed moves", "[inventory][state]") {
    CHECK(next_states(Placement::loanable, AssetState::on_loan) ==
          std::vector<AssetState>{AssetState::in_transit, AssetState::in_repair, AssetState::kitting, AssetState::lost,
                                  AssetState::stolen});
    CHECK(next_states(Placement::installed, AssetState::retired).empty());
}

TEST_CASE("state names read back, and unknown names are refused", "[inventory][state]") {
    for (const auto state : asset_states()) {
        CHECK(parse_state(state_name(state)) == state);
        CHECK(std::string(state_label_key(state)) == "inventory.state." + std::string(state_name(state)));
    }
    CHECK_FALSE(parse_state("broken"));
    CHECK_FALSE(parse_state("IN_STOCK"));
    CHECK_FALSE(parse_state(""));
}
