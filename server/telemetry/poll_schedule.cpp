#include "telemetry/poll_schedule.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <vector>

namespace madoguchi::server::telemetry {

std::string_view sample_kind_name(SampleKind kind) {
    switch (kind) {
    case SampleKind::status: return "status";
    case SampleKind::supplies: return "supplies";
    case SampleKind::counters: return "counters";
    case SampleKind::firmware: return "firmware";
    }
    return "status";
}

namespace {

// "a,b,c" → {"a", "b", "c"}; "" → {}.
std::vector<std::string_view> split_list(std::string_view text) {
    std::vector<std::string_view> items;
    while (!text.empty()) {
        const auto comma = text.find(',');
        items.push_back(text.substr(0, comma));
        text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    }
    return items;
}

}  // namespace

std::chrono::minutes PollSchedule::interval(SampleKind kind) const {
    switch (kind) {
    case SampleKind::status: return status;
    case SampleKind::supplies: return supplies;
    case SampleKind::counters: return counters;
    case SampleKind::firmware: return firmware;
    }
    return status;
}

std::chrono::minutes PollSchedule::tick() const { return std::min({status, supplies, counters, firmware}); }

std::optional<PollSchedule> parse_poll_schedule(std::string_view text) {
    PollSchedule schedule;
    for (const auto item : split_list(text)) {
        const auto equals = item.find('=');
        if (equals == std::string_view::npos) return std::nullopt;
        const auto name = item.substr(0, equals);
        const auto digits = item.substr(equals + 1);
        int minutes = 0;
        const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), minutes);
        if (error != std::errc{} || end != digits.data() + digits.size() || minutes < 1 || minutes > 7 * 24 * 60) {
            return std::nullopt;
        }
        std::chrono::minutes* field = nullptr;
        if (name == "status") field = &schedule.status;
        else if (name == "supplies") field = &schedule.supplies;
        else if (name == "counters") field = &schedule.counters;
        else if (name == "firmware") field = &schedule.firmware;
        if (field == nullptr) return std::nullopt;
        *field = std::chrono::minutes{minutes};
    }
    return schedule;
}

std::string KindsDue::names() const {
    std::string text;
    for (const auto kind : all_sample_kinds) {
        if (!contains(kind)) continue;
        if (!text.empty()) text += ',';
        text += sample_kind_name(kind);
    }
    return text;
}

KindsDue& KindsDue::operator|=(const KindsDue& other) {
    for (std::size_t slot = 0; slot < due.size(); ++slot) due[slot] = due[slot] || other.due[slot];
    return *this;
}

void note_read(KindTimes& times, const KindsDue& kinds, std::chrono::system_clock::time_point at) {
    for (std::size_t slot = 0; slot < times.size(); ++slot) {
        if (kinds.due[slot]) times[slot] = at;
    }
}

namespace {

// The device's turn within `interval`: the fractional part of id × the golden ratio, which
// puts consecutive ids (the ledger's) evenly apart, whatever the fleet's size.
std::chrono::seconds turn_offset(std::int64_t device_id, std::chrono::seconds interval) {
    constexpr double golden_fraction = 0.6180339887498949;
    const double product = static_cast<double>(device_id) * golden_fraction;
    const double fraction = product - std::floor(product);
    return std::chrono::seconds{static_cast<std::int64_t>(fraction * static_cast<double>(interval.count()))};
}

}  // namespace

KindsDue device_kinds_due(const PollSchedule& schedule, std::int64_t device_id,
                          std::chrono::system_clock::time_point now, const KindTimes& last_read) {
    // A tick that starts a little early must not push a kind to the next one.
    constexpr std::chrono::seconds slack{30};
    const auto tick = schedule.tick();
    const auto reference = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()) + slack;
    KindsDue result;
    for (const auto kind : all_sample_kinds) {
        const auto slot = static_cast<std::size_t>(kind) - 1;
        const auto interval = std::chrono::duration_cast<std::chrono::seconds>(schedule.interval(kind));
        if (!last_read[slot]) {
            result.due[slot] = true;
        } else if (interval <= tick) {
            result.due[slot] = now - *last_read[slot] + slack >= interval;
        } else {
            // The device's latest turn, and whether it was read since: a turn is read at the first
            // tick at or after it, which then counts as read at it (the tick's start, up to the
            // slack before the turn).
            auto since_turn = (reference - turn_offset(device_id, interval)) % interval;
            if (since_turn.count() < 0) since_turn += interval;
            const std::chrono::system_clock::time_point turn{reference - since_turn};
            result.due[slot] = *last_read[slot] + slack < turn;
        }
    }
    return result;
}

KindsDue every_kind() { return KindsDue{{true, true, true, true}}; }

std::optional<KindsDue> parse_kinds(std::string_view text) {
    KindsDue kinds;
    for (const auto name : split_list(text)) {
        const auto known = std::find_if(all_sample_kinds.begin(), all_sample_kinds.end(),
                                        [&](SampleKind kind) { return sample_kind_name(kind) == name; });
        if (known == all_sample_kinds.end()) return std::nullopt;
        kinds.due[static_cast<std::size_t>(*known) - 1] = true;
    }
    if (!kinds.any()) return std::nullopt;
    return kinds;
}

}  // namespace madoguchi::server::telemetry
