#pragma once

#include "calendar/tokyo_time.hpp"

namespace madoguchi::client {

class App;

// 課の貸出: a manager's list of the division's loans out, overdue ones marked.
void draw_division_loans(App& app, calendar::Instant now);

}  // namespace madoguchi::client
