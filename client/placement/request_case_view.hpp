#pragma once
// The opened request: its fields, the checklist (checkboxes for the desk), the moves open to
// the user as buttons, the move dialog and the timeline.
#include "calendar/tokyo_time.hpp"
#include "placement/placement_page.hpp"

namespace madoguchi::client {

class App;

void draw_request_case(App& app, PlacementPage& page, calendar::Instant now);

}  // namespace madoguchi::client
