// A request's fields as the manager's form and the server check them, its checklist per
// kind, and the wire form both sides read.
#include <catch2/catch.hpp>

#include "i18n/catalog.hpp"
#include "placement/placement_request.hpp"

using namespace madoguchi::placement;
using madoguchi::calendar::Date;

namespace {

constexpr Date today{2026, 11, 26};

RequestFields move_request() {
    RequestFields fields;
    fields.kind = RequestKind::move;
    fields.device_id = 12;
    fields.location_id = 3;
    fields.division_code = "MIN-SOM";
    fields.desired_date = Date{2026, 12, 7};
    fields.reason = "課室の執務室移転に伴う移設";
    return fields;
}

std::vector<std::string> fields_of(const std::vector<madoguchi::validation::FieldProblem>& problems) {
    std::vector<std::string> names;
    for (const auto& problem : problems) names.push_back(problem.field + ":" + problem.reason_key);
    return names;
}

}  // namespace

TEST_CASE("a complete move request has no problems", "[placement]") { CHECK(validate(move_request(), today).empty()); }

TEST_CASE("each kind asks for its own fields", "[placement]") {
    RequestFields install;
    install.kind = RequestKind::install;
    install.reason = "新設";
    install.desired_date = today;
    CHECK(fields_of(validate(install, today)) ==
          std::vector<std::string>{"class:field.required", "model_id:field.required", "location_id:field.required",
                                   "division_code:field.required"});
    install.class_code = "tablet";
    CHECK(fields_of(validate(install, today)).front() == "class:field.not_installed_class");
    for (const auto* code : {"mfp", "floor_printer_mono", "floor_printer_colour"}) {
        INFO(code);
        install.class_code = code;
        CHECK(fields_of(validate(install, today)).front() == "model_id:field.required");
    }

    RequestFields remove;
    remove.kind = RequestKind::remove;
    remove.desired_date = Date{2026, 12, 1};
    remove.reason = "執務室縮小";
    // A removal names no target: the device leaves its place.
    CHECK(fields_of(validate(remove, today)) == std::vector<std::string>{"device_id:field.required"});
    remove.device_id = 4;
    CHECK(validate(remove, today).empty());
}

TEST_CASE("the desired date is required and not in the past, the reason is required and bounded", "[placement]") {
    auto fields = move_request();
    fields.desired_date.reset();
    fields.reason = "　";
    CHECK(fields_of(validate(fields, today)) ==
          std::vector<std::string>{"desired_date:field.required", "reason:field.required"});
    fields.desired_date = Date{2026, 11, 25};
    fields.reason = std::string(501, 'a');
    CHECK(fields_of(validate(fields, today)) ==
          std::vector<std::string>{"desired_date:field.date_in_past", "reason:field.too_long_500"});
    fields.desired_date = today;
    fields.reason = "一行目\n二行目";
    CHECK(validate(fields, today).empty());
}

TEST_CASE("the checklist is data per kind, with GSS network coordination for installs and moves", "[placement][checklist]") {
    const auto keys = [](RequestKind kind) {
        std::vector<std::string> names;
        for (const auto& item : checklist_for(kind)) names.emplace_back(item.key);
        return names;
    };
    CHECK(keys(RequestKind::install) == std::vector<std::string>{"gss_network", "vendor_information", "install_works"});
    CHECK(keys(RequestKind::move) ==
          std::vector<std::string>{"gss_network", "vendor_information", "device_settings", "move_works"});
    CHECK(keys(RequestKind::remove) ==
          std::vector<std::string>{"gss_release", "vendor_information", "data_erasure", "removal_works"});
    CHECK(madoguchi::i18n::text(find_checklist_item(RequestKind::move, "gss_network")->label_key,
                                madoguchi::i18n::Language::ja) == "GSSネットワーク調整（府省経由）");
    CHECK(find_checklist_item(RequestKind::install, "install_works")->vendor_work);
    CHECK(find_checklist_item(RequestKind::install, "move_works") == nullptr);
    // Every label is in the catalog in both languages.
    for (const auto kind : request_kinds()) {
        for (const auto& item : checklist_for(kind)) {
            INFO(item.key);
            CHECK(madoguchi::i18n::text(item.label_key, madoguchi::i18n::Language::en) != item.label_key);
        }
    }
    std::vector<ChecklistItem> items{{"gss_network", true, "desk1", "2026-11-26T01:00:00Z", ""}, {"move_works", false, "", "", ""}};
    CHECK_FALSE(all_done(items));
    items[1].done = true;
    CHECK(all_done(items));
}

TEST_CASE("a request survives the wire form", "[placement]") {
    PlacementRequest request;
    request.id = 7;
    request.number = "PLR-2026-0007";
    request.fields = move_request();
    request.state = RequestState::with_vendor;
    request.version = 4;
    request.requester_login = "sato.hanako";
    request.vendor_company = "リコージャパン";
    request.checklist = {{"gss_network", true, "desk1", "2026-11-26T01:00:00Z", "府省に依頼済"}};
    request.device_tag = "MFP-000012";
    const auto json = to_json(request);
    CHECK(json["kind"] == "move");
    CHECK(json["desired_date"] == "2026-12-07");
    CHECK(json["model_id"].is_null());
    const auto back = request_from_json(json);
    REQUIRE(back.has_value());
    CHECK(back->fields == request.fields);
    CHECK(back->state == RequestState::with_vendor);
    CHECK(back->version == 4);
    CHECK(back->checklist == request.checklist);
    CHECK(back->vendor_company == "リコージャパン");
    CHECK(back->device_tag == "MFP-000012");
    CHECK_FALSE(request_from_json(nlohmann::json{{"id", 1}, {"kind", "move"}, {"state", "lost"}}).has_value());
    CHECK_FALSE(request_from_json(nlohmann::json::array()).has_value());
}
