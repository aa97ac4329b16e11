#include "app/app.hpp"

#include <algorithm>

#include "app/app_view.hpp"
#include "ui/item_registry.hpp"
#include "ui/text_entry.hpp"

namespace madoguchi::client {

namespace {
constexpr std::int64_t probe_interval_seconds = 2;
}

App::App(ApiClient& api, DraftStore& drafts)
    : api_(api), drafts_(drafts), outbox_(drafts, api), inquiry_form_(drafts, outbox_) {
    outbox_.add_route(inquiry_form_name, {"/api/v1/inquiries", "/inquiry/number", "inquiry.sent_toast",
                                          "inquiry.needs_changes", "inquiry.rejected"});
}

void App::frame(calendar::Instant now) {
    start_text_entry_frame();
    api_.drain();
    watch_connection(now);
    if (counter_.update(std::chrono::system_clock::now())) counter_input_.clear();
    if (drafts_.loaded()) {
        const auto steady_now = Toasts::Clock::now();
        inquiry_form_.update(steady_now);
        outbox_.update(steady_now);
        deliver_outbox();
    }
    dashboard_.update(api_, now);
    toasts_.expire(Toasts::Clock::now());
    draw_app(*this, now);
    finish_item_frame();
    if (dashboard_.has_data()) ready_ = true;
}

// While the server is unreachable and nothing else is trying, ask it for its health every
// few seconds, so the banner goes away as soon as it answers again.
void App::watch_connection(calendar::Instant now) {
    if (was_offline_ && !api_.offline()) {
        toasts_.show(ToastKind::success, "connection.restored", Toasts::Clock::now());
        outbox_.send_all(Toasts::Clock::now());
    }
    was_offline_ = api_.offline();
    if (!api_.offline() || api_.in_flight() > 0 || now < next_probe_) return;
    next_probe_ = calendar::Instant{now.unix_seconds + probe_interval_seconds};
    api_.get("/api/v1/health", [](const ApiResult&) {});
}

// Tells the user what became of each submission, also of those sent after a reload.
void App::deliver_outbox() {
    const auto now = Toasts::Clock::now();
    for (const auto& event : outbox_.take_events()) {
        const bool sent = event.kind == OutboxEvent::Kind::sent;
        toasts_.show(sent ? ToastKind::success : ToastKind::failure, event.message_key, now,
                     sent ? event.receipt : event.title);
    }
}

void App::set_terminal(const TerminalSettings& settings) {
    terminal_ = settings;
    terminal_.idle_seconds = std::clamp(settings.idle_seconds, TerminalSettings::shortest_idle_seconds,
                                        TerminalSettings::longest_idle_seconds);
    counter_ = CounterSession(terminal_.idle_seconds);
    if (terminal_.kiosk) area_ = Area::counter;
}

float App::text_scale() const {
    const int percent = terminal_.kiosk ? std::max(preferences_.text_percent, TerminalSettings::kiosk_text_percent)
                                        : preferences_.text_percent;
    return static_cast<float>(percent) / 100.0F;
}

void App::note_input() { counter_.activity(std::chrono::system_clock::now()); }

std::vector<bool> App::take_sounds() {
    std::vector<bool> taken;
    taken.swap(sounds_);
    return taken;
}

}  // namespace madoguchi::client
