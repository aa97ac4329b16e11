#pragma once
#include "calendar/tokyo_time.hpp"

namespace madoguchi::client {

class App;

// One device's telemetry in full, with a way back to the fleet and "今すぐ取得" for the desk.
void draw_device_telemetry(App& app, calendar::Instant now);

}  // namespace madoguchi::client
