#pragma once
// Who sees and who decides a loan request: staff their own, managers their division's, the
// desk, the IT office, auditors and admins every one; the decision belongs to the role the
// class's rule names (a manager only for the own division), never the requester.
#include "identity/principal.hpp"
#include "lending/loan_rules.hpp"
#include "lending/request_store.hpp"

namespace madoguchi::server::lending {

bool sees_all(const identity::Principal& principal);
bool visible(const identity::Principal& principal, const LoanRequestRow& request);
bool may_decide(const identity::Principal& principal, const madoguchi::lending::LoanRule& rule,
                const LoanRequestRow& request);
// The list's restriction for the principal: none, the division, or the own login.
void restrict(const identity::Principal& principal, RequestFilter& filter);

}  // namespace madoguchi::server::lending
