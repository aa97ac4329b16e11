#pragma once
#include "calendar/tokyo_time.hpp"

namespace madoguchi::client {

class App;

// 在庫カレンダー: class and counter choices, the month's moves and the grid of free devices.
void draw_availability_calendar(App& app, calendar::Instant now);

}  // namespace madoguchi::client
