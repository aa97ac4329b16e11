#include "lending/loss_replacement.hpp"

#include <algorithm>

#include "i18n/catalog.hpp"
#include "lending/availability_store.hpp"
#include "lending/device_allocation.hpp"

namespace madoguchi::server::lending {

namespace domain = madoguchi::lending;
using Issued = std::variant<http::Reply, LoanRequestRow>;

store::Result<Issued> issue_replacement(store::Database& database, const LossReportRow& report,
                                        const audit::Actor& actor, calendar::Instant now) {
    if (report.replacement_request_id) return Issued{http::refusal(409, api::make_error("already_replaced"))};
    auto found = find_request(database, report.request_id);
    if (!found) return store::Error{found.error()};
    if (!found.value()) return store::Error{"loss report " + std::to_string(report.id) + " names no request"};
    const auto& lost = *found.value();
    const auto today = calendar::to_tokyo(now).date;
    const auto due = std::max(lost.due_date, today);
    const std::optional<std::int64_t> counter =
        lost.delivery == domain::Delivery::pickup ? std::optional<std::int64_t>(lost.pickup_location_id) : std::nullopt;
    auto candidates = free_devices(database, {lost.class_code, counter, today}, today, due);
    if (!candidates) return store::Error{candidates.error()};
    if (candidates.value().empty()) return Issued{http::refusal(409, api::make_error("not_available"))};
    const auto& device = candidates.value().front();

    LoanRequestRow row = lost;
    row.quantity = 1;
    row.start_date = today;
    row.due_date = due;
    auto id = insert_request(database, row, now);
    if (!id) return store::Error{id.error()};
    auto submitted = find_request(database, id.value());
    if (!submitted) return store::Error{submitted.error()};
    // Kitted for this loan like any approved one before the counter hands it over.
    if (auto reserved = reserve_device(database, *submitted.value(), device.device_id, actor); !reserved) {
        return store::Error{reserved.error()};
    }
    std::string reason = i18n::text("lending.loss.replacement_reason", i18n::Language::ja);
    reason += ": ";
    reason += lost.number;
    reason += ' ';
    reason += report.asset_tag;
    auto approved = set_request_state(database, *submitted.value(), domain::RequestState::approved, actor.name, reason, now);
    if (!approved) return store::Error{approved.error()};
    auto linked = set_replacement(database, report, id.value(), now);
    if (!linked) return store::Error{linked.error()};
    if (!linked.value()) return Issued{http::refusal(409, api::make_error("already_replaced"))};
    auto stored = find_request(database, id.value());
    if (!stored) return store::Error{stored.error()};
    const audit::AuditEntry entry{actor, "loan_request.replacement", "loan_request", std::to_string(id.value()),
                                  std::nullopt, to_json(*stored.value())};
    if (auto recorded = audit::record(database, entry); !recorded) return store::Error{recorded.error()};
    return Issued{*stored.value()};
}

}  // namespace madoguchi::server::lending
