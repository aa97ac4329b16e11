#pragma once
// Wire mapping of the calendar API (GET /api/v1/calendar/holidays, /deadline).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/holidays.hpp"

namespace madoguchi::api {

struct HolidayDto {
    std::string date;  // YYYY-MM-DD
    std::string name;  // Japanese, as in the Cabinet Office list
    std::string name_en;
};

nlohmann::json holidays_to_json(const std::vector<calendar::Holiday>& holidays);
std::optional<std::vector<HolidayDto>> parse_holidays(std::string_view body);

}  // namespace madoguchi::api
