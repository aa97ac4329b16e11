// The ledger's rules for a device record and its wire form, as the API, the import and the
// client's form apply them.
#include <catch2/catch.hpp>

#include "i18n/catalog.hpp"
#include "inventory/asset.hpp"
#include "inventory/device_class.hpp"
#include "inventory/device_model.hpp"
#include "inventory/location.hpp"

using namespace madoguchi::inventory;
using madoguchi::validation::FieldProblem;

namespace {

AssetFields printer() {
    AssetFields fields;
    fields.asset_tag = "MFP-000123";
    fields.serial = "E175M930123";
    fields.class_code = "mfp";
    fields.network_address = "10.20.3.41";
    fields.snmp_profile = "ricoh-v2c";
    fields.toner_delivery_address = "中央合同庁舎第3号館 10階 文書課前";
    fields.toner_contact = "内線 4321";
    return fields;
}

}  // namespace

TEST_CASE("the classes carry the contract's counts and vendor hours", "[inventory][class]") {
    const auto classes = device_classes();
    REQUIRE(classes.size() == 8);
    int total = 0;
    for (const auto& device_class : classes) total += device_class.contracted_count;
    CHECK(total == 573 + 86 + 64 + 57 + 45 + 159 + 12780 + 170);
    const auto* mfp = find_device_class("mfp");
    REQUIRE(mfp);
    CHECK(mfp->placement == Placement::installed);
    CHECK(mfp->telemetry);
    CHECK(mfp->maintenance == Maintenance::on_site);
    CHECK(mfp->vendor_reception->close_minute == 17 * 60 + 30);
    CHECK(mfp->vendor_service->close_minute == 17 * 60);
    const auto* mobile_printer = find_device_class("mobile_printer");
    REQUIRE(mobile_printer);
    CHECK(mobile_printer->maintenance == Maintenance::pickup);
    CHECK(mobile_printer->vendor_reception->close_minute == 17 * 60);
    CHECK_FALSE(mobile_printer->vendor_service);
    const auto* gss = find_device_class("gss_terminal");
    REQUIRE(gss);
    CHECK(gss->standard_accessories.size() == 2);
    CHECK_FALSE(find_device_class("MFP"));
    for (const auto& device_class : classes) {
        INFO(device_class.code);
        CHECK(madoguchi::i18n::has_key(device_class.name_key));
    }
}

TEST_CASE("a complete printer record is valid", "[inventory][asset]") {
    CHECK(validate(printer()).empty());
}

TEST_CASE("each field of a device names its own problem", "[inventory][asset]") {
    auto fields = printer();
    SECTION("asset tag") {
        for (const auto* bad : {"", "M1", "mfp-1", "MFP_0001", "-MFP1", "MFP1-", "MFP-0000000000000000000000000000001"}) {
            fields.asset_tag = bad;
            INFO(bad);
            const auto expected = std::string(bad).empty() ? "field.required" : "field.invalid_asset_tag";
            CHECK(validate(fields) == std::vector<FieldProblem>{{"asset_tag", expected}});
        }
    }
    SECTION("serial") {
        fields.serial = "E175 M93";
        CHECK(validate(fields) == std::vector<FieldProblem>{{"serial", "field.invalid_serial"}});
    }
    SECTION("class") {
        fields.class_code = "printer";
        // The address and profile are checked against a class that does not exist either.
        CHECK(validate(fields) == std::vector<FieldProblem>{{"class", "field.unknown_class"},
                                                            {"network_address", "field.not_polled_class"},
                                                            {"snmp_profile", "field.not_polled_class"}});
    }
    SECTION("network address") {
        for (const auto* bad : {"10.20.3", "10.20.3.256", "10.020.3.4", "10.20.3.4.5", "printer.local", "::1", "10.20.3.4 "}) {
            fields.network_address = bad;
            INFO(bad);
            CHECK(validate(fields) == std::vector<FieldProblem>{{"network_address", "field.invalid_ip_address"}});
        }
    }
    SECTION("an address on a device that is not polled") {
        fields.class_code = "tablet";
        fields.asset_tag = "TAB-0001";
        CHECK(validate(fields) == std::vector<FieldProblem>{{"network_address", "field.not_polled_class"},
                                                            {"snmp_profile", "field.not_polled_class"}});
    }
    SECTION("contract period") {
        fields.contract_start = madoguchi::calendar::Date{2026, 10, 1};
        fields.contract_end = madoguchi::calendar::Date{2026, 9, 30};
        CHECK(validate(fields) == std::vector<FieldProblem>{{"contract_end", "field.inverted_range"}});
    }
    SECTION("accessories and notes") {
        fields.accessories = {"マウス", " "};
        fields.notes = std::string(2001, 'a');
        CHECK(validate(fields) == std::vector<FieldProblem>{{"accessories", "field.invalid_accessory"},
                                                            {"notes", "field.too_long_2000"}});
        fields.accessories = {"マウス"};
        fields.notes = "1行目\n2行目";
        CHECK(validate(fields).empty());
    }
    SECTION("an accessory name holding a separator the ledger CSV splits at") {
        for (const std::string bad : {"マウス;黒", "マウス；黒", "マウス、黒", "マウス,黒"}) {
            fields.accessories = {"電源ケーブル", bad};
            INFO(bad);
            CHECK(validate(fields) == std::vector<FieldProblem>{{"accessories", "field.accessory_separator"}});
        }
    }
}

TEST_CASE("a device's wire form reads back as the same device", "[inventory][asset]") {
    Asset asset;
    asset.id = 42;
    asset.fields = printer();
    asset.fields.model_id = 7;
    asset.fields.location_id = 3;
    asset.fields.accessories = {"ACアダプタ"};
    asset.fields.contract_start = madoguchi::calendar::Date{2026, 10, 1};
    asset.state = AssetState::installed;
    asset.version = 5;
    asset.updated_at = "2026-11-26T01:00:00Z";
    const auto json = to_json(asset);
    CHECK(json["class"] == "mfp");
    CHECK(json["state"] == "installed");
    CHECK(json["contract_start"] == "2026-10-01");
    CHECK(json["contract_end"].is_null());
    const auto again = asset_from_json(json);
    REQUIRE(again);
    CHECK(again->fields == asset.fields);
    CHECK(again->state == asset.state);
    CHECK(again->version == 5);
    CHECK_FALSE(asset_from_json(nlohmann::json{{"id", 1}, {"state", "broken"}}));
    CHECK_FALSE(asset_from_json(nlohmann::json::array()));
}

TEST_CASE("models and locations have their own rules", "[inventory][model][location]") {
    DeviceModel model{0, "リコー", "IM C3000", "mfp", {"トナー（ブラック）"}};
    CHECK(validate(model).empty());
    model.class_code = "copier";
    model.consumables = {""};
    CHECK(validate(model) == std::vector<FieldProblem>{{"class", "field.unknown_class"}, {"consumables", "field.invalid_consumable"}});
    model.class_code = "mfp";
    // "トナー, シアン" would come back from the models' CSV as two consumables.
    for (const auto* name : {"トナー, シアン", "トナー、シアン", "トナー；シアン", "トナー;シアン"}) {
        model.consumables = {name};
        CHECK(validate(model) == std::vector<FieldProblem>{{"consumables", "field.consumable_separator"}});
    }

    Location location{0, "中央合同庁舎第3号館", "10階", "1001会議室"};
    CHECK(validate(location).empty());
    CHECK(display_name(location) == "中央合同庁舎第3号館 10階 1001会議室");
    location.floor.clear();
    CHECK(validate(location) == std::vector<FieldProblem>{{"floor", "field.room_without_floor"}});
    CHECK(display_name(Location{0, "特許庁庁舎", "", ""}) == "特許庁庁舎");
    CHECK(validate(Location{0, "　", "", ""}) == std::vector<FieldProblem>{{"building", "field.required"}});
}
