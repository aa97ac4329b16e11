#pragma once
// 設置申請: install / move / remove requests — the list the user may see, the opened request
// (checklist, moves, timeline) or the new-request form beside it.
#include "calendar/tokyo_time.hpp"

namespace madoguchi::client {

class App;

void draw_placement_page(App& app, calendar::Instant now);

}  // namespace madoguchi::client
