#include "ui/format.hpp"

#include "calendar/tokyo_time.hpp"

namespace madoguchi::client {

std::string fill_template(std::string_view pattern,
                          std::initializer_list<std::pair<std::string_view, std::string>> values) {
    std::string result(pattern);
    for (const auto& [name, value] : values) {
        std::string placeholder(1, '{');
        placeholder.append(name).push_back('}');
        for (auto at = result.find(placeholder); at != std::string::npos; at = result.find(placeholder, at + value.size())) {
            result.replace(at, placeholder.size(), value);
        }
    }
    return result;
}

std::string format_duration(std::int64_t seconds, i18n::Language language) {
    const std::int64_t total_minutes = seconds <= 0 ? 0 : (seconds + 59) / 60;
    const auto days = total_minutes / (24 * 60);
    const auto hours = total_minutes / 60 % 24;
    const auto minutes = total_minutes % 60;
    if (days > 0) {
        return fill_template(i18n::text("duration.days_hours_minutes", language),
                             {{"d", std::to_string(days)}, {"h", std::to_string(hours)}, {"m", std::to_string(minutes)}});
    }
    if (hours > 0) {
        return fill_template(i18n::text("duration.hours_minutes", language),
                             {{"h", std::to_string(hours)}, {"m", std::to_string(minutes)}});
    }
    return fill_template(i18n::text("duration.minutes", language), {{"m", std::to_string(minutes)}});
}

std::string_view weekday_name(const calendar::Date& date, i18n::Language language) {
    const auto index = static_cast<int>(calendar::weekday_of(date));
    return i18n::text("weekday." + std::to_string(index), language);
}

std::string format_display_date(const calendar::Date& date, i18n::Language language, bool wareki) {
    const auto day = std::string(weekday_name(date, language));
    const auto text = wareki ? calendar::format_wareki(date) : calendar::format_date(date);
    return language == i18n::Language::ja ? text + "（" + day + "）" : text + " (" + day + ")";
}

std::string format_clock(int minute_of_day) {
    const int minutes = minute_of_day % 60;
    return std::to_string(minute_of_day / 60) + (minutes < 10 ? ":0" : ":") + std::to_string(minutes);
}

std::string format_display_time(calendar::Instant instant, i18n::Language language, bool wareki) {
    const auto local = calendar::to_tokyo(instant);
    return format_display_date(local.date, language, wareki) + " " + format_clock(local.second_of_day / 60);
}

}  // namespace madoguchi::client
