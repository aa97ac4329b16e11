#pragma once
// Toasts: short confirmations and failures in the bottom-right corner that go away by
// themselves (failures stay longer) or when clicked. The newest is at the bottom.
#include <chrono>
#include <deque>
#include <string>

#include "i18n/catalog.hpp"

namespace madoguchi::client {

enum class ToastKind { success, failure };

class Toasts {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr auto success_lifetime = std::chrono::seconds(4);
    static constexpr auto failure_lifetime = std::chrono::seconds(8);
    static constexpr std::size_t most_shown = 4;  // older ones make room

    struct Toast {
        ToastKind kind;
        std::string message_key;  // catalog key
        Clock::time_point expires_at;
        std::string detail;  // shown after the message as is: a record number, a title
    };

    void show(ToastKind kind, std::string message_key, Clock::time_point now, std::string detail = {});
    void expire(Clock::time_point now);
    void dismiss(std::size_t index);
    const std::deque<Toast>& shown() const { return toasts_; }

private:
    std::deque<Toast> toasts_;
};

// Draws the toasts over everything else; a click on one dismisses it.
void draw_toasts(Toasts& toasts, i18n::Language language);

}  // namespace madoguchi::client
