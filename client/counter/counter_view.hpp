#pragma once
// The lending counter's screen (窓口): one scan field that always has the keyboard, the verdict
// of the last scan in colour, the person being served and the devices read. In kiosk mode it
// fills the screen in large type with nothing else to wander off to.
#include <chrono>

namespace madoguchi::client {

class App;

void draw_counter(App& app, std::chrono::system_clock::time_point now);

}  // namespace madoguchi::client
