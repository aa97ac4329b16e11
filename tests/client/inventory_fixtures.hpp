#pragma once
// JSON fixtures of the ledger API (contract: GET /api/v1/devices, /devices/{id}, …) for the
// 台帳 view-model tests.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace madoguchi::testing {

// A device object as the API sends it; the names joined in are set by the caller.
inline nlohmann::json device_json(std::int64_t id, const std::string& tag, const std::string& class_code,
                                  const std::string& state, std::int64_t version = 1) {
    return {{"id", id},
            {"asset_tag", tag},
            {"serial", ""},
            {"class", class_code},
            {"model_id", nullptr},
            {"location_id", nullptr},
            {"division_code", ""},
            {"custodian_login", ""},
            {"accessories", nlohmann::json::array()},
            {"network_address", ""},
            {"snmp_profile", ""},
            {"toner_delivery_address", ""},
            {"toner_contact", ""},
            {"contract_start", nullptr},
            {"contract_end", nullptr},
            {"notes", ""},
            {"state", state},
            {"version", version},
            {"updated_at", "2026-11-25T01:05:00Z"},
            {"model_name", ""},
            {"location_name", ""},
            {"custodian_name", ""},
            {"custodian_name_kana", ""},
            {"division_name", ""}};
}

// A page of GET /api/v1/devices; next_cursor null on the last page.
inline std::string page_json(const std::vector<nlohmann::json>& devices, std::int64_t total, const nlohmann::json& next_cursor) {
    return nlohmann::json{{"devices", nlohmann::json(devices)}, {"total", total}, {"next_cursor", next_cursor}}.dump();
}

inline const char* classes_fixture = R"({"classes":[
  {"code":"mfp","name_ja":"複合機","name_en":"Multifunction printer","placement":"installed","telemetry":true,
   "maintenance":"on_site","contracted_count":573,"standard_accessories":[],"states":["in_stock","installed"]},
  {"code":"projector","name_ja":"プロジェクタ","name_en":"Projector","placement":"loanable","telemetry":false,
   "maintenance":"none","contracted_count":3,"standard_accessories":[],"states":["in_stock","on_loan"]}]})";

inline const char* models_fixture = R"({"models":[
  {"id":5,"maker":"RICOH","name":"IM C3000","class":"mfp","consumables":["トナー（ブラック）"]},
  {"id":6,"maker":"EPSON","name":"EB-W06","class":"projector","consumables":[]}]})";

inline const char* locations_fixture = R"({"locations":[
  {"id":3,"building":"中央合同庁舎第3号館","floor":"10階","room":"1001会議室","name":"中央合同庁舎第3号館 10階 1001会議室"}]})";

}  // namespace madoguchi::testing
