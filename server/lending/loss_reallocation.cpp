#include "lending/loss_reallocation.hpp"

#include <vector>

#include "i18n/catalog.hpp"
#include "identity/user_store.hpp"
#include "lending/class_name.hpp"
#include "lending/availability_store.hpp"
#include "lending/device_allocation.hpp"
#include "lending/kitting_store.hpp"
#include "lending/loss_store.hpp"
#include "lending/request_store.hpp"
#include "notifications/notification_routing.hpp"

namespace madoguchi::server::lending {
namespace {

namespace domain = madoguchi::lending;

// Approved requests other than the lost loan that the device is reserved for, earliest first.
store::Result<std::vector<std::int64_t>> later_requests(store::Database& database, std::int64_t device_id,
                                                        std::int64_t lost_request_id) {
    auto select = database.prepare(
        "SELECT r.id FROM loan_allocations a JOIN loan_requests r ON r.id = a.request_id "
        "WHERE a.device_id = ?1 AND r.state = 'approved' AND r.id <> ?2 ORDER BY r.start_date, r.id");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, device_id).bind(2, lost_request_id);
    std::vector<std::int64_t> ids;
    while (true) {
        auto step = select.value().step();
        if (!step) return store::Error{step.error()};
        if (!step.value()) return ids;
        ids.push_back(select.value().column_int(0));
    }
}

store::Status audited(store::Database& database, const audit::Actor& actor, const char* action, const LoanRequestRow& before) {
    auto after = find_request(database, before.id);
    if (!after) return store::Error{after.error()};
    return audit::record(database, {actor, action, "loan_request", std::to_string(before.id), to_json(before),
                                    to_json(*after.value())});
}

// The requester hears that the approved loan has no device any more and waits for one again.
store::Status notify_reopened(store::Database& database, const LoanRequestRow& row, const std::string& asset_tag,
                              const audit::Actor& actor) {
    auto requester = identity::find_user_by_login(database, row.requester_login);
    if (!requester) return store::Error{requester.error()};
    notifications::PlaceholderValues values{{"request_number", row.number},
                                            {"requester", requester.value() ? requester.value()->fields.name : row.requester_login},
                                            {"device_class", class_name_ja(row.class_code)},
                                            {"quantity", std::to_string(row.quantity)},
                                            {"start_date", calendar::format_date(row.start_date)},
                                            {"due_date", calendar::format_date(row.due_date)},
                                            {"asset_tag", asset_tag},
                                            {"url", "/#/lending/requests/" + std::to_string(row.id)}};
    const notifications::RoutingSubject subject{
        requester.value() ? std::optional<std::int64_t>(requester.value()->id) : std::nullopt, std::nullopt, "",
        notifications::InboxReference::loan(row.id, row.number)};
    return notifications::enqueue_routed(database, {"lending.reopened", {}, {}, std::move(values)}, subject, actor);
}

store::Status reallocate(store::Database& database, const LoanRequestRow& row, std::int64_t device_id,
                         const std::string& asset_tag, const audit::Actor& actor, calendar::Instant now) {
    if (auto cancelled = cancel_kitting_task(database, row.id, device_id); !cancelled) return cancelled;
    if (auto dropped = drop_allocation(database, row.id, device_id); !dropped) return dropped;
    const std::optional<std::int64_t> counter =
        row.delivery == domain::Delivery::pickup ? std::optional<std::int64_t>(row.pickup_location_id) : std::nullopt;
    auto candidates = free_devices(database, {row.class_code, counter, calendar::to_tokyo(now).date}, row.start_date, row.due_date);
    if (!candidates) return store::Error{candidates.error()};
    if (!candidates.value().empty()) {
        if (auto reserved = reserve_device(database, row, candidates.value().front().device_id, actor); !reserved) return reserved;
        return audited(database, actor, "loan_request.reallocated", row);
    }
    if (auto released = release_devices(database, row, actor); !released) return released;
    auto reason = i18n::text("lending.loss.reopened_reason", i18n::Language::ja);
    reason += ": ";
    reason += asset_tag;
    auto reopened = set_request_state(database, row, domain::RequestState::submitted, actor.name, reason, now);
    if (!reopened) return store::Error{reopened.error()};
    if (!reopened.value()) return store::Error{"loan request " + row.number + " changed inside the transaction"};
    if (auto told = audited(database, actor, "loan_request.reopened", row); !told) return told;
    return notify_reopened(database, row, asset_tag, actor);
}

}  // namespace

store::Status reallocate_after_loss(store::Database& database, std::int64_t device_id, const std::string& asset_tag,
                                    std::int64_t lost_request_id, const audit::Actor& actor, calendar::Instant now) {
    auto ids = later_requests(database, device_id, lost_request_id);
    if (!ids) return store::Error{ids.error()};
    for (const auto id : ids.value()) {
        auto found = find_request(database, id);
        if (!found) return store::Error{found.error()};
        if (!found.value()) continue;
        if (auto moved = reallocate(database, *found.value(), device_id, asset_tag, actor, now); !moved) return moved;
    }
    return store::success();
}

}  // namespace madoguchi::server::lending
