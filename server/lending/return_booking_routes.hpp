#pragma once
// 返却予約 over HTTP: the free return slots of a counter on a day; the borrower books, moves
// and cancels the return of a loan that is out (the desk may cancel too); the desk's list of a
// day's bookings. A full slot is 409 slot_full with the day's slots still free; a slot that is
// no slot, has begun or falls on a closed day is 422 naming slot_at. Audited as
// loan_return_booking.booked and .cancelled.
#include <httplib.h>

#include "http/router.hpp"
#include "store/database.hpp"

namespace madoguchi::server::lending {

// GET /api/v1/lending/return-slots?location=&date=
void return_slots_route(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                        const http::RequestContext& context);
// GET, PUT, DELETE /api/v1/lending/requests/{id}/return-booking
void get_return_booking(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                        const http::RequestContext& context);
void book_return(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                 const http::RequestContext& context);
void cancel_return_booking(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                           const http::RequestContext& context);
// GET /api/v1/lending/return-bookings?date=&location=
void list_return_bookings_route(store::SharedDatabase& database, const httplib::Request& request,
                                httplib::Response& response, const http::RequestContext& context);

}  // namespace madoguchi::server::lending
