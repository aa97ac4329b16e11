#include "backup/backup_schedule.hpp"

#include "calendar/civil_date.hpp"

namespace madoguchi::server::backup {
namespace {

int digit(char c) { return c >= '0' && c <= '9' ? c - '0' : -1; }

}  // namespace

std::optional<TimeOfDay> parse_time_of_day(std::string_view text) {
    const auto colon = text.find(':');
    if (colon != 1 && colon != 2) return std::nullopt;
    if (text.size() != colon + 3) return std::nullopt;
    int hour = 0;
    for (std::size_t i = 0; i < colon; ++i) {
        if (digit(text[i]) < 0) return std::nullopt;
        hour = hour * 10 + digit(text[i]);
    }
    const int tens = digit(text[colon + 1]);
    const int ones = digit(text[colon + 2]);
    if (tens < 0 || ones < 0) return std::nullopt;
    const int minute = tens * 10 + ones;
    if (hour > 23 || minute > 59) return std::nullopt;
    return TimeOfDay{hour * 3600 + minute * 60};
}

std::string format_time_of_day(TimeOfDay time) {
    const int hour = time.second_of_day / 3600;
    const int minute = time.second_of_day / 60 % 60;
    std::string out;
    out += static_cast<char>('0' + hour / 10);
    out += static_cast<char>('0' + hour % 10);
    out += ':';
    out += static_cast<char>('0' + minute / 10);
    out += static_cast<char>('0' + minute % 10);
    return out;
}

calendar::Instant next_backup_time(calendar::Instant now, TimeOfDay at) {
    const auto today = calendar::to_tokyo(now).date;
    const auto candidate = calendar::from_tokyo(today, at.second_of_day);
    if (candidate > now) return candidate;
    return calendar::from_tokyo(calendar::add_days(today, 1), at.second_of_day);
}

}  // namespace madoguchi::server::backup
