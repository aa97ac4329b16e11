#include "telemetry/usage_anomaly.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "tickets/named_values.hpp"

namespace madoguchi::telemetry {

namespace {

// Scales the MAD to the standard deviation of a normal distribution (Iglewicz and Hoaglin).
constexpr double mad_scale = 0.6745;

constexpr std::array<tickets::Named<UsageVerdict>, 4> verdict_texts{{
    {UsageVerdict::normal, "normal", "telemetry.usage.normal"},
    {UsageVerdict::unusually_high, "unusually_high", "telemetry.usage.unusually_high"},
    {UsageVerdict::unusually_low, "unusually_low", "telemetry.usage.unusually_low"},
    {UsageVerdict::not_enough_history, "not_enough_history", "telemetry.usage.not_enough_history"},
}};
static_assert(tickets::in_enum_order(verdict_texts));

}  // namespace

std::optional<double> median(std::span<const double> values) {
    if (values.empty()) return std::nullopt;
    std::vector<double> sorted(values.begin(), values.end());
    const auto middle = sorted.size() / 2;
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(middle), sorted.end());
    const double upper = sorted[middle];
    if (sorted.size() % 2 == 1) return upper;
    const double lower = *std::max_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(middle));
    return (lower + upper) / 2;
}

std::optional<double> median_absolute_deviation(std::span<const double> values) {
    const auto centre = median(values);
    if (!centre) return std::nullopt;
    std::vector<double> deviations;
    deviations.reserve(values.size());
    for (const double value : values) deviations.push_back(std::fabs(value - *centre));
    return median(deviations);
}

UsageJudgement judge_day(std::span<const std::int64_t> history, std::int64_t pages, const UsageRules& rules) {
    UsageJudgement judgement;
    std::vector<double> days;
    for (const auto day : history)
        if (day >= 0) days.push_back(static_cast<double>(day));
    if (days.empty() || days.size() < static_cast<std::size_t>(std::max(rules.min_history_days, 1))) return judgement;
    judgement.median_pages = *median(days);
    judgement.deviation = std::max(*median_absolute_deviation(days), std::max(rules.min_deviation_pages, 1e-9));
    judgement.score = mad_scale * (static_cast<double>(pages) - judgement.median_pages) / judgement.deviation;
    if (judgement.score > rules.max_score) judgement.verdict = UsageVerdict::unusually_high;
    else if (judgement.score < -rules.max_score) judgement.verdict = UsageVerdict::unusually_low;
    else judgement.verdict = UsageVerdict::normal;
    return judgement;
}

std::vector<std::int64_t> silent_devices(std::span<const FloorDevice> floor, const SilenceRules& rules) {
    const auto printing = std::count_if(floor.begin(), floor.end(),
                                        [&](const FloorDevice& d) { return d.pages >= std::max<std::int64_t>(rules.min_peer_pages, 1); });
    std::vector<std::int64_t> silent;
    for (const auto& device : floor) {
        // The silent device is never one of the printing peers, so all of them count.
        if (device.pages == 0 && device.usual_pages >= rules.min_usual_pages &&
            printing >= std::max(rules.min_printing_peers, 1))
            silent.push_back(device.device_id);
    }
    return silent;
}

std::string_view usage_verdict_name(UsageVerdict verdict) { return tickets::named(verdict_texts, verdict).name; }
std::string_view usage_verdict_label_key(UsageVerdict verdict) {
    return tickets::named(verdict_texts, verdict).label_key;
}

}  // namespace madoguchi::telemetry
