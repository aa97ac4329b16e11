#include "app/app.hpp"

#include "app/app_view.hpp"
#include "ui/item_registry.hpp"
#include "ui/text_entry.hpp"

namespace madoguchi::client {

namespace {
constexpr std::int64_t probe_interval_seconds = 2;
}

void App::frame(calendar::Instant now) {
    start_text_entry_frame();
    api_.drain();
    watch_connection(now);
    dashboard_.update(api_, now);
    toasts_.expire(Toasts::Clock::now());
    draw_app(*this, now);
    finish_item_frame();
    if (dashboard_.has_data()) ready_ = true;
}

// While the server is unreachable and nothing else is trying, ask it for its health every
// few seconds, so the banner goes away as soon as it answers again.
void App::watch_connection(calendar::Instant now) {
    if (was_offline_ && !api_.offline()) toasts_.show(ToastKind::success, "connection.restored", Toasts::Clock::now());
    was_offline_ = api_.offline();
    if (!api_.offline() || api_.in_flight() > 0 || now < next_probe_) return;
    next_probe_ = calendar::Instant{now.unix_seconds + probe_interval_seconds};
    api_.get("/api/v1/health", [](const ApiResult&) {});
}

}  // namespace madoguchi::client
