// 返却予約 over real HTTP and SQLite: the borrower of a loan that is out books a half-hour slot
// at a counter, moves it and cancels it; slots that are no slot, begun or on a closed day are
// refused naming slot_at; a full slot is refused with the day's free ones; only the borrower
// books; the desk reads the day's bookings with the tags they bring; a returned loan books
// nothing and leaves its place to others.
#include <catch2/catch.hpp>

#include "calendar/business_calendar.hpp"
#include "calendar/tokyo_time.hpp"
#include "i18n/catalog.hpp"
#include "inquiry_test_support.hpp"
#include "lending_counter_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;
namespace calendar = madoguchi::calendar;

namespace {

calendar::Date next_business_day() {
    auto day = calendar::to_tokyo(calendar::now()).date;
    do day = calendar::add_days(day, 1);
    while (calendar::is_closed_day(day));
    return day;
}

calendar::Date next_closed_day() {
    auto day = calendar::to_tokyo(calendar::now()).date;
    do day = calendar::add_days(day, 1);
    while (!calendar::is_closed_day(day));
    return day;
}

std::string slot(const calendar::Date& day, int hour, int minute = 0) {
    return calendar::format_iso8601_tokyo(calendar::from_tokyo(day, (hour * 60 + minute) * 60));
}

std::string utc(const calendar::Date& day, int hour, int minute = 0) {
    return calendar::format_iso8601_utc(calendar::from_tokyo(day, (hour * 60 + minute) * 60));
}

httplib::Result book(LendingDesk& desk, SignedIn& user, const json& loan, const std::string& at) {
    return audited(desk.server, [&] {
        return put_json(user, request_path(loan, "/return-booking"), {{"counter_location_id", desk.counter}, {"slot_at", at}});
    });
}

json answer(const httplib::Result& response, int status) {
    REQUIRE(response);
    INFO(response->body);
    REQUIRE(response->status == status);
    return response->body.empty() ? json() : json_of(response);
}

// The field's message as the client shows it (English), for the catalog key expected.
bool names(const httplib::Result& response, const std::string& field, const std::string& reason_key) {
    REQUIRE(response);
    INFO(response->body);
    const auto fields = json_of(response)["error"]["fields"];
    return fields.contains(field) && fields[field] == madoguchi::i18n::text(reason_key, madoguchi::i18n::Language::en);
}

// sato's printer, kitted and handed over at the counter today.
json loan_out(LendingDesk& desk) {
    issue_cards(desk);
    const auto request = approved_from_today(desk, "mobile_printer");
    kit_through(desk, kitting_tasks_of(desk, "MPR-000001")[0]);
    REQUIRE(hand_over(desk, desk.desk, request, sato_card)->status == 201);
    return get_ok(desk.staff, request_path(request))["request"];
}

// `count` loans of other borrowers out and booked into the slot at the counter, by SQL.
void fill_slot(LendingDesk& desk, int count, const std::string& slot_utc) {
    for (int number = 1; number <= count; ++number) {
        const auto n = std::to_string(number);
        desk.execute("INSERT INTO loan_requests (number, number_year, number_sequence, requester_login, requester_division, "
                     "class, quantity, purpose, start_date, due_date, delivery, terms_form, terms_version, state, created_at, "
                     "updated_at) SELECT 'LND-2099-0000" + n + "', 2099, " + n + ", login, division_code, 'mobile_printer', 1, "
                     "'test', '2026-01-05', '2026-01-09', 'shipping', 'loan_request', 1, 'on_loan', '2026-01-05T00:00:00Z', "
                     "'2026-01-05T00:00:00Z' FROM users WHERE login = 'suzuki'");
        desk.execute("INSERT INTO loan_return_bookings (request_id, location_id, slot_at, booked_by, booked_at) VALUES "
                     "((SELECT id FROM loan_requests WHERE number = 'LND-2099-0000" + n + "'), " +
                     std::to_string(desk.counter) + ", '" + slot_utc + "', 'suzuki', '2026-01-05T00:00:00Z')");
    }
}

}  // namespace

TEST_CASE("the borrower books, moves and cancels the return of a loan at a counter slot", "[lending][return_booking][api]") {
    LendingDesk desk(1, 0);
    const auto loan = loan_out(desk);
    const auto day = next_business_day();
    const auto slots_path = "/api/v1/lending/return-slots?location=" + std::to_string(desk.counter) + "&date=" + iso(day);

    const auto slots = get_ok(desk.staff, slots_path);
    REQUIRE(slots["slots"].size() == 19);
    CHECK(slots["slots"][0]["slot_at"] == utc(day, 8, 30));
    CHECK(slots["slots"][0]["free"] == 4);
    CHECK(slots["counter"]["name"].get<std::string>().find("貸出窓口") != std::string::npos);
    CHECK(get_ok(desk.staff, request_path(loan, "/return-booking"))["return_booking"].is_null());
    CHECK(get_ok(desk.staff, "/api/v1/lending/return-slots?location=99999&date=" + iso(day))["counter"]["name"].is_null());

    const auto booked = answer(book(desk, desk.staff, loan, slot(day, 10)), 201)["return_booking"];
    CHECK(booked["slot_at"] == utc(day, 10));
    CHECK(booked["counter"]["id"] == desk.counter);
    CHECK(booked["asset_tags"] == json{"MPR-000001"});
    CHECK(get_ok(desk.staff, slots_path)["slots"][3]["free"] == 3);  // 10:00 is the fourth slot

    const auto moved = answer(book(desk, desk.staff, loan, slot(day, 14, 30)), 200)["return_booking"];
    CHECK(moved["slot_at"] == utc(day, 14, 30));
    CHECK(get_ok(desk.staff, slots_path)["slots"][3]["free"] == 4);
    CHECK(get_ok(desk.staff, request_path(loan, "/return-booking"))["return_booking"]["slot_at"] == utc(day, 14, 30));
    CHECK(count_rows(desk.server.database_path(),
                     "SELECT count(*) FROM audit_log WHERE action = 'loan_return_booking.booked' AND before_json IS NOT NULL") == 1);

    // The desk sees the day's bookings; staff do not read the list.
    const auto list = get_ok(desk.desk, "/api/v1/lending/return-bookings?date=" + iso(day));
    REQUIRE(list["return_bookings"].size() == 1);
    CHECK(list["return_bookings"][0]["request_number"] == loan["number"]);
    CHECK(list["return_bookings"][0]["borrower"]["login"] == "sato");
    CHECK(desk.staff.client->Get("/api/v1/lending/return-bookings")->status == 403);
    CHECK(get_ok(desk.desk, "/api/v1/lending/return-bookings?date=" + iso(calendar::add_days(day, 1)))["return_bookings"].empty());

    answer(audited(desk.server, [&] { return desk.staff.client->Delete(request_path(loan, "/return-booking")); }), 204);
    CHECK(get_ok(desk.staff, request_path(loan, "/return-booking"))["return_booking"].is_null());
    CHECK(desk.staff.client->Delete(request_path(loan, "/return-booking"))->status == 404);
    CHECK(count_rows(desk.server.database_path(),
                     "SELECT count(*) FROM audit_log WHERE action = 'loan_return_booking.cancelled'") == 1);
}

TEST_CASE("a return booking names a slot to come on a business day, and only the borrower's loan that is out",
          "[lending][return_booking][api]") {
    LendingDesk desk(1, 0);
    const auto loan = loan_out(desk);
    const auto day = next_business_day();

    const auto off_slot = book(desk, desk.staff, loan, slot(day, 10, 15));
    CHECK(answer(off_slot, 422)["error"]["code"] == "validation_failed");
    CHECK(names(off_slot, "slot_at", "lending.return_booking.not_a_slot"));
    CHECK(names(book(desk, desk.staff, loan, slot(day, 18)), "slot_at", "lending.return_booking.not_a_slot"));
    CHECK(names(book(desk, desk.staff, loan, slot(next_closed_day(), 10)), "slot_at", "lending.return_booking.closed_day"));
    CHECK(names(book(desk, desk.staff, loan, "2020-01-06T10:00:00+09:00"), "slot_at", "lending.return_booking.in_past"));
    CHECK(names(book(desk, desk.staff, loan, "明日の朝"), "slot_at", "field.invalid_datetime"));
    const auto nowhere = audited(desk.server, [&] {
        return put_json(desk.staff, request_path(loan, "/return-booking"), {{"counter_location_id", 99999}, {"slot_at", slot(day, 10)}});
    });
    CHECK(names(nowhere, "counter_location_id", "field.unknown_location"));
    CHECK(put_json(desk.staff, request_path(loan, "/return-booking"), {{"slot_at", slot(day, 10)}})->status == 400);

    // Someone else's loan: the colleague does not see it, the desk may not book for the borrower.
    CHECK(book(desk, desk.colleague, loan, slot(day, 10))->status == 404);
    CHECK(book(desk, desk.desk, loan, slot(day, 10))->status == 403);
    CHECK(count_rows(desk.server.database_path(), "SELECT count(*) FROM loan_return_bookings") == 0);

    // Back at the counter: the booking stays as the record of the visit, and no new one is taken.
    answer(book(desk, desk.staff, loan, slot(day, 11)), 201);
    answer(take_back(desk, "MPR-000001", {{"damaged", false}}), 201);
    const auto after = book(desk, desk.staff, loan, slot(day, 12));
    CHECK(answer(after, 409)["error"]["code"] == "return_booking_refused");
    const auto list = get_ok(desk.desk, "/api/v1/lending/return-bookings?date=" + iso(day));
    REQUIRE(list["return_bookings"].size() == 1);
    CHECK(list["return_bookings"][0]["request_state"] == "returned");
    CHECK(get_ok(desk.staff, "/api/v1/lending/return-slots?location=" + std::to_string(desk.counter) + "&date=" +
                                 iso(day))["slots"][5]["free"] == 4);  // 11:00: the returned loan takes no place
}

TEST_CASE("a full slot is refused with the day's slots still free", "[lending][return_booking][api]") {
    LendingDesk desk(1, 0);
    const auto loan = loan_out(desk);
    const auto day = next_business_day();
    fill_slot(desk, 4, utc(day, 9));

    const auto full = book(desk, desk.staff, loan, slot(day, 9));
    CHECK(answer(full, 409)["error"]["code"] == "slot_full");
    const auto free = json_of(full)["free_slots"];
    CHECK(free.size() == 18);
    CHECK(free[0] == utc(day, 8, 30));
    CHECK(free[1] == utc(day, 9, 30));
    CHECK(count_rows(desk.server.database_path(), "SELECT count(*) FROM loan_return_bookings") == 4);
    CHECK(answer(book(desk, desk.staff, loan, slot(day, 9, 30)), 201)["return_booking"]["slot_at"] == utc(day, 9, 30));
}
