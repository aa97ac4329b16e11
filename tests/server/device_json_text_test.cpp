// The audit records of a ledger import carry device documents written as text directly
// (inventory/device_json_text.hpp): byte for byte what the audit trail's dump of the json
// object gives, so records read, export and hash the same whichever way they were written.
#include <catch2/catch.hpp>

#include "inventory/device_json_text.hpp"

namespace ledger = madoguchi::server::inventory;
namespace domain = madoguchi::inventory;

namespace {

std::string dumped(const ledger::DeviceRow& row) {
    return ledger::to_json(row).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

ledger::DeviceRow full_row() {
    ledger::DeviceRow row;
    row.asset.id = 40123;
    row.asset.version = 3;
    row.asset.state = domain::AssetState::on_loan;
    row.asset.updated_at = "2026-11-26T07:00:00Z";
    auto& f = row.asset.fields;
    f.asset_tag = "GSS-000123";
    f.serial = "SN 0001";
    f.class_code = "gss_terminal";
    f.model_id = 7;
    f.location_id = 12;
    f.division_code = "MIN-SOM";
    f.custodian_login = "u00001";
    f.accessories = {"マウス", "覗き見防止フィルター"};
    f.network_address = "10.1.2.3";
    f.snmp_profile = "printer0001";
    f.toner_delivery_address = "中央合同庁舎第3号館 10階";
    f.toner_contact = "総務課 03-1234-5678";
    f.contract_start = madoguchi::calendar::Date{2025, 4, 1};
    f.contract_end = madoguchi::calendar::Date{2030, 3, 31};
    f.notes = "窓側";
    row.model_name = "富士通 ESPRIMO";
    row.location_name = "中央合同庁舎第3号館 10階 文書課";
    row.custodian_name = "山田 花子";
    row.custodian_name_kana = "ヤマダ ハナコ";
    row.division_name = "総務課";
    return row;
}

}  // namespace

TEST_CASE("a device document written as text is the text of its json object", "[inventory][import]") {
    auto row = full_row();
    CHECK(ledger::device_json_text(row) == dumped(row));

    SECTION("without model, location, dates or accessories: nulls and an empty list") {
        ledger::DeviceRow bare;
        bare.asset.id = 1;
        bare.asset.version = 1;
        bare.asset.fields.asset_tag = "TAB-000001";
        bare.asset.fields.class_code = "tablet";
        CHECK(ledger::device_json_text(bare) == dumped(bare));
    }
    SECTION("quotes, backslashes, control characters and DEL are escaped as nlohmann escapes them") {
        row.asset.fields.notes = std::string("\"引用\" C:\\temp\b\f\n\r\t\x01\x1f\x7f end");
        row.asset.fields.accessories = {"a\"b", std::string("\x00", 1)};
        CHECK(ledger::device_json_text(row) == dumped(row));
    }
    SECTION("invalid UTF-8 is replaced as the audit trail replaces it") {
        for (const std::string bad : {"\xff", "abc\xe3\x81", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "ok\x80ok",
                                      "\xe3\x81\xe3\x81\x82"}) {
            INFO(bad);
            row.asset.fields.notes = bad;
            row.custodian_name = "山田" + bad;
            CHECK(ledger::device_json_text(row) == dumped(row));
        }
    }
    SECTION("every valid sequence length passes through unchanged") {
        row.asset.fields.notes = "A é ア 𠮷 \xef\xbf\xbf \xf4\x8f\xbf\xbf";
        CHECK(ledger::device_json_text(row) == dumped(row));
    }
}
