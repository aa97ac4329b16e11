// Return inspection: where the device goes and what the server opens or records.
#include <catch2/catch.hpp>

#include <string>
#include <variant>
#include <vector>

#include "i18n/catalog.hpp"
#include "inventory/device_class.hpp"
#include "lending/return_inspection.hpp"

using namespace madoguchi::lending;
using madoguchi::inventory::AssetState;
using madoguchi::validation::FieldProblem;

namespace {

using Names = std::vector<std::string>;
using Problems = std::vector<FieldProblem>;

ReturnedDevice gss_terminal(AssetState state = AssetState::on_loan) {
    return {*madoguchi::inventory::find_device_class("gss_terminal"), "GSS-004211", state,
            {"mouse", "privacy_filter"}, "u00042"};
}

InspectionDecision decided(const ReturnedDevice& device, const InspectionFindings& findings) {
    auto result = inspect_return(device, findings);
    REQUIRE(std::holds_alternative<InspectionDecision>(result));
    return std::get<InspectionDecision>(std::move(result));
}

Problems problems(const ReturnedDevice& device, const InspectionFindings& findings) {
    auto result = inspect_return(device, findings);
    REQUIRE(std::holds_alternative<Problems>(result));
    return std::get<Problems>(std::move(result));
}

}  // namespace

TEST_CASE("a device returned in order goes to kitting before it is lent again", "[lending][inspection]") {
    const auto decision = decided(gss_terminal(), {});
    CHECK(decision.outcome == InspectionOutcome::ok);
    CHECK(decision.next_state == AssetState::kitting);
    CHECK_FALSE(decision.repair_ticket);
    CHECK(decision.missing_accessories.empty());
}

TEST_CASE("a damaged device goes to repair with what the repair ticket needs", "[lending][inspection]") {
    const auto decision = decided(gss_terminal(), {true, "液晶に割れ（右下）", {}});
    CHECK(decision.outcome == InspectionOutcome::damaged);
    CHECK(decision.next_state == AssetState::in_repair);
    REQUIRE(decision.repair_ticket);
    CHECK(decision.repair_ticket->asset_tag == "GSS-004211");
    CHECK(decision.repair_ticket->class_code == "gss_terminal");
    CHECK(decision.repair_ticket->borrower_login == "u00042");
    CHECK(decision.repair_ticket->description == "液晶に割れ（右下）");
    CHECK(madoguchi::i18n::has_key("lending.inspection.repair_title"));

    CHECK(problems(gss_terminal(), {true, " ", {}}) == Problems{{"damage_description", "field.required"}});
}

TEST_CASE("missing accessories are named from the loan's", "[lending][inspection]") {
    const auto decision = decided(gss_terminal(), {false, "", {"privacy_filter", "privacy_filter"}});
    CHECK(decision.outcome == InspectionOutcome::missing_accessory);
    CHECK(decision.next_state == AssetState::kitting);
    CHECK(decision.missing_accessories == Names{"privacy_filter"});
    CHECK_FALSE(decision.repair_ticket);

    CHECK(problems(gss_terminal(), {false, "", {"keyboard"}}) ==
          Problems{{"missing_accessories", "lending.inspection.not_lent_accessory"}});
}

TEST_CASE("damage decides where a device goes when accessories are missing too", "[lending][inspection]") {
    const auto decision = decided(gss_terminal(), {true, "ヒンジ破損", {"privacy_filter", "mouse"}});
    CHECK(decision.outcome == InspectionOutcome::damaged);
    CHECK(decision.next_state == AssetState::in_repair);
    CHECK(decision.missing_accessories == Names{"mouse", "privacy_filter"});
    REQUIRE(decision.repair_ticket);
}

TEST_CASE("a device coming back by post is inspected the same way", "[lending][inspection]") {
    CHECK(decided(gss_terminal(AssetState::in_transit), {}).next_state == AssetState::kitting);
    CHECK(decided(gss_terminal(AssetState::in_transit), {true, "落下", {}}).next_state == AssetState::in_repair);
}

TEST_CASE("only a device out on loan can be returned", "[lending][inspection]") {
    for (const auto state : {AssetState::in_stock, AssetState::kitting, AssetState::reserved, AssetState::retired}) {
        INFO(madoguchi::inventory::state_name(state));
        CHECK(problems(gss_terminal(state), {}) == Problems{{"state", "lending.inspection.not_on_loan"}});
    }
    CHECK(madoguchi::i18n::has_key("lending.inspection.not_on_loan"));
}

TEST_CASE("inspection outcomes have stored names and texts", "[lending][inspection]") {
    for (const auto outcome : {InspectionOutcome::ok, InspectionOutcome::damaged, InspectionOutcome::missing_accessory}) {
        CHECK(parse_outcome(outcome_name(outcome)) == outcome);
        CHECK(madoguchi::i18n::has_key(outcome_label_key(outcome)));
    }
    CHECK_FALSE(parse_outcome("broken"));
}
