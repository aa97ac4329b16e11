#include "telemetry/page_counter.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "text/search_fold.hpp"
#include "tickets/named_values.hpp"

namespace madoguchi::telemetry {

namespace {

constexpr std::int64_t counter32_modulus = std::int64_t{1} << 32;
constexpr std::int64_t unit_impressions = 7;
constexpr std::int64_t unit_sheets = 8;

constexpr std::array<tickets::Named<CounterChange>, 5> change_texts{{
    {CounterChange::counted, "counted", "telemetry.counter.counted"},
    {CounterChange::wrapped, "wrapped", "telemetry.counter.wrapped"},
    {CounterChange::reset, "reset", "telemetry.counter.reset"},
    {CounterChange::jump, "jump", "telemetry.counter.jump"},
    {CounterChange::unreadable, "unreadable", "telemetry.counter.unreadable"},
}};

constexpr std::array<tickets::Named<CounterFunction>, 5> function_texts{{
    {CounterFunction::machine_total, "machine_total", "telemetry.counter_function.machine_total"},
    {CounterFunction::copy, "copy", "telemetry.counter_function.copy"},
    {CounterFunction::print, "print", "telemetry.counter_function.print"},
    {CounterFunction::fax, "fax", "telemetry.counter_function.fax"},
    {CounterFunction::scan, "scan", "telemetry.counter_function.scan"},
}};
static_assert(tickets::in_enum_order(change_texts) && tickets::in_enum_order(function_texts));

// Ricoh's counter names as fold_for_search leaves them: lower-case, without spaces.
constexpr std::array<std::pair<std::string_view, CounterFunction>, 6> ricoh_counter_names{{
    {"counter:machinetotal", CounterFunction::machine_total},
    {"counter:copy:total", CounterFunction::copy},
    {"counter:print:total", CounterFunction::print},
    {"counter:fax:total", CounterFunction::fax},
    {"counter:faxtotal", CounterFunction::fax},
    {"counter:transmission:total", CounterFunction::scan},
}};

// Pages the device could print between the two instants; a sample without time between
// still allows one page, so two polls in the same second do not flag a jump.
std::int64_t most_pages(const CounterSample& previous, const CounterSample& current, const CounterRules& rules) {
    const auto seconds = current.at.unix_seconds - previous.at.unix_seconds;
    const auto per_hour = std::clamp<std::int64_t>(rules.max_pages_per_hour, 1, 1'000'000);
    // Seconds beyond ten years change nothing a counter can show and would overflow below.
    const auto bounded = seconds < 10LL * 366 * 86400 ? seconds : 10LL * 366 * 86400;
    return 1 + bounded * per_hour / 3600;
}

}  // namespace

CounterDelta counter_delta(const CounterSample& previous, const CounterSample& current, const CounterRules& rules) {
    CounterDelta delta;
    if (!previous.value || !current.value) return delta;
    if (*previous.value < 0 || *current.value < 0) {
        note(delta.oddities, Oddity::counter_negative);
        return delta;
    }
    if (current.at <= previous.at) {
        note(delta.oddities, Oddity::sample_out_of_order);
        return delta;
    }
    const auto limit = most_pages(previous, current, rules);
    if (*current.value >= *previous.value) {
        const auto pages = *current.value - *previous.value;
        if (pages > limit) {
            delta.change = CounterChange::jump;
            note(delta.oddities, Oddity::counter_jump);
            return delta;
        }
        delta.pages = pages;
        delta.change = CounterChange::counted;
        return delta;
    }
    // Backwards. A Counter32 near its top that came round by a plausible number of pages has
    // wrapped; anything else was reset or replaced.
    if (rules.counter32 && *previous.value < counter32_modulus && *current.value < counter32_modulus) {
        const auto pages = counter32_modulus - *previous.value + *current.value;
        if (pages <= limit) {
            delta.pages = pages;
            delta.change = CounterChange::wrapped;
            return delta;
        }
    }
    delta.change = CounterChange::reset;
    note(delta.oddities, Oddity::counter_backwards);
    return delta;
}

bool counts_pages(std::optional<std::int64_t> counter_unit) {
    return counter_unit == unit_impressions || counter_unit == unit_sheets;
}

std::optional<CounterFunction> ricoh_counter_function(std::string_view name) {
    // Counter names are short ASCII; a longer answer is garbage and names nothing.
    if (name.size() > 64) return std::nullopt;
    const auto key = text::fold_for_search(name);
    for (const auto& [known, function] : ricoh_counter_names)
        if (key == known) return function;
    return std::nullopt;
}

std::string_view counter_function_name(CounterFunction function) {
    return tickets::named(function_texts, function).name;
}
std::string_view counter_function_label_key(CounterFunction function) {
    return tickets::named(function_texts, function).label_key;
}

std::string_view counter_change_name(CounterChange change) { return tickets::named(change_texts, change).name; }
std::string_view counter_change_label_key(CounterChange change) {
    return tickets::named(change_texts, change).label_key;
}

}  // namespace madoguchi::telemetry
