#pragma once
#include "calendar/tokyo_time.hpp"

namespace madoguchi::client {

class App;

// 返却予約一覧: the day and counter to show, the count of bookings and devices, then each
// booking by slot with its loan, borrower and tags.
void draw_return_bookings(App& app, calendar::Instant now);

}  // namespace madoguchi::client
