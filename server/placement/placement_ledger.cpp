#include "placement/placement_ledger.hpp"

#include "i18n/catalog.hpp"
#include "inventory/device_class.hpp"
#include "inventory/device_history.hpp"
#include "inventory/device_store.hpp"

namespace madoguchi::server::placement {
namespace {

namespace domain = madoguchi::placement;
namespace ledger = madoguchi::server::inventory;
using Outcome = std::variant<std::int64_t, http::Reply>;
using madoguchi::inventory::AssetState;

http::Reply not_installed() {
    auto error = api::make_error("transition_refused");
    api::add_field(error, "device_id", "field.device_not_installed");
    return http::refusal(409, error);
}

store::Result<ledger::DeviceRow> reread(store::Database& database, std::int64_t id) {
    auto found = ledger::find_device(database, id);
    if (!found) return store::Error{found.error()};
    if (!found.value()) return store::Error{"device " + std::to_string(id) + " cannot be read back"};
    return std::move(*found.value());
}

store::Result<Outcome> install(store::Database& database, const domain::PlacementRequest& request,
                               const Completion& completion, const audit::Actor& actor) {
    madoguchi::inventory::AssetFields fields;
    fields.asset_tag = completion.asset_tag;
    fields.serial = completion.serial;
    fields.class_code = request.fields.class_code;
    fields.model_id = request.fields.model_id;
    fields.location_id = request.fields.location_id;
    fields.division_code = request.fields.division_code;
    if (const auto problems = madoguchi::inventory::validate(fields); !problems.empty()) {
        return Outcome(http::refusal(422, api::validation_error(problems)));
    }
    auto holder = ledger::device_id_of_tag(database, fields.asset_tag);
    if (!holder) return store::Error{holder.error()};
    if (holder.value()) {
        auto error = api::make_error("duplicate_asset_tag");
        api::add_field(error, "asset_tag", "field.duplicate_asset_tag");
        return Outcome(http::refusal(409, error));
    }
    auto id = ledger::insert_device(database, fields, AssetState::installed, calendar::now());
    if (!id) return store::Error{id.error()};
    auto stored = reread(database, id.value());
    if (!stored) return store::Error{stored.error()};
    const audit::AuditEntry entry{actor, "device.created", "device", std::to_string(id.value()), std::nullopt,
                                  ledger::to_json(stored.value())};
    if (auto recorded = ledger::record_device_change(database, id.value(), entry, request.number); !recorded) {
        return store::Error{recorded.error()};
    }
    return Outcome(id.value());
}

store::Result<Outcome> move(store::Database& database, const domain::PlacementRequest& request, const audit::Actor& actor) {
    auto before = reread(database, request.fields.device_id);
    if (!before) return store::Error{before.error()};
    if (before.value().asset.state != AssetState::installed) return Outcome(not_installed());
    auto fields = before.value().asset.fields;
    fields.location_id = request.fields.location_id;
    fields.division_code = request.fields.division_code;
    const auto id = before.value().asset.id;
    auto updated = ledger::update_device(database, id, before.value().asset.version, fields, calendar::now());
    if (!updated) return store::Error{updated.error()};
    if (!updated.value()) return store::Error{"device " + std::to_string(id) + " changed inside the transaction"};
    auto after = reread(database, id);
    if (!after) return store::Error{after.error()};
    const audit::AuditEntry entry{actor, "device.updated", "device", std::to_string(id), ledger::to_json(before.value()),
                                  ledger::to_json(after.value())};
    if (auto recorded = ledger::record_device_change(database, id, entry, request.number); !recorded) {
        return store::Error{recorded.error()};
    }
    return Outcome(id);
}

// A removed MFP or floor printer leaves with the vendor: leased and maintained under the
// contract, it is never kept in stock (the requirements keep stock only of loanable devices).
store::Result<Outcome> remove(store::Database& database, const domain::PlacementRequest& request, const audit::Actor& actor) {
    auto before = reread(database, request.fields.device_id);
    if (!before) return store::Error{before.error()};
    const auto& asset = before.value().asset;
    const auto* device_class = madoguchi::inventory::find_device_class(asset.fields.class_code);
    if (asset.state != AssetState::installed || device_class == nullptr ||
        madoguchi::inventory::check_transition(device_class->placement, asset.state, AssetState::retired) !=
            madoguchi::inventory::TransitionRefusal::none) {
        return Outcome(not_installed());
    }
    auto set = ledger::set_device_state(database, asset.id, asset.version, AssetState::retired, calendar::now());
    if (!set) return store::Error{set.error()};
    if (!set.value()) return store::Error{"device " + std::to_string(asset.id) + " changed inside the transaction"};
    if (auto recorded = ledger::record_state_change(database, asset.id, asset.state, AssetState::retired,
                                                    request.number, actor);
        !recorded) {
        return store::Error{recorded.error()};
    }
    return Outcome(asset.id);
}

}  // namespace

store::Result<Outcome> apply_to_ledger(store::Database& database, const domain::PlacementRequest& request,
                                       const Completion& completion, const audit::Actor& actor) {
    switch (request.fields.kind) {
        case domain::RequestKind::install: return install(database, request, completion, actor);
        case domain::RequestKind::move: return move(database, request, actor);
        case domain::RequestKind::remove: return remove(database, request, actor);
    }
    return store::Error{"unknown request kind"};
}

}  // namespace madoguchi::server::placement
