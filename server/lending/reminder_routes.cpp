#include "lending/reminder_routes.hpp"

#include "http/errors.hpp"
#include "http/paging.hpp"
#include "http/transaction_reply.hpp"
#include "identity/request_actor.hpp"
#include "lending/lending_access.hpp"
#include "lending/reminder_run.hpp"
#include "lending/reminder_store.hpp"

namespace madoguchi::server::lending {
namespace {

using http::Reply;

nlohmann::json history_json(const std::vector<ReminderRecord>& records) {
    auto items = nlohmann::json::array();
    for (const auto& record : records) items.push_back(to_json(record));
    return items;
}

}  // namespace

void send_reminder_now(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                       const http::RequestContext& context) {
    const auto id = http::parse_id(context.params.at("id"));
    if (const auto* error = std::get_if<api::ApiError>(&id)) return http::send_error(response, 400, *error);
    const auto actor = identity::actor_of(context);
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto found = find_request(connection, std::get<std::int64_t>(id));
        if (!found) return store::Error{found.error()};
        if (!found.value() || !visible(*context.principal, *found.value())) {
            return http::refusal(404, api::make_error("not_found"));
        }
        const auto& loan = *found.value();
        if (loan.state != madoguchi::lending::RequestState::on_loan) {
            return http::refusal(409, api::make_error("not_on_loan"));
        }
        auto sent = send_manual_reminder(connection, loan, actor, calendar::now());
        if (!sent) return store::Error{sent.error()};
        return Reply{201, {{"reminder", to_json(sent.value())}}};
    });
}

void reminder_history(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                      const http::RequestContext& context) {
    const auto id = http::parse_id(context.params.at("id"));
    if (const auto* error = std::get_if<api::ApiError>(&id)) return http::send_error(response, 400, *error);
    const auto request_id = std::get<std::int64_t>(id);
    struct History {
        bool visible = false;
        std::vector<ReminderRecord> records;
        bool escalated = false;
    };
    auto history = database.use([&](store::Database& connection) -> store::Result<History> {
        auto found = find_request(connection, request_id);
        if (!found) return store::Error{found.error()};
        if (!found.value() || !visible(*context.principal, *found.value())) return History{};
        auto records = reminders_of(connection, request_id);
        if (!records) return store::Error{records.error()};
        auto track = find_track(connection, request_id);
        if (!track) return store::Error{track.error()};
        return History{true, std::move(records.value()), track.value() && track.value()->escalated_at};
    });
    if (!history) return http::send_failure(request, response, history.error());
    if (!history.value().visible) return http::send_error(response, 404, api::make_error("not_found"));
    http::send_json(response, 200,
                    {{"reminders", history_json(history.value().records)}, {"escalated", history.value().escalated}});
}

}  // namespace madoguchi::server::lending
