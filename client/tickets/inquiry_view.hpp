#pragma once
// The staff inquiry page: the form, this device's drafts, the outbox and what was sent.
#include <optional>
#include <string>

#include "calendar/tokyo_time.hpp"
#include "ui/confirm_dialog.hpp"

namespace madoguchi::client {

class App;

// What the page keeps between frames: a deletion waiting for the user's confirmation.
struct InquiryPageState {
    ConfirmDialog confirm;
    std::optional<std::string> pending_delete;  // a draft id; empty string: the form's own draft
};

void draw_inquiry_page(App& app, calendar::Instant now);

}  // namespace madoguchi::client
