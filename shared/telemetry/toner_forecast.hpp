#pragma once
// トナーの配送: per device and colour, how fast the toner goes, when it runs out, and whether
// to order a cartridge now. A forecast is a pure function of the level samples the poller
// stored, so the server and the client compute the same days-to-empty.
#include <optional>
#include <span>
#include <string_view>

#include "calendar/tokyo_time.hpp"
#include "telemetry/supply.hpp"

namespace madoguchi::telemetry {

// One stored reading of one colour's toner (read_supply / read_ricoh_toner).
struct LevelSample {
    calendar::Instant at;
    LevelState state = LevelState::unknown;
    std::optional<int> percent;  // when measured
};

struct ForecastRules {
    // A rise of at least this many points is a new cartridge; smaller rises are the sensor's
    // noise (levels wobble by a few points as toner settles).
    int replacement_rise = 30;
    int window_days = 30;     // consumption is measured over the last days of the current cartridge
    int min_days = 3;         // days with readings needed before a rate is given
};

struct TonerForecast {
    std::optional<int> level;                   // the last measured level
    bool near_empty = false;                    // the last reading was Ricoh's near-empty
    std::optional<double> percent_per_day;      // consumption over the window, ≥ 0
    std::optional<double> days_to_empty;        // from `now`, when the toner is being used
    // The last new cartridge: a rise of replacement_rise confirmed by the reading after it.
    std::optional<calendar::Instant> replaced_at;
};

// `samples` in time order (samples out of order are skipped). The rate is the Theil–Sen
// slope (median of pairwise slopes) through each Tokyo day's median level, over the window
// since the last replacement: a wobbling reading or one bad day does not move it, and the
// jump of a replacement is never taken for negative consumption.
TonerForecast forecast_toner(std::span<const LevelSample> samples, calendar::Instant now, const ForecastRules& rules);

struct OrderRules {
    double lead_time_days = 5;  // a delivery takes this long: order when fewer days are left
    int order_at_percent = 10;  // or when the level is at or below this
};

enum class OrderReason {
    none,             // no order needed
    lead_time,        // days to empty below the lead time
    level_threshold,  // level at or below the threshold
    near_empty,       // the device says near empty
    order_open,       // one of the above, but an order is already open: no duplicate
};

struct OrderDecision {
    bool order = false;
    OrderReason reason = OrderReason::none;
};

OrderDecision decide_order(const TonerForecast& forecast, bool order_open, const OrderRules& rules);

// Names and catalog keys "telemetry.order_reason.<name>".
std::string_view order_reason_name(OrderReason reason);
std::string_view order_reason_label_key(OrderReason reason);

}  // namespace madoguchi::telemetry
