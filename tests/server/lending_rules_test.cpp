// Lending rules and terms of use over real HTTP and SQLite: the seeded rules per class, the
// admin's edit (validated, guarded by version, audited), and terms published as versions.
#include <catch2/catch.hpp>

#include "lending_test_support.hpp"

using namespace madoguchi::testing;
using nlohmann::json;

namespace {

json rule_of(const json& rules, const std::string& class_code) {
    for (const auto& rule : rules["rules"]) {
        if (rule["class"] == class_code) return rule;
    }
    FAIL("no rule for " << class_code);
    return {};
}

}  // namespace

TEST_CASE("every lendable class has its rule, and vendors see none of lending", "[lending][rules][api]") {
    RunningApp server;
    auto staff = signed_in_user(server, {"sato", {Role::staff}});
    const auto rules = get_ok(staff, "/api/v1/lending/rules");
    std::vector<std::string> classes;
    for (const auto& rule : rules["rules"]) classes.push_back(rule["class"].get<std::string>());
    CHECK(classes == std::vector<std::string>{"mobile_printer", "mobile_scanner", "business_pc", "gss_terminal", "tablet"});
    const auto gss = rule_of(rules, "gss_terminal");
    CHECK(gss["approver"] == "it_office");
    CHECK(gss["holding_limit"] == 1);
    CHECK(gss["overdue_blocks"] == true);
    CHECK(gss["closed_day_due_allowed"] == false);
    auto vendor = signed_in_user(server, {"ricoh1", {Role::vendor}, "D-VENDOR"});
    CHECK(vendor.client->Get("/api/v1/lending/rules")->status == 403);
}

TEST_CASE("an admin changes rules, while a stale version, bad values and other roles are refused", "[lending][rules][api]") {
    RunningApp server;
    auto admin = signed_in_user(server, {"admin1", {Role::admin}});
    auto desk = signed_in_user(server, {"desk1", {Role::desk_operator}});
    auto printer = rule_of(get_ok(admin, "/api/v1/lending/rules"), "mobile_printer");
    json edit{{"class", "mobile_printer"}, {"max_days", 7}, {"approver", "manager"}, {"holding_limit", 3},
              {"overdue_blocks", false}, {"closed_day_due_allowed", true}, {"version", printer["version"]}};

    CHECK(put_json(desk, "/api/v1/lending/rules", {{"rules", {edit}}})->status == 403);

    const auto before = audit_rows(server);
    const auto saved = audited(server, [&] { return put_json(admin, "/api/v1/lending/rules", {{"rules", {edit}}}); });
    REQUIRE(saved->status == 200);
    CHECK(audit_rows(server) == before + 1);
    const auto changed = rule_of(json_of(saved), "mobile_printer");
    CHECK(changed["max_days"] == 7);
    CHECK(changed["approver"] == "manager");
    CHECK(changed["version"] == printer["version"].get<int>() + 1);
    CHECK(changed["updated_by"] == "admin1");
    CHECK(rule_of(get_ok(desk, "/api/v1/lending/rules"), "mobile_printer") == changed);

    // The same edit again carries the version read before: someone else's change came first.
    const auto stale = put_json(admin, "/api/v1/lending/rules", {{"rules", {edit}}});
    CHECK(stale->status == 409);
    CHECK(json_of(stale)["error"]["code"] == "stale_version");
    CHECK(rule_of(json_of(stale), "mobile_printer") == changed);

    json wrong = edit;
    wrong["version"] = changed["version"];
    wrong["max_days"] = 0;
    wrong["approver"] = "admin";
    json mfp = wrong;
    mfp["class"] = "mfp";
    mfp["max_days"] = 10;
    mfp["approver"] = "operator";
    const auto refused = put_json(admin, "/api/v1/lending/rules", {{"rules", {wrong, mfp}}});
    CHECK(refused->status == 422);
    CHECK(error_fields(refused) == std::vector<std::string>{"rules[0].approver", "rules[0].max_days", "rules[1].class"});
    const auto malformed = put_json(admin, "/api/v1/lending/rules", {{"rules", {{{"class", "tablet"}, {"max_days", "7"}}}}});
    CHECK(malformed->status == 400);
    CHECK(put_json(admin, "/api/v1/lending/rules", {{"rule", json::array()}})->status == 400);
    CHECK(rule_of(get_ok(desk, "/api/v1/lending/rules"), "mobile_printer") == changed);
}

TEST_CASE("terms of use are published as versions by admins, the newest is current", "[lending][terms][api]") {
    RunningApp server;
    auto admin = signed_in_user(server, {"admin1", {Role::admin}});
    auto staff = signed_in_user(server, {"sato", {Role::staff}});
    const auto none = staff.client->Get("/api/v1/lending/terms/loan_request");
    CHECK(none->status == 404);
    CHECK(json_of(none)["error"]["code"] == "no_terms");

    CHECK(post_json(staff, "/api/v1/lending/terms/loan_request", {{"text_ja", "規約"}})->status == 403);
    const auto blank = post_json(admin, "/api/v1/lending/terms/loan_request", {{"text_ja", " "}});
    CHECK(blank->status == 422);
    CHECK(error_fields(blank) == std::vector<std::string>{"text_ja"});
    CHECK(post_json(admin, "/api/v1/lending/terms/no_such_form", {{"text_ja", "規約"}})->status == 404);

    for (const auto* text : {"第1版の規約", "第2版の規約"}) {
        const auto published = audited(server, [&] {
            return post_json(admin, "/api/v1/lending/terms/loan_request", {{"text_ja", text}});
        });
        REQUIRE(published->status == 201);
    }
    const auto current = get_ok(staff, "/api/v1/lending/terms/loan_request")["terms"];
    CHECK(current["version"] == 2);
    CHECK(current["text_ja"] == "第2版の規約");
    CHECK(current["text_en"] == "");
    CHECK(current["published_by"] == "admin1");
}
