#pragma once
// The new-request form: kind, the device (move, remove) or class and model (install), the
// target location and division (install, move), the desired date with the kit's date
// picker, and the reason; inline errors from the shared validation and the server.
#include "calendar/tokyo_time.hpp"
#include "placement/placement_page.hpp"

namespace madoguchi::client {

class App;

void draw_request_form(App& app, PlacementPage& page, calendar::Instant now);

}  // namespace madoguchi::client
