#include "lending/return_booking.hpp"

#include <nlohmann/json.hpp>

#include "api/form_errors.hpp"
#include "calendar/business_calendar.hpp"
#include "ui/format.hpp"

namespace madoguchi::client {
namespace {

using nlohmann::json;

constexpr int slot_seconds = 30 * 60;
// Looking for the first business day never crosses more than the year-end closure and a
// long weekend; a week more is plenty.
constexpr int days_to_look_ahead = 14;

std::optional<calendar::Instant> instant_field(const json& object, const char* key) {
    return calendar::parse_iso8601(string_field(object, key)).instant;
}

calendar::Date first_business_day(calendar::Date day) {
    for (int step = 0; step < days_to_look_ahead && calendar::is_closed_day(day); ++step) day = calendar::add_days(day, 1);
    return day;
}

std::string request_path(std::int64_t id) {
    return "/api/v1/lending/requests/" + std::to_string(id) + "/return-booking";
}

}  // namespace

std::optional<std::optional<ReturnBookingRecord>> return_booking_from_body(const std::string& body) {
    const auto document = json::parse(body, nullptr, false);
    if (!document.is_object() || !document.contains("return_booking")) return std::nullopt;
    const auto& item = document["return_booking"];
    if (item.is_null()) return std::optional<ReturnBookingRecord>();
    if (!item.is_object() || !item.contains("counter") || !item["counter"].is_object()) return std::nullopt;
    const auto slot = instant_field(item, "slot_at");
    if (!slot) return std::nullopt;
    return std::optional<ReturnBookingRecord>(
        ReturnBookingRecord{integer_field(item["counter"], "id"), string_field(item["counter"], "name"), *slot});
}

std::optional<std::vector<ReturnSlot>> return_slots_from_body(const std::string& body) {
    const auto document = json::parse(body, nullptr, false);
    if (!document.is_object() || !document.contains("slots") || !document["slots"].is_array()) return std::nullopt;
    std::vector<ReturnSlot> slots;
    for (const auto& item : document["slots"]) {
        if (!item.is_object()) continue;
        const auto at = instant_field(item, "slot_at");
        if (!at) continue;
        const auto begun = item.find("begun");
        slots.push_back({*at, static_cast<int>(integer_field(item, "free")),
                         begun != item.end() && begun->is_boolean() && begun->get<bool>()});
    }
    return slots;
}

std::string return_slot_text(calendar::Instant slot, i18n::Language language, bool wareki) {
    const auto start = calendar::to_tokyo(slot);
    return fill_template(i18n::text("lending_client.return_booking.slot", language),
                         {{"date", format_display_date(start.date, language, wareki)},
                          {"from", format_clock(start.second_of_day / 60)},
                          {"to", format_clock((start.second_of_day + slot_seconds) / 60)}});
}

ApiClient::Callback ReturnBooking::current(std::function<void(const ApiResult&)> done) {
    return [this, generation = generation_, done = std::move(done)](const ApiResult& result) {
        if (generation == generation_) done(result);
    };
}

void ReturnBooking::open(ApiClient& api, const LoanRequestRecord& loan, const calendar::Date& today) {
    close();
    request_id_ = loan.id;
    state_ = State::loading;
    counter_ = loan.delivery == "pickup" ? loan.pickup_location_id : 0;
    day_.set(first_business_day(loan.due < today ? today : loan.due));
    api.get(request_path(request_id_), current([this](const ApiResult& result) {
        auto read = result.ok() ? return_booking_from_body(result.body) : std::nullopt;
        if (!read) {
            error_ = result.error;
            state_ = State::failed;
            return;
        }
        booking_ = std::move(*read);
        state_ = State::loaded;
    }));
    read_slots(api);
}

void ReturnBooking::close() {
    ++generation_;
    state_ = State::closed;
    request_id_ = 0;
    booking_.reset();
    counter_ = 0;
    slots_.clear();
    slots_waiting_ = false;
    slots_read_ = false;
    sending_ = false;
    error_ = {};
}

void ReturnBooking::choose_counter(ApiClient& api, std::int64_t location_id) {
    counter_ = location_id;
    read_slots(api);
}

void ReturnBooking::choose_day(ApiClient& api) { read_slots(api); }

// Only the latest read counts: the borrower may click through days faster than they answer.
void ReturnBooking::read_slots(ApiClient& api) {
    slots_.clear();
    slots_read_ = false;
    if (counter_ == 0 || !day_.value()) {
        slots_waiting_ = false;
        return;
    }
    slots_waiting_ = true;
    const auto path = "/api/v1/lending/return-slots?location=" + std::to_string(counter_) +
                      "&date=" + calendar::format_date(*day_.value());
    api.get(path, current([this, generation = ++slots_generation_](const ApiResult& result) {
        if (generation != slots_generation_) return;
        slots_waiting_ = false;
        auto read = result.ok() ? return_slots_from_body(result.body) : std::nullopt;
        if (!read) {
            error_ = result.error;
            return;
        }
        slots_ = std::move(*read);
        slots_read_ = true;
    }));
}

void ReturnBooking::book(ApiClient& api, calendar::Instant slot) {
    if (sending_ || counter_ == 0 || request_id_ == 0) return;
    sending_ = true;
    error_ = {};
    const json body{{"counter_location_id", counter_}, {"slot_at", calendar::format_iso8601_utc(slot)}};
    api.send(HttpRequest{"PUT", request_path(request_id_), body.dump(), {}}, current([this, &api, slot](const ApiResult& result) {
        sending_ = false;
        auto read = result.ok() ? return_booking_from_body(result.body) : std::nullopt;
        if (!read || !*read) {
            error_ = result.error;
            // Someone else took the last place (or the slot began): show what is left now.
            if (result.status == 409 || result.status == 422) read_slots(api);
            return;
        }
        booking_ = std::move(*read);
        booked_ = slot;
        read_slots(api);
    }));
}

void ReturnBooking::cancel(ApiClient& api) {
    if (sending_ || !booking_ || request_id_ == 0) return;
    sending_ = true;
    error_ = {};
    api.send(HttpRequest{"DELETE", request_path(request_id_), {}, {}}, current([this, &api](const ApiResult& result) {
        sending_ = false;
        // Already gone (cancelled from another window) is what was asked for.
        if (!result.ok() && result.status != 404) {
            error_ = result.error;
            return;
        }
        booking_.reset();
        cancelled_ = true;
        read_slots(api);
    }));
}

std::string ReturnBooking::error(i18n::Language language) const {
    return error_.code.empty() && error_.message.empty() ? std::string() : error_text(error_, language);
}

}  // namespace madoguchi::client
