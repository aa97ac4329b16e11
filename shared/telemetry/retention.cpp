#include "telemetry/retention.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace madoguchi::telemetry {

namespace {

constexpr std::int64_t hour = 3600;
constexpr std::int64_t day = 86400;

// Floor division, so instants before 1970 fall in the bucket they are in.
std::int64_t floor_to(std::int64_t value, std::int64_t step) {
    const auto quotient = value / step;
    return (value % step != 0 && value < 0 ? quotient - 1 : quotient) * step;
}

std::int64_t bucket_end(calendar::Instant at, Resolution resolution) {
    const auto start = bucket_start(at, resolution).unix_seconds;
    return resolution == Resolution::hourly ? start + hour : start + day;
}

}  // namespace

calendar::Instant bucket_start(calendar::Instant at, Resolution resolution) {
    switch (resolution) {
        case Resolution::raw: return at;
        case Resolution::hourly: return {floor_to(at.unix_seconds, hour)};
        case Resolution::daily:
            return {floor_to(at.unix_seconds + calendar::tokyo_offset_seconds, day) - calendar::tokyo_offset_seconds};
    }
    return at;
}

std::vector<Fold> retention_plan(std::span<const calendar::Instant> samples, Resolution resolution,
                                 calendar::Instant now, const RetentionRules& rules) {
    // Days beyond a century are a typo in the settings, not a retention: bounded, no overflow.
    const auto days_kept = [](std::int64_t days) { return std::clamp<std::int64_t>(days, 0, 36'600) * day; };
    const auto hourly_limit = now.unix_seconds - days_kept(rules.raw_days);
    const auto daily_limit = now.unix_seconds - days_kept(rules.hourly_days);
    std::map<std::pair<std::int64_t, Resolution>, Fold> folds;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        const auto at = samples[i];
        Resolution into;
        if (resolution != Resolution::daily && bucket_end(at, Resolution::daily) <= daily_limit) into = Resolution::daily;
        else if (resolution == Resolution::raw && bucket_end(at, Resolution::hourly) <= hourly_limit) into = Resolution::hourly;
        else continue;
        const auto bucket = bucket_start(at, into);
        auto& fold = folds[{bucket.unix_seconds, into}];
        fold.into = into;
        fold.bucket = bucket;
        fold.members.push_back(i);
    }
    std::vector<Fold> plan;
    plan.reserve(folds.size());
    for (auto& [key, fold] : folds) plan.push_back(std::move(fold));
    return plan;
}

}  // namespace madoguchi::telemetry
