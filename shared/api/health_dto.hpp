#pragma once
// Wire mapping of GET /api/v1/health.
#include <optional>
#include <string>
#include <string_view>

namespace madoguchi::api {

struct HealthDto {
    std::string status;   // "ok" or "degraded"
    std::string version;
    std::string db;       // "ok" or "error"
    std::string time;     // ISO 8601 UTC
};

std::string health_to_json(const HealthDto& health);
std::optional<HealthDto> parse_health(std::string_view body);

}  // namespace madoguchi::api
