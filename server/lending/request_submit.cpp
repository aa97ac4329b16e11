#include "lending/request_submit.hpp"

#include "audit/audit_log.hpp"
#include "http/body_reader.hpp"
#include "identity/principal.hpp"
#include "identity/request_actor.hpp"
#include "idempotency/idempotent_route.hpp"
#include "lending/availability_refusal.hpp"
#include "lending/availability_store.hpp"
#include "lending/request_store.hpp"
#include "lending/rule_store.hpp"
#include "lending/terms_store.hpp"

namespace madoguchi::server::lending {
namespace {

namespace domain = madoguchi::lending;
using idempotency::Answer;

constexpr const char* request_form = "loan_request";

struct Submission {
    domain::RequestDraft draft;
    std::int64_t terms_version = 0;
};

Answer refused(int status, const api::ApiError& error) { return Answer{status, api::to_json(error)}; }

std::variant<Answer, Submission> read_submission(const httplib::Request& request) {
    const auto parsed = http::parse_json_body(request);
    if (const auto* refusal = std::get_if<http::BodyRefusal>(&parsed)) return refused(refusal->status, refusal->error);
    http::BodyReader reader(std::get<nlohmann::json>(parsed),
                            {"class", "quantity", "purpose", "start_date", "due_date", "delivery", "pickup_location_id",
                             "ship_address", "ship_recipient", "accessories", "terms_version"});
    Submission submission;
    auto& d = submission.draft;
    d.class_code = reader.string("class");
    d.quantity = reader.integer("quantity");
    d.purpose = reader.string("purpose");
    d.start_date = reader.string("start_date");
    d.due_date = reader.string("due_date");
    d.delivery = reader.string("delivery");
    d.pickup_location_id = reader.optional_integer("pickup_location_id").value_or(0);
    d.ship_address = reader.optional_string("ship_address").value_or("");
    d.ship_recipient = reader.optional_string("ship_recipient").value_or("");
    d.accessories = reader.optional_strings("accessories").value_or(std::vector<std::string>{});
    submission.terms_version = reader.integer("terms_version");
    if (auto refusal = reader.refusal()) return refused(refusal->status, refusal->error);
    return submission;
}

store::Result<bool> location_exists(store::Database& database, std::int64_t id) {
    auto select = database.prepare("SELECT EXISTS (SELECT 1 FROM locations WHERE id = ?1)");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, id);
    if (auto step = select.value().step(); !step) return store::Error{step.error()};
    return select.value().column_int(0) == 1;
}

LoanRequestRow row_of(const Submission& submission, const identity::Principal& principal, std::int64_t terms_version) {
    const auto& d = submission.draft;
    LoanRequestRow row;
    row.requester_login = principal.user.fields.login;
    row.requester_division = principal.user.fields.division_code;
    row.class_code = d.class_code;
    row.quantity = static_cast<int>(d.quantity);
    row.purpose = d.purpose;
    row.start_date = *calendar::parse_date(d.start_date);
    row.due_date = *calendar::parse_date(d.due_date);
    row.delivery = *domain::parse_delivery(d.delivery);
    row.pickup_location_id = row.delivery == domain::Delivery::pickup ? d.pickup_location_id : 0;
    if (row.delivery == domain::Delivery::shipping) {
        row.ship_address = d.ship_address;
        row.ship_recipient = d.ship_recipient;
    }
    row.accessories = d.accessories;
    row.terms_form = request_form;
    row.terms_version = terms_version;
    return row;
}

// The checks that read the store, in the order the header names; a refusal or empty.
store::Result<std::optional<Answer>> refusal_of(store::Database& database, const Submission& submission,
                                                const domain::LoanRule& rule, const LoanRequestRow& row,
                                                const calendar::Date& today) {
    using Refusal = std::optional<Answer>;
    if (row.delivery == domain::Delivery::pickup) {
        auto exists = location_exists(database, row.pickup_location_id);
        if (!exists) return store::Error{exists.error()};
        if (!exists.value()) {
            return Refusal(refused(422, api::validation_error(std::vector<validation::FieldProblem>{
                                            {"pickup_location_id", "field.not_pickup_counter"}})));
        }
    }
    auto terms = current_terms(database, request_form);
    if (!terms) return store::Error{terms.error()};
    if (!terms.value()) return Refusal(refused(409, api::make_error("no_terms")));
    if (terms.value()->version != submission.terms_version) {
        auto body = api::to_json(api::field_error("terms_not_current", "terms_version", "field.terms_not_current"));
        body["terms"] = to_json(*terms.value());
        return Refusal(Answer{409, body});
    }
    if (rule.overdue_blocks) {
        auto overdue = has_overdue_loan(database, row.requester_login, today);
        if (!overdue) return store::Error{overdue.error()};
        if (overdue.value()) return Refusal(refused(409, api::make_error("overdue_loans")));
    }
    auto held = quantity_held(database, row.requester_login, row.class_code);
    if (!held) return store::Error{held.error()};
    if (held.value() + row.quantity > rule.holding_limit) {
        auto body = api::to_json(api::field_error("holding_limit_reached", "quantity", "field.beyond_holding_limit"));
        body["held"] = held.value();
        body["limit"] = rule.holding_limit;
        return Refusal(Answer{409, body});
    }
    const std::optional<std::int64_t> location =
        row.delivery == domain::Delivery::pickup ? std::optional<std::int64_t>(row.pickup_location_id) : std::nullopt;
    auto pool = load_pool(database, {row.class_code, location, today});
    if (!pool) return store::Error{pool.error()};
    if (auto refusal = unavailable(pool.value(), {row.quantity, row.start_date, row.due_date}, rule, today)) {
        return Refusal(Answer{refusal->status, refusal->body});
    }
    return Refusal();
}

store::Result<Answer> submit(store::Database& database, const Submission& submission,
                             const identity::Principal& principal, const audit::Actor& actor) {
    const auto now = calendar::now();
    const auto today = calendar::to_tokyo(now).date;
    auto stored_rule = find_rule(database, submission.draft.class_code);
    if (!stored_rule) return store::Error{stored_rule.error()};
    const auto* rule = stored_rule.value() ? &stored_rule.value()->rule : nullptr;
    if (const auto problems = domain::validate(submission.draft, rule, today); !problems.empty()) {
        return refused(422, api::validation_error(problems));
    }
    auto row = row_of(submission, principal, submission.terms_version);
    auto refusal = refusal_of(database, submission, *rule, row, today);
    if (!refusal) return store::Error{refusal.error()};
    if (refusal.value()) return *refusal.value();
    auto id = insert_request(database, row, now);
    if (!id) return store::Error{id.error()};
    auto stored = find_request(database, id.value());
    if (!stored) return store::Error{stored.error()};
    if (!stored.value()) return store::Error{"loan request " + std::to_string(id.value()) + " cannot be read back"};
    const auto created = to_json(*stored.value());
    const audit::AuditEntry entry{actor, "loan_request.submitted", "loan_request", std::to_string(id.value()),
                                  std::nullopt, created};
    if (auto recorded = audit::record(database, entry); !recorded) return store::Error{recorded.error()};
    return Answer{201, {{"request", created}}};
}

}  // namespace

http::RouteHandler submit_route(store::SharedDatabase& database) {
    return idempotency::idempotent(
        database, [](const httplib::Request& request, const http::RequestContext& context)
                      -> std::variant<Answer, idempotency::Write> {
            auto read = read_submission(request);
            if (auto* refusal = std::get_if<Answer>(&read)) return *refusal;
            return idempotency::Write([submission = std::get<Submission>(std::move(read)), principal = *context.principal,
                                       actor = identity::actor_of(context)](store::Database& database) {
                return submit(database, submission, principal, actor);
            });
        });
}

}  // namespace madoguchi::server::lending
