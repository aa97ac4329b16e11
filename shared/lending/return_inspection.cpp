#include "lending/return_inspection.hpp"

#include <algorithm>
#include <array>

#include "tickets/named_values.hpp"
#include "validation/text_rules.hpp"

namespace madoguchi::lending {
namespace {

constexpr std::array<tickets::Named<InspectionOutcome>, 3> outcomes{{
    {InspectionOutcome::ok, "ok", "lending.inspection.ok"},
    {InspectionOutcome::damaged, "damaged", "lending.inspection.damaged"},
    {InspectionOutcome::missing_accessory, "missing_accessory", "lending.inspection.missing_accessory"},
}};
static_assert(tickets::in_enum_order(outcomes));

constexpr std::size_t description_limit = 2000;

bool contains(std::span<const std::string> names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

std::string_view outcome_name(InspectionOutcome outcome) { return tickets::named(outcomes, outcome).name; }

std::optional<InspectionOutcome> parse_outcome(std::string_view name) { return tickets::parse_named(outcomes, name); }

std::string_view outcome_label_key(InspectionOutcome outcome) { return tickets::named(outcomes, outcome).label_key; }

std::variant<InspectionDecision, std::vector<validation::FieldProblem>> inspect_return(
    const ReturnedDevice& device, const InspectionFindings& findings) {
    std::vector<validation::FieldProblem> problems;
    if (findings.damaged) {
        if (auto problem = validation::text_problem(findings.damage_description, description_limit, true, true);
            !problem.empty()) {
            problems.push_back({"damage_description", std::move(problem)});
        }
    }
    const bool all_lent = std::all_of(findings.missing_accessories.begin(), findings.missing_accessories.end(),
                                      [&](const std::string& name) { return contains(device.accessories, name); });
    if (!all_lent) problems.push_back({"missing_accessories", "lending.inspection.not_lent_accessory"});

    const auto next = findings.damaged ? inventory::AssetState::in_repair : inventory::AssetState::kitting;
    const bool out_on_loan = device.state == inventory::AssetState::on_loan || device.state == inventory::AssetState::in_transit;
    const auto refusal = inventory::check_transition(device.device_class.placement, device.state, next);
    if (!out_on_loan) {
        problems.push_back({"state", "lending.inspection.not_on_loan"});
    } else if (refusal != inventory::TransitionRefusal::none) {
        problems.push_back({"state", std::string(inventory::refusal_key(refusal))});
    }
    if (!problems.empty()) return problems;

    InspectionDecision decision{InspectionOutcome::ok, next, std::nullopt, {}};
    for (const auto& name : device.accessories) {
        if (contains(findings.missing_accessories, name) && !contains(decision.missing_accessories, name)) {
            decision.missing_accessories.push_back(name);
        }
    }
    if (!decision.missing_accessories.empty()) decision.outcome = InspectionOutcome::missing_accessory;
    if (findings.damaged) {
        decision.outcome = InspectionOutcome::damaged;
        decision.repair_ticket = RepairTicketRequest{device.asset_tag, std::string(device.device_class.code),
                                                     device.borrower_login, findings.damage_description};
    }
    return decision;
}

}  // namespace madoguchi::lending
