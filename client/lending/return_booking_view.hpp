#pragma once
#include "calendar/civil_date.hpp"

namespace madoguchi::client {

class App;
class ReturnBooking;

// 返却予約 under an opened loan: the booking with its cancel, or the counter, the day and the
// day's slots as buttons (a full or begun slot disabled, the places left beside each).
void draw_return_booking(App& app, ReturnBooking& booking, const calendar::Date& today);

}  // namespace madoguchi::client
