#pragma once
// One visit at the lending counter (窓口): the person's staff card is scanned first, then the
// devices they hand over or take. Every scan gets an immediate verdict (accepted or refused,
// with a reason to show and a sound to play), and a counter left alone goes back to its start
// screen after an idle time measured on the wall clock, so a forgotten visit never stays open
// for the next person. Loans themselves come from the lending area.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::client {

struct ScanVerdict {
    bool accepted = false;
    std::string message_key;  // catalog key of what to show
    std::string code;         // the code as read (normalised)
    std::chrono::system_clock::time_point shown_until;
};

class CounterSession {
public:
    using WallClock = std::chrono::system_clock;
    enum class Screen { start, person };
    static constexpr int default_idle_seconds = 90;
    static constexpr int warning_seconds = 10;  // the countdown shows this long before a reset
    static constexpr std::chrono::seconds verdict_shown{4};

    explicit CounterSession(int idle_seconds = default_idle_seconds) : idle_(idle_seconds) {}

    ScanVerdict scan(std::string_view raw, WallClock::time_point now);
    // Any input from the person or the operator keeps the visit open.
    void activity(WallClock::time_point now) { last_activity_ = now; }
    // Goes back to the start screen when idle for too long; true when it did.
    bool update(WallClock::time_point now);
    // Whole seconds left before an idle reset, while the warning is due.
    std::optional<int> reset_countdown(WallClock::time_point now) const;
    void finish();

    Screen screen() const { return screen_; }
    const std::string& staff_id() const { return staff_id_; }
    const std::vector<std::string>& tags() const { return tags_; }
    // The latest verdict while it is still to be shown.
    std::optional<ScanVerdict> verdict(WallClock::time_point now) const;
    int idle_seconds() const { return static_cast<int>(idle_.count()); }

private:
    ScanVerdict judge(std::string_view raw);

    std::chrono::seconds idle_;
    Screen screen_ = Screen::start;
    std::string staff_id_;
    std::vector<std::string> tags_;
    std::optional<ScanVerdict> verdict_;
    WallClock::time_point last_activity_{};
};

}  // namespace madoguchi::client
