#pragma once
// 代替機の貸出 (a replacement loan for a lost or stolen device): another device of the class,
// free from today through the lost loan's due date (the availability code's free_devices, at
// the same counter for a pickup), allocated and reserved to a new request in the approved
// state for the borrower and queued for kitting, its reason naming the lost loan; the report
// links it. Audited as
// loan_request.replacement.
#include <variant>

#include "audit/audit_log.hpp"
#include "http/transaction_reply.hpp"
#include "lending/loss_store.hpp"
#include "lending/request_store.hpp"

namespace madoguchi::server::lending {

// 409 not_available when no device is free, 409 already_replaced; otherwise the new request.
store::Result<std::variant<http::Reply, LoanRequestRow>> issue_replacement(store::Database& database,
                                                                          const LossReportRow& report,
                                                                          const audit::Actor& actor,
                                                                          calendar::Instant now);

}  // namespace madoguchi::server::lending
