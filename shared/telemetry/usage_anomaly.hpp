#pragma once
// 特異点 (anomalies) in page counts: a day far outside the device's own normal, judged with
// robust statistics (median and median absolute deviation, so a few odd days in the history
// do not move the normal), and a device silent while the printers on its floor print.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace madoguchi::telemetry {

// The median of `values` (the mean of the middle two for an even count); empty without values.
std::optional<double> median(std::span<const double> values);
// The median absolute deviation from the median; empty without values.
std::optional<double> median_absolute_deviation(std::span<const double> values);

struct UsageRules {
    int min_history_days = 14;  // no judgement before the device has this many comparable days
    // |modified z-score| above which a day is unusual: 0.6745·(x − median)/MAD, with 3.5
    // as Iglewicz and Hoaglin recommend.
    double max_score = 3.5;
    // A device whose days are all alike has MAD 0: the deviation is taken as at least this
    // many pages, so 101 pages against a steady 100 is not an anomaly.
    double min_deviation_pages = 10.0;
};

enum class UsageVerdict { normal, unusually_high, unusually_low, not_enough_history };

struct UsageJudgement {
    UsageVerdict verdict = UsageVerdict::not_enough_history;
    double median_pages = 0;  // the device's normal
    double deviation = 0;     // the MAD used (after the floor)
    double score = 0;         // the modified z-score of the day
};

// A day's pages against the device's history of comparable days (the server passes business
// days, since a closed office prints nothing). Negative pages in the history are ignored.
UsageJudgement judge_day(std::span<const std::int64_t> history, std::int64_t pages, const UsageRules& rules);

// One device's day on a floor.
struct FloorDevice {
    std::int64_t device_id = 0;
    std::int64_t pages = 0;        // pages that day
    double usual_pages = 0;        // its normal (judge_day's median_pages), 0 when unknown
};

struct SilenceRules {
    int min_printing_peers = 2;         // other devices on the floor that printed …
    std::int64_t min_peer_pages = 20;   // … at least this many pages each
    double min_usual_pages = 20;        // a device that usually prints at least this much
};

// Devices on one floor that printed nothing while at least `min_printing_peers` others
// printed: a printer users cannot reach, broken without telling, or moved. A device that
// rarely prints is not silent when it does not. In the floor's order.
std::vector<std::int64_t> silent_devices(std::span<const FloorDevice> floor, const SilenceRules& rules);

// Names and catalog keys "telemetry.usage.<name>".
std::string_view usage_verdict_name(UsageVerdict verdict);
std::string_view usage_verdict_label_key(UsageVerdict verdict);

}  // namespace madoguchi::telemetry
