#pragma once
// The staff inquiry page: the form with FAQ suggestions, this device's drafts, the outbox and
// what was sent; beside it, 自分の問い合わせ.
#include <optional>
#include <string>

#include "api/api_client.hpp"
#include "calendar/tokyo_time.hpp"
#include "tickets/faq_suggestions.hpp"
#include "tickets/my_tickets.hpp"
#include "ui/confirm_dialog.hpp"

namespace madoguchi::client {

class App;

// What the page keeps between frames: a deletion waiting for the user's confirmation, the
// FAQ suggestions and the user's own inquiries.
struct InquiryPageState {
    explicit InquiryPageState(ApiClient& api) : faq(api), mine(api) {}

    ConfirmDialog confirm;
    std::optional<std::string> pending_delete;  // a draft id; empty string: the form's own draft
    FaqSuggestions faq;
    MyTickets mine;
    bool showing_mine = false;  // 自分の問い合わせ is the open tab
    bool select_mine = false;   // bring 自分の問い合わせ to the front next frame (a notification was opened)
};

void draw_inquiry_page(App& app, calendar::Instant now);

}  // namespace madoguchi::client
