#pragma once
#include "calendar/tokyo_time.hpp"

namespace madoguchi::client {

class App;

// 貸出: the request form, one's own requests, the queue (for approvers) and the calendar as tabs.
void draw_lending_page(App& app, calendar::Instant now);

}  // namespace madoguchi::client
