#pragma once
// Which data kinds the poll job reads from each device, on what schedule (configuration, not
// code): status and supplies every few minutes, counters hourly, firmware daily. A poll asks a
// device only for the kinds due from it (reading_builder.hpp).
#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace madoguchi::server::telemetry {

// Stored in telemetry_samples.kind.
enum class SampleKind { status = 1, supplies = 2, counters = 3, firmware = 4 };
inline constexpr std::array all_sample_kinds{SampleKind::status, SampleKind::supplies, SampleKind::counters,
                                             SampleKind::firmware};
std::string_view sample_kind_name(SampleKind kind);

struct PollSchedule {
    std::chrono::minutes status{5};
    std::chrono::minutes supplies{5};
    std::chrono::minutes counters{60};
    std::chrono::minutes firmware{24 * 60};

    std::chrono::minutes interval(SampleKind kind) const;
    // The poll job wakes at the shortest interval.
    std::chrono::minutes tick() const;
};

// "status=5,supplies=5,counters=60,firmware=1440" (minutes, any subset); nullopt when malformed.
std::optional<PollSchedule> parse_poll_schedule(std::string_view text);

struct KindsDue {
    std::array<bool, 4> due{};
    bool any() const { return due[0] || due[1] || due[2] || due[3]; }
    bool contains(SampleKind kind) const { return due[static_cast<std::size_t>(kind) - 1]; }
    std::string names() const;  // "status,supplies"
    KindsDue& operator|=(const KindsDue& other);
};

// When each kind was last read from a device (nullopt: never), by SampleKind - 1.
using KindTimes = std::array<std::optional<std::chrono::system_clock::time_point>, 4>;
// `kinds` read at `at`, as record_cycle stores it for a device that answered.
void note_read(KindTimes& times, const KindsDue& kinds, std::chrono::system_clock::time_point at);

// The kinds due from one device in the poll job's tick that starts at `now`. Status and supplies
// (an interval of one tick) are due every tick. A longer interval has a turn per device, a fixed
// point within it set by the device's id, so the fleet's hourly counters and daily firmware
// spread over the ticks instead of all falling in one (which would make that tick's cycle the
// slowest by far); the kind is due at the first tick at or after each turn unless read since
// the turn, and so at once when never read, and on every tick after a turn the device missed
// (offline, or the server stopped) until it answers.
KindsDue device_kinds_due(const PollSchedule& schedule, std::int64_t device_id,
                          std::chrono::system_clock::time_point now, const KindTimes& last_read);
KindsDue every_kind();
// "status,supplies" → those kinds; nullopt for an unknown name or an empty list.
std::optional<KindsDue> parse_kinds(std::string_view text);

}  // namespace madoguchi::server::telemetry
