#pragma once
// The counter tests' steps on top of LendingDesk: staff cards, a loan approved and starting
// today, its kitting ticked through, and the counter's handover and return calls.
#include <nlohmann/json.hpp>
#include <string>

#include "lending_test_support.hpp"

namespace madoguchi::testing {

inline constexpr const char* sato_card = "MT200001";
inline constexpr const char* suzuki_card = "MT200002";

// Issues sato and suzuki (LendingDesk's staff and colleague) their cards.
void issue_cards(LendingDesk& desk);
// The staff member's request for `quantity` devices of the class, approved by the desk (made
// every class's approver) and moved to start today (as if its start date had come); answers the request.
nlohmann::json approved_from_today(LendingDesk& desk, const std::string& class_code, int quantity = 1);
// The kitting tasks in the state for the tag.
nlohmann::json kitting_tasks_of(LendingDesk& desk, const std::string& tag, const std::string& state = "open");
// Ticks every open required item of the task (the master item with `master_version`);
// answers the task as it ends.
nlohmann::json kit_through(LendingDesk& desk, nlohmann::json task, int master_version = 0);
// POST …/kitting-tasks/{id}/ticks.
httplib::Result tick(LendingDesk& desk, const nlohmann::json& task, const nlohmann::json& body);
// POST …/counter/handovers of the request's devices by the user (the desk).
httplib::Result hand_over(LendingDesk& desk, SignedIn& user, const nlohmann::json& request, const std::string& card);
// POST …/counter/returns at the counter.
httplib::Result take_back(LendingDesk& desk, const std::string& tag, const nlohmann::json& findings);
std::string error_code_of(const httplib::Result& response);

}  // namespace madoguchi::testing
