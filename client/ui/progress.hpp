#pragma once
// Progress of a long operation: a tiny state machine (idle → running → finished, failed or
// cancelled) and its view: a bar with "n / m (p%)" when the total is known, a spinner when
// it is not, and an optional cancel button.
#include <string>
#include <string_view>

#include "i18n/catalog.hpp"

namespace madoguchi::client {

enum class ProgressState { idle, running, finished, failed, cancelled };

class ProgressModel {
public:
    // total 0: not known yet (indeterminate).
    void start(int total = 0);
    // Work done so far (clamped to 0..total); a new total may be learnt on the way. Only while running.
    void advance(int done, int total);
    void finish();
    void fail(std::string message_key);
    void cancel();

    ProgressState state() const { return state_; }
    bool running() const { return state_ == ProgressState::running; }
    bool determinate() const { return total_ > 0; }
    int done() const { return done_; }
    int total() const { return total_; }
    float fraction() const;  // 0..1; 0 while indeterminate
    int percent() const;     // rounded down, so 100 only when everything is done
    const std::string& failure_key() const { return failure_key_; }

private:
    ProgressState state_ = ProgressState::idle;
    int done_ = 0;
    int total_ = 0;
    std::string failure_key_;
};

// "42 / 120（35%）" or "42 of 120 (35%)"; the state's word when not running.
std::string progress_text(const ProgressModel& progress, i18n::Language language);

// Draws the indicator for `label` (the operation's name); true when cancel was pressed.
bool draw_progress(const char* label, const ProgressModel& progress, bool cancellable, i18n::Language language);

}  // namespace madoguchi::client
