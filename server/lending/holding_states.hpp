#pragma once
// The request states of shared/lending/loan_request.hpp as SQL lists, so the store's
// queries count exactly the states the domain names.
#include <string>

namespace madoguchi::server::lending {

// "('approved', 'on_loan')": states whose requests keep devices on their days.
const std::string& holding_states_sql();
// States counting towards a person's holding limit.
const std::string& limit_states_sql();

}  // namespace madoguchi::server::lending
