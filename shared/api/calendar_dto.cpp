#include "api/calendar_dto.hpp"

namespace madoguchi::api {

nlohmann::json holidays_to_json(const std::vector<calendar::Holiday>& holidays) {
    auto result = nlohmann::json::array();
    for (const auto& holiday : holidays) {
        result.push_back({{"date", calendar::format_date(holiday.date)},
                          {"name", holiday.name_ja},
                          {"name_en", holiday.name_en}});
    }
    return result;
}

std::optional<std::vector<HolidayDto>> parse_holidays(std::string_view body) {
    const auto document = nlohmann::json::parse(body, nullptr, false);
    if (!document.is_array()) return std::nullopt;
    std::vector<HolidayDto> result;
    for (const auto& item : document) {
        if (!item.is_object() || !item.contains("date") || !item["date"].is_string()) return std::nullopt;
        result.push_back({item["date"].get<std::string>(), item.value("name", ""), item.value("name_en", "")});
    }
    return result;
}

}  // namespace madoguchi::api
