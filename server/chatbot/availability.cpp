#include "chatbot/availability.hpp"

#include <algorithm>

namespace madoguchi::server::chatbot {
namespace {

struct Span {
    std::int64_t from = 0;  // Unix seconds, inclusive
    std::int64_t to = 0;    // exclusive
};

bool in_window(calendar::Instant at, std::span<const MaintenanceWindow> windows) {
    return std::any_of(windows.begin(), windows.end(),
                       [&](const MaintenanceWindow& w) { return w.starts <= at && at < w.ends; });
}

// The windows within the period, sorted and merged where they overlap or touch.
std::vector<Span> merged_windows(std::span<const MaintenanceWindow> windows, Span period) {
    std::vector<Span> spans;
    for (const auto& w : windows) {
        const Span clipped{std::max(w.starts.unix_seconds, period.from), std::min(w.ends.unix_seconds, period.to)};
        if (clipped.from < clipped.to) spans.push_back(clipped);
    }
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.from < b.from; });
    std::vector<Span> merged;
    for (const auto& span : spans) {
        if (!merged.empty() && span.from <= merged.back().to) {
            merged.back().to = std::max(merged.back().to, span.to);
        } else {
            merged.push_back(span);
        }
    }
    return merged;
}

// `held` less the windows, in order.
std::vector<Span> outside(Span held, const std::vector<Span>& windows) {
    std::vector<Span> pieces;
    auto start = held.from;
    for (const auto& w : windows) {
        if (w.to <= start) continue;
        if (w.from >= held.to) break;
        if (w.from > start) pieces.push_back({start, w.from});
        start = std::max(start, w.to);
    }
    if (start < held.to) pieces.push_back({start, held.to});
    return pieces;
}

}  // namespace

Availability availability(std::span<const Probe> probes, std::span<const MaintenanceWindow> windows,
                          calendar::Instant from, calendar::Instant to, calendar::Instant now) {
    Availability result;
    const Span period{from.unix_seconds, std::min(to, now).unix_seconds};
    if (period.to <= period.from) return result;
    result.period_seconds = period.to - period.from;
    const auto maintenance = merged_windows(windows, period);
    for (const auto& w : maintenance) result.maintenance_seconds += w.to - w.from;

    std::optional<Outage> open;
    const auto close = [&] {
        if (open) result.outages.push_back(*open);
        open.reset();
    };
    std::int64_t response_total = 0;
    for (std::size_t i = 0; i < probes.size(); ++i) {
        const auto& probe = probes[i];
        // Counted by the month they were taken in, the one taken in the current second included.
        const bool taken_in_period = from <= probe.at && probe.at < to;
        if (taken_in_period) {
            ++result.probes;
            if (in_window(probe.at, windows)) {
                ++result.in_maintenance;
                if (!probe.up) ++result.down_in_maintenance;
            } else if (probe.up) {
                ++result.up;
                response_total += probe.response_milliseconds;
                result.slowest_response_milliseconds = std::max(result.slowest_response_milliseconds, probe.response_milliseconds);
            } else {
                ++result.down;
            }
        }
        auto held_until = probe.at.unix_seconds + hold_intervals * std::max<std::int64_t>(probe.interval_seconds, 1);
        if (i + 1 < probes.size()) held_until = std::min(held_until, probes[i + 1].at.unix_seconds);
        const Span held{std::max(probe.at.unix_seconds, period.from), std::min(held_until, period.to)};
        if (held.from >= held.to) continue;
        for (const auto& piece : outside(held, maintenance)) {
            if (probe.up) {
                result.up_seconds += piece.to - piece.from;
                close();
                continue;
            }
            result.down_seconds += piece.to - piece.from;
            // A failure goes on while one failed probe's time runs straight into the next's.
            if (open && open->to.unix_seconds != piece.from) close();
            if (!open) open = Outage{calendar::Instant{piece.from}, calendar::Instant{piece.from}, 0};
            open->to = calendar::Instant{piece.to};
        }
        if (!probe.up && taken_in_period && !in_window(probe.at, windows) && open) ++open->probes;
    }
    close();
    result.unknown_seconds = result.period_seconds - result.maintenance_seconds - result.up_seconds - result.down_seconds;
    const auto known = result.up_seconds + result.down_seconds;
    if (known > 0) result.percent = 100.0 * static_cast<double>(result.up_seconds) / static_cast<double>(known);
    if (result.up > 0) result.average_response_milliseconds = static_cast<double>(response_total) / result.up;
    return result;
}

}  // namespace madoguchi::server::chatbot
