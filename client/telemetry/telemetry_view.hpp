#pragma once
#include "calendar/tokyo_time.hpp"

namespace madoguchi::client {

class App;

// テレメトリ: the fleet (with a device's detail), the anomalies to review, toner orders,
// firmware, billing and the chatbot's availability, as tabs, each shown to the roles its API
// answers.
void draw_telemetry_page(App& app, calendar::Instant now);

}  // namespace madoguchi::client
