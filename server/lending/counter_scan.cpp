#include "lending/counter_scan.hpp"

#include <algorithm>

namespace madoguchi::server::lending {
namespace {

using madoguchi::inventory::AssetState;
using madoguchi::lending::RequestState;

ScanVerdict refused(std::string_view reason, std::optional<CounterAllocation> loan = std::nullopt) {
    std::string key = "lending.counter.refusal.";
    key += reason;
    return {key, std::move(loan)};
}

}  // namespace

std::optional<ScanMode> parse_scan_mode(std::string_view name) {
    if (name == "handover") return ScanMode::handover;
    if (name == "return") return ScanMode::return_device;
    return std::nullopt;
}

ScanVerdict handover_verdict(const CounterDevice& device, const std::string& login, const calendar::Date& today,
                             std::optional<std::int64_t> request_id) {
    const auto& allocations = device.allocations;
    const auto waiting = std::find_if(allocations.begin(), allocations.end(), [&](const CounterAllocation& a) {
        return a.borrower_login == login && a.request_state == RequestState::approved && !a.handed_over &&
               (!request_id || a.request_id == *request_id);
    });
    if (waiting == allocations.end()) {
        const auto out = std::find_if(allocations.begin(), allocations.end(), [&](const CounterAllocation& a) {
            return a.borrower_login == login && a.handed_over && !a.returned && (!request_id || a.request_id == *request_id);
        });
        if (out != allocations.end()) return refused("already_handed_over", *out);
        return refused("not_this_person");
    }
    if (today < waiting->start_date) return refused("not_started", *waiting);
    if (waiting->kitting_open) return refused("not_ready", *waiting);
    if (device.state != AssetState::reserved) return refused("wrong_state", *waiting);
    return {{}, *waiting};
}

ScanVerdict return_verdict(const CounterDevice& device, const std::string& login) {
    const auto out = std::find_if(device.allocations.begin(), device.allocations.end(),
                                  [](const CounterAllocation& a) { return a.handed_over && !a.returned; });
    if (out == device.allocations.end() || (device.state != AssetState::on_loan && device.state != AssetState::in_transit)) {
        return refused("not_on_loan");
    }
    if (!login.empty() && out->borrower_login != login) return refused("not_this_person", *out);
    return {{}, *out};
}

}  // namespace madoguchi::server::lending
