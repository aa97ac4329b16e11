#include "api/health_dto.hpp"

#include <nlohmann/json.hpp>

namespace madoguchi::api {

std::string health_to_json(const HealthDto& health) {
    return nlohmann::json{{"status", health.status}, {"version", health.version}, {"db", health.db}, {"time", health.time}}
        .dump();
}

std::optional<HealthDto> parse_health(std::string_view body) {
    const auto document = nlohmann::json::parse(body, nullptr, false);
    if (!document.is_object() || !document.contains("status") || !document["status"].is_string()) return std::nullopt;
    return HealthDto{document.value("status", ""), document.value("version", ""), document.value("db", ""),
                     document.value("time", "")};
}

}  // namespace madoguchi::api
