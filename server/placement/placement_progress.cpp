#include "placement/placement_progress.hpp"

#include <algorithm>

#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "i18n/catalog.hpp"
#include "identity/principal.hpp"
#include "identity/request_actor.hpp"
#include "placement/placement_access.hpp"
#include "placement/placement_answers.hpp"
#include "placement/placement_ledger.hpp"
#include "placement/placement_store.hpp"
#include "validation/text_rules.hpp"

namespace madoguchi::server::placement {
namespace {

namespace domain = madoguchi::placement;
using http::refusal;
using http::Reply;

struct TransitionBody {
    RequestState to = RequestState::submitted;
    std::string reason;
    std::int64_t version = 0;
    std::string vendor_company;
    Completion completion;
};

// The refusal of a move, in both languages.
Reply refused_move(domain::MoveRefusal why) {
    if (why == domain::MoveRefusal::reason_required) {
        auto error = api::make_error("validation_failed");
        api::add_field(error, "reason", "field.reason_required");
        return refusal(422, error);
    }
    auto error = api::make_error("transition_refused");
    api::add_field(error, "to", domain::refusal_key(why));
    error.message = i18n::text(domain::refusal_key(why), i18n::Language::en);
    error.message_ja = i18n::text(domain::refusal_key(why), i18n::Language::ja);
    return refusal(409, error);
}

// The request, or nothing when the user may not see it (answered as a 404, like a missing one).
store::Result<std::optional<PlacementRequest>> visible_request(store::Database& database,
                                                               const identity::Principal& principal, std::int64_t id) {
    auto found = find_request(database, id);
    if (!found) return store::Error{found.error()};
    if (!found.value() || !visible(principal, *found.value())) return std::optional<PlacementRequest>();
    return found;
}

// The hand-off names a vendor company that has vendor users; a send-back keeps the one it had.
store::Result<std::optional<Reply>> check_vendor(store::Database& database, const PlacementRequest& current,
                                                 TransitionBody& body) {
    if (body.to != RequestState::with_vendor) {
        body.vendor_company.clear();
        return std::optional<Reply>();
    }
    if (body.vendor_company.empty()) body.vendor_company = current.vendor_company;
    auto error = api::make_error("validation_failed");
    if (body.vendor_company.empty()) {
        api::add_field(error, "vendor_company", "field.required");
        return std::optional<Reply>(refusal(422, error));
    }
    auto companies = vendor_companies(database);
    if (!companies) return store::Error{companies.error()};
    const auto& known = companies.value();
    if (std::find(known.begin(), known.end(), body.vendor_company) == known.end()) {
        api::add_field(error, "vendor_company", "field.unknown_vendor_company");
        return std::optional<Reply>(refusal(422, error));
    }
    return std::optional<Reply>();
}

store::Result<Reply> move_request(store::Database& database, const http::RequestContext& context, std::int64_t id,
                                  TransitionBody body) {
    const auto& principal = *context.principal;
    auto found = visible_request(database, principal, id);
    if (!found) return store::Error{found.error()};
    if (!found.value()) return refusal(404, api::make_error("not_found"));
    const auto before = std::move(*found.value());
    if (body.version != before.version) return stale(before);
    const auto parties = parties_of(principal, before);
    const auto why = domain::check_move(
        {before.state, body.to, parties, !body.reason.empty(), domain::all_done(before.checklist)});
    if (why != domain::MoveRefusal::none) return refused_move(why);
    auto vendor = check_vendor(database, before, body);
    if (!vendor) return store::Error{vendor.error()};
    if (vendor.value()) return *vendor.value();

    const auto now = calendar::now();
    // The request moves first and the ledger after: a ledger refusal rolls both back.
    auto changed = change_state(database, id, body.version, {body.to, body.reason, body.vendor_company}, now);
    if (!changed) return store::Error{changed.error()};
    if (!changed.value()) return store::Error{"request " + std::to_string(id) + " changed inside the transaction"};
    const auto actor = identity::actor_of(context);
    if (body.to == RequestState::completed) {
        auto applied = apply_to_ledger(database, before, body.completion, actor);
        if (!applied) return store::Error{applied.error()};
        if (auto* refused = std::get_if<Reply>(&applied.value())) return *refused;
        if (before.fields.kind == RequestKind::install) {
            const auto device = std::get<std::int64_t>(applied.value());
            if (auto set = set_request_device(database, id, device); !set) return store::Error{set.error()};
        }
    }
    const RequestEvent event{principal.user.fields.login, "transitioned", body.to, "", body.reason};
    if (auto added = add_event(database, id, event, now); !added) return store::Error{added.error()};
    auto stored = find_request(database, id);
    if (!stored) return store::Error{stored.error()};
    const auto& after = *stored.value();
    nlohmann::json moved{{"state", domain::state_name(after.state)}, {"reason", body.reason}};
    if (!body.vendor_company.empty()) moved["vendor_company"] = body.vendor_company;
    const audit::AuditEntry entry{actor, "placement.transitioned", "placement_request", std::to_string(id),
                                  nlohmann::json{{"state", domain::state_name(before.state)}}, moved};
    if (auto recorded = audit::record(database, entry); !recorded) return store::Error{recorded.error()};
    auto answer = request_answer(database, principal, after);
    if (!answer) return store::Error{answer.error()};
    return Reply{200, answer.value()};
}

}  // namespace

void transition_request(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                        const http::RequestContext& context) {
    const auto id = request_id_in_path(context, response);
    if (!id) return;
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"to", "reason", "version", "vendor_company", "asset_tag", "serial"});
    const auto to = reader.string("to");
    TransitionBody body;
    body.reason = reader.optional_string("reason").value_or("");
    body.version = reader.integer("version");
    body.vendor_company = reader.optional_string("vendor_company").value_or("");
    body.completion.asset_tag = reader.optional_string("asset_tag").value_or("");
    body.completion.serial = reader.optional_string("serial").value_or("");
    if (auto refused = reader.refusal()) return http::send_error(response, refused->status, refused->error);
    auto problems = api::make_error("validation_failed");
    const auto state = domain::parse_request_state(to);
    if (!state) api::add_field(problems, "to", "field.unknown_state");
    // A blank reason counts as none: the move decides whether one is needed.
    const auto reason_problem = validation::text_problem(body.reason, 500, false, true);
    if (!reason_problem.empty()) api::add_field(problems, "reason", reason_problem);
    if (!problems.fields.empty()) return http::send_error(response, 422, problems);
    body.to = *state;
    if (validation::text_problem(body.reason, 500, true, true) == "field.required") body.reason.clear();
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) {
        return move_request(connection, context, *id, body);
    });
}

void change_checklist_item(store::SharedDatabase& database, const httplib::Request& request,
                           httplib::Response& response, const http::RequestContext& context) {
    const auto id = request_id_in_path(context, response);
    if (!id) return;
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"done", "note", "version"});
    const auto done = reader.boolean("done");
    const auto note = reader.optional_string("note");
    const auto version = reader.integer("version");
    if (auto refused = reader.refusal()) return http::send_error(response, refused->status, refused->error);
    if (note) {
        if (const auto problem = validation::text_problem(*note, 200, false); !problem.empty()) {
            auto error = api::make_error("validation_failed");
            api::add_field(error, "note", problem);
            return http::send_error(response, 422, error);
        }
    }
    const auto key = context.params.at("key");
    const auto& principal = *context.principal;
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto found = visible_request(connection, principal, *id);
        if (!found) return store::Error{found.error()};
        if (!found.value()) return refusal(404, api::make_error("not_found"));
        const auto before = std::move(*found.value());
        const auto item = std::find_if(before.checklist.begin(), before.checklist.end(),
                                       [&](const domain::ChecklistItem& i) { return i.key == key; });
        if (item == before.checklist.end()) return refusal(404, api::make_error("not_found"));
        if (version != before.version) return stale(before);
        if (domain::is_final(before.state)) return refusal(409, api::make_error("request_closed"));
        const auto now = calendar::now();
        const ItemChange change{key, done, note.value_or(item->note), principal.user.fields.login};
        auto changed = change_item(connection, *id, version, change, now);
        if (!changed) return store::Error{changed.error()};
        if (!changed.value()) return store::Error{"request " + std::to_string(*id) + " changed inside the transaction"};
        const RequestEvent event{principal.user.fields.login, done ? "checked" : "unchecked", before.state, key, ""};
        if (auto added = add_event(connection, *id, event, now); !added) return store::Error{added.error()};
        auto stored = find_request(connection, *id);
        if (!stored) return store::Error{stored.error()};
        const auto& after = *stored.value();
        const auto changed_item = std::find_if(after.checklist.begin(), after.checklist.end(),
                                               [&](const domain::ChecklistItem& i) { return i.key == key; });
        const audit::AuditEntry entry{identity::actor_of(context), "placement.checklist_changed", "placement_request",
                                      std::to_string(*id), to_json(*item), to_json(*changed_item)};
        if (auto recorded = audit::record(connection, entry); !recorded) return store::Error{recorded.error()};
        auto answer = request_answer(connection, principal, after);
        if (!answer) return store::Error{answer.error()};
        return Reply{200, answer.value()};
    });
}

}  // namespace madoguchi::server::placement
