#pragma once
// Which data kinds a poll stores, on what schedule (configuration, not code): status and
// supplies every few minutes, counters hourly, firmware daily. Every poll reads all of them
// (one or two GETBULKs per printer); the schedule decides which become samples.
#include <array>
#include <chrono>
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

// The kinds due at `now` given when each was last sampled (nullopt: never).
struct KindsDue {
    std::array<bool, 4> due{};
    bool any() const { return due[0] || due[1] || due[2] || due[3]; }
    bool contains(SampleKind kind) const { return due[static_cast<std::size_t>(kind) - 1]; }
    std::string names() const;  // "status,supplies"
};
KindsDue kinds_due(const PollSchedule& schedule, std::chrono::system_clock::time_point now,
                   const std::array<std::optional<std::chrono::system_clock::time_point>, 4>& last_sampled);
KindsDue every_kind();
// "status,supplies" → those kinds; nullopt for an unknown name or an empty list.
std::optional<KindsDue> parse_kinds(std::string_view text);

}  // namespace madoguchi::server::telemetry
