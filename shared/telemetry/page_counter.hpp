#pragma once
// Page counters (カウンター) between two samples: the pages printed, with a Counter32 wrap
// told apart from a reset or a replaced board (the counter going backwards).
//
// Sources: RFC 3805 prtMarkerLifeCount (Counter32) and prtMarkerCounterUnit
// (PrtMarkerCounterUnitTC: impressions 7, sheets 8, …); Ricoh's counters by function,
// 1.3.6.1.4.1.367.3.2.1.2.19.5.1.9.<n> named by column .5 ("Counter:Print:Total").
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "telemetry/oddity.hpp"

namespace madoguchi::telemetry {

// One reading of a page counter.
struct CounterSample {
    calendar::Instant at;
    // prtMarkerLifeCount 1.3.6.1.2.1.43.10.2.1.4.<hrDeviceIndex>.<marker>, or a Ricoh counter;
    // empty when the agent had none or answered another type.
    std::optional<std::int64_t> value;
};

struct CounterRules {
    bool counter32 = true;  // prtMarkerLifeCount wraps at 2^32; Ricoh's Integer32 counters do not
    // The fastest the device prints (an IM C3510 does 35 pages a minute); more pages than this
    // between two samples is not printing but a garbled or replaced counter.
    std::int64_t max_pages_per_hour = 35 * 60;
};

enum class CounterChange {
    counted,     // pages = the difference
    wrapped,     // a Counter32 passed 2^32 − 1 and started again from 0
    reset,       // went backwards: reset or replaced; no pages counted, flagged for review
    jump,        // more than the device can print in the time: not counted, flagged
    unreadable,  // one of the two values is missing or negative: nothing counted
};

struct CounterDelta {
    std::int64_t pages = 0;
    CounterChange change = CounterChange::unreadable;
    std::vector<Oddity> oddities;
};

// The pages between `previous` and `current`. A reset counts nothing rather than guessing,
// so a bill never includes pages nobody can show; the next sample counts from the new value.
CounterDelta counter_delta(const CounterSample& previous, const CounterSample& current, const CounterRules& rules);

// Whether a prtMarkerCounterUnit counts pages (impressions 7, sheets 8); a marker counting
// meters or hours is not billed or compared as pages.
bool counts_pages(std::optional<std::int64_t> counter_unit);

// The functions Ricoh counts pages by (counter names in column .5 of its counter table).
enum class CounterFunction {
    machine_total,  // "Counter: Machine Total"
    copy,           // "Counter:Copy:Total"
    print,          // "Counter:Print:Total"
    fax,            // "Counter:FAX:Total" (received faxes printed)
    scan,           // "Counter:Transmission:Total" (scans and faxes sent)
};
// The function of a total counter by its name, ignoring case and spaces; empty for the
// breakdowns ("Counter:Print:Full Color") and names not known. Names as monitoring tools
// (FusionInventory, several Ricoh counter readers) list them, Ricoh publishing no MIB text.
std::optional<CounterFunction> ricoh_counter_function(std::string_view name);

// Names ("reset", "print") and catalog keys "telemetry.counter.<name>",
// "telemetry.counter_function.<name>".
std::string_view counter_change_name(CounterChange change);
std::string_view counter_change_label_key(CounterChange change);
std::string_view counter_function_name(CounterFunction function);
std::string_view counter_function_label_key(CounterFunction function);

}  // namespace madoguchi::telemetry
