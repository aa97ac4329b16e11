#pragma once
// The staff inquiry page: the form, this device's drafts, the outbox and what was sent.
#include "calendar/tokyo_time.hpp"

namespace madoguchi::client {

class App;

void draw_inquiry_page(App& app, calendar::Instant now);

}  // namespace madoguchi::client
