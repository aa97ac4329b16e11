#include "chatbot/availability.hpp"

#include <algorithm>

namespace madoguchi::server::chatbot {
namespace {

bool in_window(calendar::Instant at, std::span<const MaintenanceWindow> windows) {
    return std::any_of(windows.begin(), windows.end(),
                       [&](const MaintenanceWindow& w) { return w.starts <= at && at < w.ends; });
}

}  // namespace

Availability availability(std::span<const Probe> probes, std::span<const MaintenanceWindow> windows) {
    Availability result;
    std::optional<Outage> open;
    const auto close = [&](calendar::Instant to) {
        if (!open) return;
        open->to = to;
        result.outage_seconds += open->to.unix_seconds - open->from.unix_seconds;
        result.outages.push_back(*open);
        open.reset();
    };
    std::int64_t response_total = 0;
    for (const auto& probe : probes) {
        ++result.probes;
        if (in_window(probe.at, windows)) {
            ++result.in_maintenance;
            if (!probe.up) ++result.down_in_maintenance;
            close(probe.at);
            continue;
        }
        if (probe.up) {
            ++result.up;
            response_total += probe.response_milliseconds;
            result.slowest_response_milliseconds = std::max(result.slowest_response_milliseconds, probe.response_milliseconds);
            close(probe.at);
            continue;
        }
        ++result.down;
        if (!open) open = Outage{probe.at, probe.at, 0};
        ++open->probes;
        open->to = probe.at;
    }
    if (open) close(open->to);
    const int counted = result.up + result.down;
    if (counted > 0) result.percent = 100.0 * result.up / counted;
    if (result.up > 0) result.average_response_milliseconds = static_cast<double>(response_total) / result.up;
    return result;
}

}  // namespace madoguchi::server::chatbot
