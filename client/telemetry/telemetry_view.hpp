#pragma once
#include "calendar/tokyo_time.hpp"

namespace madoguchi::client {

class App;

// テレメトリ: the fleet (with a device's detail) and the anomalies to review, as tabs.
void draw_telemetry_page(App& app, calendar::Instant now);

}  // namespace madoguchi::client
