#pragma once

#include "calendar/tokyo_time.hpp"

namespace madoguchi::client {

class App;

// 自分の貸出: one's own requests and loans, with cancel behind a confirm, an overdue badge,
// and per loan its extensions, reminders and an ask for a later due date.
void draw_my_loans(App& app, calendar::Instant now);

}  // namespace madoguchi::client
