#pragma once
#include "calendar/tokyo_time.hpp"

namespace madoguchi::client {
class App;
// The main window: header with language and date settings, navigation, the current area.
void draw_app(App& app, calendar::Instant now);
}  // namespace madoguchi::client
