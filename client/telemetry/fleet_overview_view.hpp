#pragma once
#include "calendar/tokyo_time.hpp"

namespace madoguchi::client {

class App;

// フリート: state chips, the filter bar and one page of devices; a row opens the device's detail.
void draw_fleet_overview(App& app, calendar::Instant now);

}  // namespace madoguchi::client
