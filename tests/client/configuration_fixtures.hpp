#pragma once
// JSON as the configuration API answers it, for the 構成管理 view-model and view tests.
#include <nlohmann/json.hpp>
#include <string>

namespace madoguchi::testing {

inline nlohmann::json item_json(std::int64_t id, const std::string& kind, const std::string& name, std::int64_t version = 1,
                                nlohmann::json usage = nullptr, std::int64_t settings_version = 0) {
    return {{"id", id},           {"kind", kind},     {"name", name},   {"description", ""},
            {"owner_division", ""}, {"vendor", "ベンダー"}, {"product_version", ""}, {"version", version},
            {"updated_at", "2026-11-26T01:00:00Z"}, {"usage", std::move(usage)}, {"settings_version", settings_version}};
}

inline nlohmann::json usage_json(std::int64_t seats, std::int64_t assigned) {
    return {{"seats", seats}, {"assigned", assigned}, {"free", assigned >= seats ? 0 : seats - assigned},
            {"over_allocated", assigned > seats}};
}

inline nlohmann::json settings_version_json(std::int64_t number, const std::string& reason, nlohmann::json values) {
    return {{"number", number}, {"changed_by", "desk1"}, {"changed_at", "2026-11-2" + std::to_string(number) + "T01:00:00Z"},
            {"reason", reason}, {"values", std::move(values)}};
}

inline std::string error_body(const std::string& code, const std::string& message_ja,
                              const nlohmann::json& fields = nlohmann::json::object()) {
    return nlohmann::json{{"error", {{"code", code}, {"message", code}, {"message_ja", message_ja}, {"fields", fields}}}}.dump();
}

}  // namespace madoguchi::testing
