#pragma once
// 資産の状態 (asset state) and the moves between them, one state machine for the ledger, the
// lending counter and repairs. Which states a device may take depends on its class's
// placement: an MFP is never lent, a tablet never installed.
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "inventory/device_class.hpp"

namespace madoguchi::inventory {

enum class AssetState {
    in_stock,    // 在庫
    reserved,    // 予約済
    on_loan,     // 貸出中
    in_transit,  // 輸送中
    in_repair,   // 修理中
    kitting,     // キッティング中
    installed,   // 設置済
    lost,        // 紛失
    stolen,      // 盗難
    retired,     // 廃棄
};

std::span<const AssetState> asset_states();
// "in_stock", …: stored in the ledger and used in the API.
std::string_view state_name(AssetState state);
std::optional<AssetState> parse_state(std::string_view name);
// Catalog key "inventory.state.<name>".
std::string_view state_label_key(AssetState state);

// Whether a device of this placement can be in the state at all.
bool state_allowed(Placement placement, AssetState state);

// Why a move is refused; none when it is allowed.
enum class TransitionRefusal {
    none,
    same_state,           // already there
    not_for_placement,    // e.g. installing a tablet, lending an MFP
    not_allowed,          // the machine has no such move (e.g. retired → anything)
};

TransitionRefusal check_transition(Placement placement, AssetState from, AssetState to);
// The states reachable from `from` for the placement, in asset_states() order.
std::vector<AssetState> next_states(Placement placement, AssetState from);
// Catalog key of the refusal's message: "inventory.transition.<refusal>".
std::string_view refusal_key(TransitionRefusal refusal);

}  // namespace madoguchi::inventory
