#include "idempotency/idempotent_route.hpp"

#include <optional>

#include "calendar/tokyo_time.hpp"
#include "http/errors.hpp"
#include "http/request_log.hpp"
#include "idempotency/idempotency_key.hpp"
#include "idempotency/idempotency_store.hpp"
#include "idempotency/request_hash.hpp"
#include "identity/principal.hpp"

namespace madoguchi::server::idempotency {
namespace {

std::string serialise(const nlohmann::json& body) {
    // As send_json writes it, so a replay is byte for byte the first answer.
    return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool is_success(int status) { return status >= 200 && status < 300; }

// What the transaction decided to answer, already serialised.
struct Outcome {
    int status = 500;
    std::string body;
    bool replayed = false;
};

store::Result<Outcome> run_once(store::Database& database, const httplib::Request& request,
                                const std::string& principal, const std::optional<std::string>& key,
                                const Write& write) {
    Outcome outcome;
    // A write's refusal rolls back through this marker; its answer still goes out.
    std::optional<Outcome> refusal;
    const auto now = calendar::now();
    const auto request_hash = key ? sha256_hex(request.body) : std::string();
    auto committed = database.transaction([&]() -> store::Status {
        if (key) {
            if (auto purged = purge_expired_keys(database, now); !purged) return purged;
            auto kept = find_kept_response(database, principal, *key);
            if (!kept) return store::Error{kept.error()};
            if (const auto& found = kept.value()) {
                if (found->method != request.method || found->path != request.path ||
                    found->request_hash != request_hash) {
                    refusal = Outcome{409, serialise(api::to_json(api::make_error("idempotency_key_reused"))), false};
                    return store::Error{"idempotency key reused"};
                }
                outcome = Outcome{found->status, found->body, true};
                return store::success();
            }
        }
        auto answer = write(database);
        if (!answer) return store::Error{answer.error()};
        outcome = Outcome{answer.value().status, serialise(answer.value().body), false};
        if (!is_success(outcome.status)) {
            refusal = outcome;
            return store::Error{"refused by the write"};
        }
        if (!key) return store::success();
        const KeptResponse kept{request.method, request.path, request_hash, outcome.status, outcome.body};
        return keep_response(database, principal, *key, kept, now);
    });
    if (refusal) return *refusal;
    if (!committed) return store::Error{committed.error()};
    return outcome;
}

}  // namespace

http::RouteHandler idempotent(store::SharedDatabase& database, Prepare prepare) {
    return [&database, prepare = std::move(prepare)](const httplib::Request& request, httplib::Response& response,
                                                     const http::RequestContext& context) {
        const auto key = read_key(request);
        if (const auto* error = std::get_if<api::ApiError>(&key)) return http::send_error(response, 400, *error);
        const auto prepared = prepare(request, context);
        if (const auto* refusal = std::get_if<Answer>(&prepared)) {
            return http::send_json(response, refusal->status, refusal->body);
        }
        const auto& write = std::get<Write>(prepared);
        const auto& maybe_key = std::get<std::optional<std::string>>(key);
        const auto principal = context.principal ? std::to_string(context.principal->user.id) : std::string();
        auto outcome = database.use(
            [&](store::Database& connection) { return run_once(connection, request, principal, maybe_key, write); });
        if (!outcome) {
            http::log_request_failure(request, outcome.error());
            return http::send_error(response, 500, api::make_error("internal"));
        }
        response.status = outcome.value().status;
        response.set_content(outcome.value().body, http::json_content_type);
        if (outcome.value().replayed) response.set_header(replayed_header, "true");
    };
}

}  // namespace madoguchi::server::idempotency
