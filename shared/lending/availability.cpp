#include "lending/availability.hpp"

#include <algorithm>
#include <cstdint>

namespace madoguchi::lending {
namespace {

// Day counts relative to `first`, one sweep over the holds and returns: a hold adds its
// quantity on its first day and takes it back after its last, so the cost is
// holds + returns + days, not their product.
std::vector<DayAvailability> sweep(const Pool& pool, const calendar::Date& first, std::int64_t length) {
    if (length <= 0) return {};
    const auto base = calendar::days_from_civil(first);
    std::vector<int> held_change(static_cast<std::size_t>(length) + 1, 0);
    std::vector<int> returning(static_cast<std::size_t>(length), 0);
    int returned_before = 0;
    for (const auto& hold : pool.holds) {
        const auto from = std::max<std::int64_t>(calendar::days_from_civil(hold.from) - base, 0);
        const auto until = std::min<std::int64_t>(calendar::days_from_civil(hold.until) - base, length - 1);
        if (from > until) continue;
        held_change[static_cast<std::size_t>(from)] += hold.quantity;
        held_change[static_cast<std::size_t>(until) + 1] -= hold.quantity;
    }
    for (const auto& expected : pool.returns) {
        const auto day = calendar::days_from_civil(expected.on) - base;
        if (day < 0) {
            returned_before += expected.quantity;
        } else if (day < length) {
            returning[static_cast<std::size_t>(day)] += expected.quantity;
        }
    }
    std::vector<DayAvailability> days;
    days.reserve(static_cast<std::size_t>(length));
    int held = 0;
    int devices = pool.devices + returned_before;
    for (std::int64_t day = 0; day < length; ++day) {
        const auto index = static_cast<std::size_t>(day);
        held += held_change[index];
        devices += returning[index];
        days.push_back({calendar::civil_from_days(base + day), std::max(devices - held, 0), held, returning[index]});
    }
    return days;
}

}  // namespace

std::vector<DayAvailability> availability(const Pool& pool, const calendar::Date& from, const calendar::Date& to) {
    return sweep(pool, from, calendar::days_from_civil(to) - calendar::days_from_civil(from) + 1);
}

bool can_lend(const Pool& pool, int quantity, const calendar::Date& start, const calendar::Date& due) {
    const auto days = availability(pool, start, due);
    return !days.empty() && std::all_of(days.begin(), days.end(), [&](const auto& d) { return d.available >= quantity; });
}

std::optional<calendar::Date> earliest_start(const Pool& pool, int quantity, int days, const calendar::Date& not_before,
                                             const calendar::Date& last_start) {
    if (days < 1 || last_start < not_before) return std::nullopt;
    const auto span = calendar::days_from_civil(last_start) - calendar::days_from_civil(not_before) + days;
    const auto line = sweep(pool, not_before, span);
    // Length of the run of days with enough devices ending at each day.
    int run = 0;
    for (std::size_t index = 0; index < line.size(); ++index) {
        run = line[index].available >= quantity ? run + 1 : 0;
        if (run >= days) return line[index + 1 - static_cast<std::size_t>(days)].date;
    }
    return std::nullopt;
}

}  // namespace madoguchi::lending
