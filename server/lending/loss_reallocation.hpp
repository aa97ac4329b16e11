#pragma once
// A device reported lost or stolen may also be reserved for later requests (an approval keeps a
// device for every request on whose days it is free). Each such request is given another device
// of its class free over its whole period, reserved and queued for kitting as at approval
// (audited loan_request.reallocated); when none is free, its devices are released and it goes
// back to its approver as submitted, the reason naming the lost device (loan_request.reopened),
// so the counter never waits for a device that is gone. Runs in the loss report's transaction.
#include <cstdint>
#include <string>

#include "audit/audit_log.hpp"
#include "calendar/tokyo_time.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

store::Status reallocate_after_loss(store::Database& database, std::int64_t device_id, const std::string& asset_tag,
                                    std::int64_t lost_request_id, const audit::Actor& actor, calendar::Instant now);

}  // namespace madoguchi::server::lending
