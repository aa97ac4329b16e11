#pragma once
// 台帳's edit form as typed: text for every field (dates as YYYY-MM-DD, accessories separated
// by commas), the class, model and location as chosen. Checked with the shared
// inventory::validate, the same rules the server applies; the PATCH body carries only what
// changed, by the API's field names.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "inventory/asset.hpp"
#include "ui/date_field_model.hpp"
#include "validation/field_problem.hpp"

namespace madoguchi::client {

struct DeviceFormValues {
    std::string asset_tag;
    std::string serial;
    std::string class_code;
    std::int64_t model_id = 0;
    std::int64_t location_id = 0;
    std::string division_code;
    std::string custodian_login;
    std::string accessories;  // "mouse, privacy_filter"
    std::string network_address;
    std::string snmp_profile;
    std::string toner_delivery_address;
    std::string toner_contact;
    std::string contract_start;
    std::string contract_end;
    std::string notes;
};

// The contract dates as the kit's date fields (typed or picked from a calendar that marks
// holidays); what they hold is copied into the values' text as YYYY-MM-DD.
struct ContractDateFields {
    DateFieldModel start;
    DateFieldModel end;
    // Shows the values' dates (on opening a record).
    void show(const DeviceFormValues& values);
};

DeviceFormValues form_values(const inventory::AssetFields& fields);
// The fields as the ledger takes them; a date that does not read is left out here and
// reported by check_form.
inventory::AssetFields form_fields(const DeviceFormValues& values);
// Problems by API field name: unreadable dates (field.invalid_date), then inventory::validate.
std::vector<validation::FieldProblem> check_form(const DeviceFormValues& values);
// The PATCH body without the version: each field whose value differs from `before`.
nlohmann::json device_changes(const inventory::AssetFields& before, const DeviceFormValues& after);

}  // namespace madoguchi::client
