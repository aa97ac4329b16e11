#pragma once
// JSON the lending API answers, for the lending screens' tests.
#include <nlohmann/json.hpp>
#include <string>

#include "configuration_fixtures.hpp"

namespace madoguchi::testing {

inline std::string lending_rules_body() {
    return nlohmann::json{{"rules",
                           {{{"class", "mobile_printer"}, {"max_days", 14}, {"approver", "operator"}, {"holding_limit", 2},
                             {"overdue_blocks", true}, {"closed_day_due_allowed", false}, {"version", 1}},
                            {{"class", "business_pc"}, {"max_days", 30}, {"approver", "manager"}, {"holding_limit", 1},
                             {"overdue_blocks", true}, {"closed_day_due_allowed", false}, {"version", 1}}}}}
        .dump();
}

inline nlohmann::json lending_terms_json(int version) {
    return {{"form", "loan_request"},
            {"version", version},
            {"text_ja", "第" + std::to_string(version) + "版: 機器は大切に扱ってください。"},
            {"text_en", "Version " + std::to_string(version) + ": handle the devices with care."},
            {"published_by", "admin"},
            {"published_at", "2026-11-01T00:00:00Z"}};
}

inline std::string lending_locations_body() {
    return nlohmann::json{{"locations", {{{"id", 7}, {"name", "経済産業省 別館 1階 窓口"}}, {{"id", 8}, {"name", "特許庁庁舎 2階 窓口"}}}}}
        .dump();
}

inline nlohmann::json loan_request_json(std::int64_t id, const std::string& requester, const std::string& state,
                                        nlohmann::json devices = nlohmann::json::array()) {
    char number[32];
    std::snprintf(number, sizeof number, "LND-2026-%05lld", static_cast<long long>(id));
    return {{"id", id},
            {"number", number},
            {"requester_login", requester},
            {"requester_name", requester == "staff" ? "職員 花子" : "窓口 太郎"},
            {"requester_division", "D-DESK"},
            {"class", "mobile_printer"},
            {"quantity", 1},
            {"purpose", "出張先での印刷"},
            {"start_date", "2026-12-08"},
            {"due_date", "2026-12-10"},
            {"delivery", "pickup"},
            {"pickup_location_id", 7},
            {"pickup_location_name", "経済産業省 別館 1階 窓口"},
            {"accessories", nlohmann::json::array()},
            {"terms_form", "loan_request"},
            {"terms_version", 3},
            {"state", state},
            {"decided_by", ""},
            {"decided_at", ""},
            {"state_reason", ""},
            {"version", 1},
            {"created_at", "2026-12-01T00:00:00Z"},
            {"updated_at", "2026-12-01T00:00:00Z"},
            {"devices", std::move(devices)}};
}

}  // namespace madoguchi::testing
