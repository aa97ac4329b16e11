#pragma once
// 返却時の検品 (return inspection) at the counter, or when a device comes back by post from a
// regional bureau: what the operator found, and what follows from it: the device's next
// ledger state (shared/inventory/asset_state.hpp), the repair ticket to open for a damaged
// device, the accessories to record as missing. A returned device is never lent again as it
// comes back: it goes to kitting (初期化・再キッティング) first, or to repair when damaged.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "inventory/asset_state.hpp"
#include "inventory/device_class.hpp"
#include "validation/field_problem.hpp"

namespace madoguchi::lending {

enum class InspectionOutcome {
    ok,                 // 異常なし
    damaged,            // 破損あり: a repair ticket is opened
    missing_accessory,  // 付属品不足
};

std::string_view outcome_name(InspectionOutcome outcome);  // "ok", "damaged", "missing_accessory"
std::optional<InspectionOutcome> parse_outcome(std::string_view name);
// Catalog key "lending.inspection.<name>".
std::string_view outcome_label_key(InspectionOutcome outcome);

// What the operator records. A damaged device may also lack accessories; damage decides
// where the device goes.
struct InspectionFindings {
    bool damaged = false;
    std::string damage_description;                // required when damaged, at most 2000
    std::vector<std::string> missing_accessories;  // names from the loan's accessories
};

// The returned loan as the inspection needs it.
struct ReturnedDevice {
    const inventory::DeviceClass& device_class;
    std::string asset_tag;
    inventory::AssetState state = inventory::AssetState::on_loan;  // on_loan, or in_transit by post
    std::vector<std::string> accessories;  // what went out with the loan
    std::string borrower_login;
};

// What the server needs to open the repair ticket (an incident of category "device", linked
// to the device): the title is the catalog's "lending.inspection.repair_title" followed by the
// tag, the body the operator's description.
struct RepairTicketRequest {
    std::string asset_tag;
    std::string class_code;
    std::string borrower_login;
    std::string description;
};

struct InspectionDecision {
    InspectionOutcome outcome;
    inventory::AssetState next_state;  // kitting, or in_repair when damaged
    std::optional<RepairTicketRequest> repair_ticket;
    std::vector<std::string> missing_accessories;  // each once, in the loan's order
};

// The decision, or the problems: damage_description field.required or the text rules' other
// keys; missing_accessories lending.inspection.not_lent_accessory (a name the loan did not
// include); state lending.inspection.not_on_loan (the device is neither on loan nor coming
// back by post), else the ledger's refusal key (inventory.transition.*) should the state
// machine not allow the move.
std::variant<InspectionDecision, std::vector<validation::FieldProblem>> inspect_return(
    const ReturnedDevice& device, const InspectionFindings& findings);

}  // namespace madoguchi::lending
