// 返却予約 of a loan out, against a scripted server: opening reads the booking and the slots of
// the counter the devices came from on the due date (or the first business day after it, or
// today once it has passed); a free slot is booked with the counter and the slot's instant;
// a slot someone else filled first is refused with the server's words and the slots are read
// again; a booking is cancelled; a slow answer for a day no longer chosen is dropped. The
// desk's list reads a day's bookings at a counter or all of them.
#include <catch2/catch.hpp>

#include "lending/my_loans.hpp"
#include "lending/return_booking.hpp"
#include "lending/return_bookings.hpp"
#include "lending_fixtures.hpp"
#include "scripted_transport.hpp"

using namespace madoguchi;
using i18n::Language;
using nlohmann::json;

namespace {

client::LoanRequestRecord loan(const std::string& due, const std::string& delivery = "pickup") {
    auto item = testing::loan_request_json(4, "staff", "on_loan", json::array({{{"id", 31}, {"asset_tag", "PRN-0031"}}}));
    item["due_date"] = due;
    item["delivery"] = delivery;
    if (delivery != "pickup") item["pickup_location_id"] = nullptr;
    return *client::request_from_json(item);
}

// Slots from 08:30 Tokyo (23:30 UTC the day before) on `date`, the first `begun` ones begun.
std::string slots_body(const std::string& date, const std::vector<int>& free, int begun = 0) {
    auto slots = json::array();
    const auto day = *calendar::parse_date(date);
    for (std::size_t index = 0; index < free.size(); ++index) {
        const auto at = calendar::from_tokyo(day, 8 * 3600 + 1800 + static_cast<int>(index) * 1800);
        slots.push_back({{"slot_at", calendar::format_iso8601_utc(at)}, {"free", free[index]},
                         {"begun", static_cast<int>(index) < begun}});
    }
    return json{{"date", date}, {"counter", {{"id", 7}, {"name", "別館 窓口"}}}, {"capacity", 4}, {"slots", slots}}.dump();
}

std::string booking_body(const std::string& slot_at) {
    return json{{"return_booking",
                 {{"request_id", 4}, {"counter", {{"id", 7}, {"name", "経済産業省 別館 1階 窓口"}}}, {"slot_at", slot_at},
                  {"booked_by", "staff"}, {"booked_at", "2026-12-08T01:00:00Z"}}}}
        .dump();
}

struct Booking {
    Booking() : transport(api) {}
    client::ApiClient api;
    testing::ScriptedTransport transport;
    client::ReturnBooking booking;
};

}  // namespace

TEST_CASE("opening a loan out reads its booking and the slots of its counter on the due date", "[lending][staff][return_booking]") {
    Booking b;
    b.booking.open(b.api, loan("2026-12-10"), calendar::Date{2026, 12, 8});
    REQUIRE(b.transport.waiting() == 2);
    CHECK(b.transport.next().path == "/api/v1/lending/requests/4/return-booking");
    b.transport.answer(200, json{{"return_booking", nullptr}}.dump());
    CHECK(b.transport.next().path == "/api/v1/lending/return-slots?location=7&date=2026-12-10");
    b.transport.answer(200, slots_body("2026-12-10", {4, 0, 2}));
    REQUIRE(b.booking.state() == client::ReturnBooking::State::loaded);
    CHECK_FALSE(b.booking.booking());
    CHECK(b.booking.counter() == 7);
    REQUIRE(b.booking.slots().size() == 3);
    CHECK(b.booking.slots()[0].bookable());
    CHECK_FALSE(b.booking.slots()[1].bookable());
    CHECK(b.booking.slots()[2].free == 2);
    CHECK(client::return_slot_text(b.booking.slots()[0].at, Language::ja, false) == "2026-12-10（木） 8:30〜9:00");
    CHECK(client::return_slot_text(b.booking.slots()[0].at, Language::ja, true) == "令和8年12月10日（木） 8:30〜9:00");
}

TEST_CASE("the first day offered is a business day: after a due date in the year-end closure, or today when overdue",
          "[lending][staff][return_booking]") {
    Booking b;
    b.booking.open(b.api, loan("2026-12-29"), calendar::Date{2026, 12, 8});
    b.transport.answer(200, json{{"return_booking", nullptr}}.dump());
    CHECK(b.transport.next().path == "/api/v1/lending/return-slots?location=7&date=2027-01-04");
    b.transport.answer(200, slots_body("2027-01-04", {4}));

    b.booking.open(b.api, loan("2026-12-10"), calendar::Date{2026, 12, 15});
    b.transport.answer(200, json{{"return_booking", nullptr}}.dump());
    CHECK(b.transport.next().path == "/api/v1/lending/return-slots?location=7&date=2026-12-15");
}

TEST_CASE("a shipped loan asks for the counter before any slot is read", "[lending][staff][return_booking]") {
    Booking b;
    b.booking.open(b.api, loan("2026-12-10", "shipping"), calendar::Date{2026, 12, 8});
    REQUIRE(b.transport.waiting() == 1);
    b.transport.answer(200, json{{"return_booking", nullptr}}.dump());
    CHECK(b.booking.counter() == 0);
    CHECK(b.booking.slots().empty());
    CHECK_FALSE(b.booking.closed_day());
    b.booking.choose_counter(b.api, 9);
    CHECK(b.transport.next().path == "/api/v1/lending/return-slots?location=9&date=2026-12-10");
}

TEST_CASE("a free slot is booked, and the booking can be cancelled", "[lending][staff][return_booking]") {
    Booking b;
    b.booking.open(b.api, loan("2026-12-10"), calendar::Date{2026, 12, 8});
    b.transport.answer(200, json{{"return_booking", nullptr}}.dump());
    b.transport.answer(200, slots_body("2026-12-10", {4, 4}));
    const auto slot = b.booking.slots()[1].at;
    b.booking.book(b.api, slot);
    CHECK(b.booking.sending());
    b.booking.book(b.api, slot);  // a second click while the first is on its way sends nothing
    REQUIRE(b.transport.waiting() == 1);
    const auto sent = b.transport.next();
    CHECK(sent.method == "PUT");
    CHECK(sent.path == "/api/v1/lending/requests/4/return-booking");
    CHECK(json::parse(sent.body) == json{{"counter_location_id", 7}, {"slot_at", "2026-12-10T00:00:00Z"}});
    b.transport.answer(201, booking_body("2026-12-10T00:00:00Z"));
    REQUIRE(b.booking.booking());
    CHECK(b.booking.booking()->counter_name == "経済産業省 別館 1階 窓口");
    CHECK(b.booking.take_booked() == slot);
    CHECK_FALSE(b.booking.take_booked());
    // The slots are read again, so the place just taken shows.
    CHECK(b.transport.next().path == "/api/v1/lending/return-slots?location=7&date=2026-12-10");
    b.transport.answer(200, slots_body("2026-12-10", {4, 3}));
    CHECK(b.booking.slots()[1].free == 3);

    b.booking.cancel(b.api);
    CHECK(b.transport.next().method == "DELETE");
    b.transport.answer(204, "");
    CHECK_FALSE(b.booking.booking());
    CHECK(b.booking.take_cancelled());
    CHECK(b.booking.error(Language::ja).empty());
}

TEST_CASE("a slot filled by someone else first is refused in the server's words and the slots are read again",
          "[lending][staff][return_booking]") {
    Booking b;
    b.booking.open(b.api, loan("2026-12-10"), calendar::Date{2026, 12, 8});
    b.transport.answer(200, json{{"return_booking", nullptr}}.dump());
    b.transport.answer(200, slots_body("2026-12-10", {1, 4}));
    b.booking.book(b.api, b.booking.slots()[0].at);
    b.transport.answer(409, json{{"error",
                                  {{"code", "slot_full"},
                                   {"message", "That slot is fully booked; choose another one."},
                                   {"message_ja", "この時間帯の返却予約はいっぱいです。空いている時間帯を選んでください。"},
                                   {"fields", {{"slot_at", "That slot is fully booked; choose another one."}}}}},
                                 {"free_slots", {"2026-12-10T00:00:00Z"}}}
                                .dump());
    CHECK_FALSE(b.booking.booking());
    CHECK_FALSE(b.booking.take_booked());
    CHECK(b.booking.error(Language::ja) == "この時間帯の返却予約はいっぱいです。空いている時間帯を選んでください。");
    CHECK(b.transport.next().path == "/api/v1/lending/return-slots?location=7&date=2026-12-10");
    b.transport.answer(200, slots_body("2026-12-10", {0, 4}));
    CHECK_FALSE(b.booking.slots()[0].bookable());
}

TEST_CASE("slots of a day no longer chosen are dropped, and a closed day says so", "[lending][staff][return_booking]") {
    Booking b;
    b.booking.open(b.api, loan("2026-12-10"), calendar::Date{2026, 12, 8});
    b.transport.answer(200, json{{"return_booking", nullptr}}.dump());
    // The borrower picks Saturday before the due date's slots arrive.
    b.booking.day().set(calendar::Date{2026, 12, 12});
    b.booking.choose_day(b.api);
    b.transport.answer(200, slots_body("2026-12-10", {4, 4}));
    CHECK(b.booking.slots().empty());
    CHECK(b.booking.slots_loading());
    CHECK(b.transport.next().path == "/api/v1/lending/return-slots?location=7&date=2026-12-12");
    b.transport.answer(200, slots_body("2026-12-12", {}));
    CHECK(b.booking.closed_day());
}

TEST_CASE("my loans open the booking only for a loan out, and close it once the loan is back",
          "[lending][staff][return_booking]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    client::MyLoans mine;
    auto out = testing::loan_request_json(4, "staff", "on_loan");
    mine.accept({client::ApiResult::Kind::ok, 200, json{{"requests", {out}}}.dump(), {}, 0}, "staff");
    mine.open_loan(api, *mine.find(4), calendar::Date{2026, 12, 8});
    CHECK(mine.return_booking.request_id() == 4);
    out["state"] = "returned";
    mine.accept({client::ApiResult::Kind::ok, 200, json{{"requests", {out}}}.dump(), {}, 0}, "staff");
    CHECK(mine.return_booking.request_id() == 0);
    mine.open_loan(api, *mine.find(4), calendar::Date{2026, 12, 8});
    CHECK(mine.return_booking.state() == client::ReturnBooking::State::closed);
}

TEST_CASE("the desk's list reads today's bookings at every counter, then one counter's", "[lending][desk][return_booking]") {
    client::ApiClient api;
    testing::ScriptedTransport transport(api);
    client::ReturnBookingList list;
    list.load(api, calendar::Date{2026, 12, 10});
    CHECK(transport.next().path == "/api/v1/lending/return-bookings?date=2026-12-10");
    auto booking = json::parse(booking_body("2026-12-10T00:00:00Z"))["return_booking"];
    booking["request_number"] = "LND-2026-00004";
    booking["borrower"] = {{"login", "staff"}, {"name", "職員 花子"}};
    booking["asset_tags"] = {"MPR-000001", "MPR-000002"};
    transport.answer(200, json{{"date", "2026-12-10"}, {"return_bookings", {booking, {{"request_id", "not a number"}}}}}.dump());
    REQUIRE(list.state() == client::ReturnBookingList::State::loaded);
    REQUIRE(list.rows().size() == 1);
    CHECK(list.rows()[0].borrower_name == "職員 花子");
    CHECK(list.rows()[0].counter_name == "経済産業省 別館 1階 窓口");
    CHECK(list.device_count() == 2);

    // 再読み込み keeps the day's rows on screen until the answer comes.
    list.load(api, calendar::Date{2026, 12, 10});
    CHECK(list.state() == client::ReturnBookingList::State::loading);
    CHECK(list.rows().size() == 1);
    booking["borrower"] = {{"login", "staff"}, {"name", "職員 太郎"}};
    transport.answer(200, json{{"date", "2026-12-10"}, {"return_bookings", {booking}}}.dump());
    CHECK(list.state() == client::ReturnBookingList::State::loaded);
    REQUIRE(list.rows().size() == 1);
    CHECK(list.rows()[0].borrower_name == "職員 太郎");

    // Another counter is another list: the old rows go at once.
    list.choose_counter(api, 7, calendar::Date{2026, 12, 10});
    CHECK(list.rows().empty());
    CHECK(transport.next().path == "/api/v1/lending/return-bookings?date=2026-12-10&location=7");
    transport.answer(403, json{{"error", {{"code", "forbidden"}, {"message", "Not allowed."}, {"message_ja", "権限がありません。"},
                                          {"fields", json::object()}}}}
                              .dump());
    CHECK(list.state() == client::ReturnBookingList::State::failed);
    CHECK(list.error().code == "forbidden");
}
