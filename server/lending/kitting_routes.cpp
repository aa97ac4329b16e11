#include "lending/kitting_routes.hpp"

#include <functional>

#include "audit/audit_log.hpp"
#include "http/body_reader.hpp"
#include "http/errors.hpp"
#include "http/paging.hpp"
#include "http/query_params.hpp"
#include "http/transaction_reply.hpp"
#include "identity/principal.hpp"
#include "identity/request_actor.hpp"
#include "knowledge/route_support.hpp"
#include "lending/counter_store.hpp"
#include "lending/kitting_store.hpp"
#include "lending/ledger_moves.hpp"
#include "lending/master_image_store.hpp"

namespace madoguchi::server::lending {
namespace {

namespace domain = madoguchi::lending;
using domain::KittingRefusal;
using http::Reply;

// A change of the task's progress; a refusal when the checklist will not have it.
using Change = std::function<KittingRefusal(domain::KittingTask&, const std::vector<domain::MasterImage>&)>;

int status_of(KittingRefusal refusal) {
    switch (refusal) {
        case KittingRefusal::already_done:
        case KittingRefusal::not_done:
        case KittingRefusal::master_version_not_current: return 409;
        default: return 422;
    }
}

std::string_view field_of(KittingRefusal refusal) {
    switch (refusal) {
        case KittingRefusal::master_version_required:
        case KittingRefusal::master_version_not_current: return "master_image_version";
        case KittingRefusal::invalid_note: return "note";
        default: return "key";
    }
}

Reply kitting_refusal(KittingRefusal refusal) {
    const auto code = status_of(refusal) == 409 ? "kitting_refused" : "validation_failed";
    return http::refusal(status_of(refusal), api::field_error(code, field_of(refusal), domain::refusal_label_key(refusal)));
}

// A finished re-kitting puts the device back: on the shelf, or reserved for the loan that
// already holds it.
store::Status release_rekitted(store::Database& database, const KittingTaskRow& row, const audit::Actor& actor) {
    auto kept = awaited_by_loan(database, row.device_id);
    if (!kept) return store::Error{kept.error()};
    const auto to = kept.value() ? madoguchi::inventory::AssetState::reserved : madoguchi::inventory::AssetState::in_stock;
    return move_device(database, row.device_id, to, "KIT-" + std::to_string(row.id), actor);
}

void change_task(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                 const http::RequestContext& context, std::int64_t id, std::int64_t version, const std::string& action,
                 const Change& change) {
    const auto actor = identity::actor_of(context);
    http::answer_in_transaction(database, request, response, [&](store::Database& connection) -> store::Result<Reply> {
        auto found = find_kitting_task(connection, id);
        if (!found) return store::Error{found.error()};
        if (!found.value()) return http::refusal(404, api::make_error("not_found"));
        const auto& before = *found.value();
        if (before.state != KittingState::open) return http::refusal(409, api::make_error("kitting_task_closed"));
        if (before.version != version) {
            auto body = api::to_json(api::make_error("stale_version"));
            body["kitting_task"] = to_json(before);
            return Reply{409, body};
        }
        auto masters = list_master_images(connection, before.task.class_code);
        if (!masters) return store::Error{masters.error()};
        auto task = before.task;
        if (const auto refusal = change(task, images_of(masters.value())); refusal != KittingRefusal::none) {
            return kitting_refusal(refusal);
        }
        const auto complete = domain::kitting_complete(task);
        const auto state = complete ? KittingState::done : KittingState::open;
        auto saved = save_kitting_task(connection, before, task, state, calendar::now());
        if (!saved) return store::Error{saved.error()};
        if (!saved.value()) return store::Error{"kitting task " + std::to_string(id) + " changed inside the transaction"};
        if (complete && !before.request_id) {
            if (auto released = release_rekitted(connection, before, actor); !released) return store::Error{released.error()};
        }
        auto after = find_kitting_task(connection, id);
        if (!after) return store::Error{after.error()};
        const auto document = to_json(*after.value());
        const audit::AuditEntry entry{actor, action, "kitting_task", std::to_string(id), to_json(before), document};
        if (auto recorded = audit::record(connection, entry); !recorded) return store::Error{recorded.error()};
        return Reply{200, {{"kitting_task", document}}};
    });
}

}  // namespace

void list_kitting(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                  const http::RequestContext&) {
    std::optional<KittingState> state;
    if (auto name = http::query_param(request, "state"); name && !name->empty()) {
        state = parse_kitting_state(*name);
        if (!state) return http::send_error(response, 400, api::field_error("invalid_parameter", "state", "field.unknown_state"));
    }
    auto rows = database.use([&](store::Database& connection) { return list_kitting_tasks(connection, state); });
    if (!rows) return http::send_failure(request, response, rows.error());
    auto items = nlohmann::json::array();
    for (const auto& row : rows.value()) items.push_back(to_json(row));
    http::send_json(response, 200, {{"kitting_tasks", items}, {"total", items.size()}});
}

void kitting_detail(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
                    const http::RequestContext& context) {
    const auto id = knowledge::path_id(context, response);
    if (!id) return;
    auto found = database.use([&](store::Database& connection) { return find_kitting_task(connection, *id); });
    if (!found) return http::send_failure(request, response, found.error());
    if (!found.value()) return http::send_error(response, 404, api::make_error("not_found"));
    http::send_json(response, 200, {{"kitting_task", to_json(*found.value())}});
}

void tick(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
          const http::RequestContext& context) {
    const auto id = knowledge::path_id(context, response);
    if (!id) return;
    const auto object = http::json_object(request, response);
    if (!object) return;
    http::BodyReader reader(*object, {"key", "version", "master_image_version", "note"});
    domain::KittingTick ticked{reader.string("key"), context.principal->user.fields.login, calendar::now(),
                               std::nullopt, reader.optional_string("note").value_or("")};
    const auto version = reader.integer("version");
    if (auto master = reader.optional_integer("master_image_version")) ticked.master_image_version = static_cast<int>(*master);
    if (auto refusal = reader.refusal()) return http::send_error(response, refusal->status, refusal->error);
    change_task(database, request, response, context, *id, version, "kitting_task.ticked",
                [&](domain::KittingTask& task, const std::vector<domain::MasterImage>& masters) {
                    return domain::tick_item(task, ticked, masters);
                });
}

void untick(store::SharedDatabase& database, const httplib::Request& request, httplib::Response& response,
            const http::RequestContext& context) {
    const auto id = knowledge::path_id(context, response);
    if (!id) return;
    const auto version = http::parse_id(http::query_param(request, "version").value_or(""));
    if (std::holds_alternative<api::ApiError>(version)) {
        return http::send_error(response, 400, api::field_error("invalid_parameter", "version", "field.required"));
    }
    const auto key = context.params.at("key");
    change_task(database, request, response, context, *id, std::get<std::int64_t>(version), "kitting_task.unticked",
                [&](domain::KittingTask& task, const std::vector<domain::MasterImage>&) {
                    return domain::untick_item(task, key);
                });
}

}  // namespace madoguchi::server::lending
