#include "lending/return_booking_routes.hpp"

#include "audit/audit_log.hpp"
#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "http/query_params.hpp"
#include "http/transaction_reply.hpp"
#include "identity/principal.hpp"
#include "identity/request_actor.hpp"
#include "knowledge/route_support.hpp"
#include "lending/lending_access.hpp"
#include "lending/location_name.hpp"
#include "lending/return_booking.hpp"
#include "lending/return_booking_store.hpp"

namespace madoguchi::server::lending {
namespace {

namespace domain = madoguchi::lending;
using http::Reply;
using nlohmann::json;

// The day's slots at the counter with the places each has left.
store::Result<json> slots_of(store::Database& database, std::int64_t location_id, const calendar::Date& day,
                             calendar::Instant now, std::int64_t except = 0) {
    auto slots = json::array();
    for (const auto slot : domain::return_slots(day)) {
        auto taken = bookings_in_slot(database, location_id, slot, except);
        if (!taken) return store::Error{taken.error()};
        slots.push_back({{"slot_at", calendar::format_iso8601_utc(slot)},
                         {"free", std::max(0, domain::return_slot_capacity - taken.value())},
                         {"begun", slot <= now}});
    }
    return slots;
}

using Visible = std::variant<LoanRequestRow, Reply>;

store::Result<Visible> visible_loan(store::Database& database, const identity::Principal& principal, std::int64_t id) {
    auto found = find_request(database, id);
    if (!found) return store::Error{found.error()};
    if (!found.value() || !visible(principal, *found.value())) return Visible(http::refusal(404, api::make_error("not_found")));
    return Visible(*found.value());
}

std::optional<calendar::Date> date_param(const httplib::Request& request, api::ApiError& error) {
    const auto text = http::query_param(request, "date");
    if (!text || text->empty()) return calendar::to_tokyo(calendar::now()).date;
    auto date = calendar::parse_date(*text);
    if (!date) api::add_field(error, "date", "field.invalid_date");
    return date;
}

std::optional<std::int64_t> location_param(const httplib::Request& request, bool required, api::ApiError& error) {
    const auto text = http::query_param(request, "location");
    if (!text || text->empty()) {
        if (required) api::add_field(error, "location", "field.required");
        return std::nullopt;
    }
    const auto location = http::parse_integer(*text);
    if (!location || *location <= 0) api::add_field(error, "location", "field.not_positive");
    return location;
}

}  // namespace

void return_slots_route(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                        const http::RequestContext&) {
    auto error = api::make_error("invalid_parameter");
    const auto day = date_param(request, error);
    const auto location = location_param(request, true, error);
    if (!error.fields.empty()) return http::send_error(response, 400, error);
    auto answer = database.use([&](store::Database& connection) -> store::Result<Reply> {
        // A location that is no counter has no bookings: its slots are all free, and its name
        // null tells the client so (booking there is refused).
        auto name = location_name(connection, *location);
        if (!name) return store::Error{name.error()};
        auto slots = slots_of(connection, *location, *day, calendar::now());
        if (!slots) return store::Error{slots.error()};
        return Reply{200, {{"date", calendar::format_date(*day)},
                           {"counter", {{"id", *location}, {"name", name.value() ? json(*name.value()) : json()}}},
                           {"capacity", domain::return_slot_capacity},
                           {"slots", slots.value()}}};
    });
    if (!answer) return http::send_failure(request, response, answer.error());
    http::send_json(response, answer.value().status, answer.value().body);
}

void get_return_booking(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                        const http::RequestContext& context) {
    const auto id = knowledge::path_id(context, response);
    if (!id) return;
    auto answer = database.use([&](store::Database& connection) -> store::Result<Reply> {
        auto loan = visible_loan(connection, *context.principal, *id);
        if (!loan) return store::Error{loan.error()};
        if (auto* refused = std::get_if<Reply>(&loan.value())) return *refused;
        auto booking = find_return_booking(connection, *id);
        if (!booking) return store::Error{booking.error()};
        return Reply{200, {{"return_booking", booking.value() ? to_json(*booking.value()) : json()}}};
    });
    if (!answer) return http::send_failure(request, response, answer.error());
    http::send_json(response, answer.value().status, answer.value().body);
}

void book_return(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                 const http::RequestContext& context) {
    const auto id = knowledge::path_id(context, response);
    if (!id) return;
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"counter_location_id", "slot_at"});
    const auto location_id = reader.integer("counter_location_id");
    const auto slot_text = reader.string("slot_at");
    if (auto refusal = reader.refusal()) return http::send_error(response, refusal->status, refusal->error);
    const auto now = calendar::now();
    const auto slot = calendar::parse_iso8601(slot_text).instant;
    std::vector<validation::FieldProblem> problems;
    if (!slot) {
        problems.push_back({"slot_at", "field.invalid_datetime"});
    } else if (auto problem = domain::check_return_slot(*slot, now)) {
        problems.push_back(*problem);
    }
    if (location_id <= 0) problems.push_back({"counter_location_id", "field.not_positive"});
    if (!problems.empty()) return http::send_error(response, 422, api::validation_error(problems));
    const auto actor = identity::actor_of(context);
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto loan = visible_loan(connection, *context.principal, *id);
        if (!loan) return store::Error{loan.error()};
        if (auto* refused = std::get_if<Reply>(&loan.value())) return *refused;
        const auto& row = std::get<LoanRequestRow>(loan.value());
        if (row.requester_login != context.principal->user.fields.login) return http::refusal(403, api::make_error("forbidden"));
        if (row.state != domain::RequestState::on_loan) {
            return http::refusal(409, api::field_error("return_booking_refused", "request", "lending.return_booking.not_on_loan"));
        }
        auto name = location_name(connection, location_id);
        if (!name) return store::Error{name.error()};
        if (!name.value()) {
            const std::vector<validation::FieldProblem> unknown{{"counter_location_id", "field.unknown_location"}};
            return http::refusal(422, api::validation_error(unknown));
        }
        auto taken = bookings_in_slot(connection, location_id, *slot, row.id);
        if (!taken) return store::Error{taken.error()};
        if (taken.value() >= domain::return_slot_capacity) {
            auto slots = slots_of(connection, location_id, calendar::to_tokyo(*slot).date, now, row.id);
            if (!slots) return store::Error{slots.error()};
            auto free = json::array();
            for (const auto& candidate : slots.value()) {
                if (candidate["free"].get<int>() > 0 && !candidate["begun"].get<bool>()) free.push_back(candidate["slot_at"]);
            }
            auto body = api::to_json(api::field_error("slot_full", "slot_at", "error.slot_full"));
            body["free_slots"] = free;
            return Reply{409, body};
        }
        auto before = find_return_booking(connection, row.id);
        if (!before) return store::Error{before.error()};
        ReturnBookingRow booking;
        booking.request_id = row.id;
        booking.location_id = location_id;
        booking.slot_at = *slot;
        booking.booked_by = actor.name;
        booking.booked_at = calendar::format_iso8601_utc(now);
        if (auto saved = save_return_booking(connection, booking); !saved) return store::Error{saved.error()};
        auto after = find_return_booking(connection, row.id);
        if (!after) return store::Error{after.error()};
        const auto stored = to_json(*after.value());
        const audit::AuditEntry entry{actor, "loan_return_booking.booked", "loan_request", std::to_string(row.id),
                                      before.value() ? std::optional(to_json(*before.value())) : std::nullopt, stored};
        if (auto recorded = audit::record(connection, entry); !recorded) return store::Error{recorded.error()};
        return Reply{before.value() ? 200 : 201, {{"return_booking", stored}}};
    });
}

void cancel_return_booking(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                           const http::RequestContext& context) {
    const auto id = knowledge::path_id(context, response);
    if (!id) return;
    const auto actor = identity::actor_of(context);
    const bool desk = madoguchi::identity::has_role(context.principal->user.fields.roles, madoguchi::identity::Role::desk_operator);
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto loan = visible_loan(connection, *context.principal, *id);
        if (!loan) return store::Error{loan.error()};
        if (auto* refused = std::get_if<Reply>(&loan.value())) return *refused;
        const auto& row = std::get<LoanRequestRow>(loan.value());
        if (row.requester_login != context.principal->user.fields.login && !desk) {
            return http::refusal(403, api::make_error("forbidden"));
        }
        auto before = find_return_booking(connection, row.id);
        if (!before) return store::Error{before.error()};
        if (!before.value()) return http::refusal(404, api::make_error("not_found"));
        auto deleted = delete_return_booking(connection, row.id);
        if (!deleted) return store::Error{deleted.error()};
        const audit::AuditEntry entry{actor, "loan_return_booking.cancelled", "loan_request", std::to_string(row.id),
                                      to_json(*before.value()), std::nullopt};
        if (auto recorded = audit::record(connection, entry); !recorded) return store::Error{recorded.error()};
        return Reply{204, {}};
    });
}

void list_return_bookings_route(store::SharedDatabase& database, const httplib::Request& request,
                                httplib::Response& response, const http::RequestContext&) {
    auto error = api::make_error("invalid_parameter");
    const auto day = date_param(request, error);
    const auto location = location_param(request, false, error);
    if (!error.fields.empty()) return http::send_error(response, 400, error);
    auto answer = database.use([&](store::Database& connection) -> store::Result<json> {
        const auto from = calendar::from_tokyo(*day, 0);
        const auto to = calendar::from_tokyo(calendar::add_days(*day, 1), 0);
        auto rows = list_return_bookings(connection, location, from, to);
        if (!rows) return store::Error{rows.error()};
        auto items = json::array();
        for (const auto& row : rows.value()) items.push_back(to_json(row));
        return json{{"date", calendar::format_date(*day)}, {"return_bookings", items}};
    });
    if (!answer) return http::send_failure(request, response, answer.error());
    http::send_json(response, 200, answer.value());
}

}  // namespace madoguchi::server::lending
