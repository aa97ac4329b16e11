#pragma once

#include "calendar/tokyo_time.hpp"

namespace madoguchi::client {

class App;

// 紛失・盗難の届出: the report form over one's devices on loan, and the reports already made
// with their security incidents and the remote wipe note.
void draw_loss_report(App& app, calendar::Instant now);

}  // namespace madoguchi::client
