#include "lending/ledger_moves.hpp"

#include "inventory/device_class.hpp"
#include "inventory/device_history.hpp"
#include "inventory/device_store.hpp"

namespace madoguchi::server::lending {

store::Status move_device(store::Database& database, std::int64_t device_id, madoguchi::inventory::AssetState to,
                          const std::string& request_number, const audit::Actor& actor) {
    namespace domain = madoguchi::inventory;
    auto found = inventory::find_device(database, device_id);
    if (!found) return store::Error{found.error()};
    if (!found.value()) return store::Error{"device " + std::to_string(device_id) + " is gone"};
    const auto& asset = found.value()->asset;
    if (asset.state == to) return store::success();
    const auto* device_class = domain::find_device_class(asset.fields.class_code);
    if (device_class == nullptr ||
        domain::check_transition(device_class->placement, asset.state, to) != domain::TransitionRefusal::none) {
        return store::Error{"device " + asset.fields.asset_tag + " cannot move from " +
                            std::string(domain::state_name(asset.state)) + " to " + std::string(domain::state_name(to))};
    }
    auto set = inventory::set_device_state(database, asset.id, asset.version, to, calendar::now());
    if (!set) return store::Error{set.error()};
    if (!set.value()) return store::Error{"device " + std::to_string(asset.id) + " changed inside the transaction"};
    return inventory::record_state_change(database, asset.id, asset.state, to, request_number, actor);
}

}  // namespace madoguchi::server::lending
