#include "calendar/tokyo_time.hpp"

#include <algorithm>
#include <chrono>
#include <iterator>

#include "calendar/floor_division.hpp"

namespace madoguchi::calendar {

namespace {

constexpr std::int64_t seconds_per_day = 86400;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The number written by text[position, position + width), or -1 when any of it is not a digit.
int digits_at(std::string_view text, std::size_t position, std::size_t width) {
    if (position + width > text.size()) return -1;
    int value = 0;
    for (std::size_t i = position; i < position + width; ++i) {
        if (!is_digit(text[i])) return -1;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

void append_two_digits(std::string& out, int value) {
    out += static_cast<char>('0' + value / 10);
    out += static_cast<char>('0' + value % 10);
}

std::string format_with_suffix(const TokyoDateTime& local, std::string_view suffix) {
    std::string out = format_date(local.date);
    out += 'T';
    append_two_digits(out, local.second_of_day / 3600);
    out += ':';
    append_two_digits(out, local.second_of_day / 60 % 60);
    out += ':';
    append_two_digits(out, local.second_of_day % 60);
    out += suffix;
    return out;
}

TokyoDateTime split_seconds(std::int64_t seconds) {
    const auto days = floor_div(seconds, seconds_per_day);
    return {civil_from_days(days), static_cast<int>(seconds - days * seconds_per_day)};
}

Iso8601Result failure(Iso8601Error error) { return {std::nullopt, error}; }

// The UTC offset in seconds from "Z", "±HH:MM" or "±HHMM" (a space standing for '+');
// empty when the text is none of these.
std::optional<int> parse_offset(std::string_view text) {
    if (text == "Z" || text == "z") return 0;
    if (text.size() != 5 && text.size() != 6) return std::nullopt;
    const char sign = text[0];
    if (sign != '+' && sign != '-' && sign != ' ') return std::nullopt;
    const bool has_colon = text.size() == 6;
    if (has_colon && text[3] != ':') return std::nullopt;
    const int hours = digits_at(text, 1, 2);
    const int minutes = digits_at(text, has_colon ? 4 : 3, 2);
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return std::nullopt;
    const int seconds = hours * 3600 + minutes * 60;
    return sign == '-' ? -seconds : seconds;
}

struct Era {
    Date start;
    std::string_view name;
    std::string_view initial;
};

// Meiji counts from 1868, but dates are only Gregorian from 1873-01-01 (明治6年).
constexpr Era eras[] = {
    {{2019, 5, 1}, "令和", "R"}, {{1989, 1, 8}, "平成", "H"}, {{1926, 12, 25}, "昭和", "S"},
    {{1912, 7, 30}, "大正", "T"}, {{1868, 1, 1}, "明治", "M"},
};
constexpr Date gregorian_adoption{1873, 1, 1};

}  // namespace

TokyoDateTime to_tokyo(Instant instant) {
    return split_seconds(instant.unix_seconds + tokyo_offset_seconds);
}

Instant from_tokyo(const Date& date, int second_of_day) {
    return Instant{days_from_civil(date) * seconds_per_day + second_of_day - tokyo_offset_seconds};
}

Instant now() {
    const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
    return Instant{std::chrono::floor<std::chrono::seconds>(since_epoch).count()};
}

Iso8601Result parse_iso8601(std::string_view text) {
    if (text.empty()) return failure(Iso8601Error::empty);

    // "YYYY-MM-DDTHH:MM:SS" at fixed positions.
    constexpr std::size_t date_time_length = 19;
    if (text.size() < date_time_length || text[4] != '-' || text[7] != '-' ||
        (text[10] != 'T' && text[10] != 't') || text[13] != ':' || text[16] != ':') {
        return failure(Iso8601Error::malformed);
    }
    const int year = digits_at(text, 0, 4);
    const int month = digits_at(text, 5, 2);
    const int day = digits_at(text, 8, 2);
    const int hour = digits_at(text, 11, 2);
    const int minute = digits_at(text, 14, 2);
    const int second = digits_at(text, 17, 2);
    if (year < 1 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 ||
        second < 0 || second > 59) {
        return failure(Iso8601Error::malformed);
    }

    std::size_t position = date_time_length;
    if (position < text.size() && text[position] == '.') {
        const std::size_t fraction_start = ++position;
        while (position < text.size() && is_digit(text[position])) ++position;
        if (position == fraction_start) return failure(Iso8601Error::malformed);
    }
    if (position == text.size()) return failure(Iso8601Error::missing_offset);
    const auto offset = parse_offset(text.substr(position));
    if (!offset) return failure(Iso8601Error::malformed);

    const Date date{year, month, day};
    if (!is_valid(date)) return failure(Iso8601Error::impossible_date);

    const Instant instant{days_from_civil(date) * seconds_per_day + hour * 3600 + minute * 60 +
                          second - *offset};
    constexpr Instant earliest{-62135596800};  // 0001-01-01T00:00:00Z
    constexpr Instant latest{253402300799};    // 9999-12-31T23:59:59Z
    if (instant < earliest || instant > latest) return failure(Iso8601Error::out_of_range);
    Iso8601Result result;
    result.instant = instant;
    return result;
}

std::string format_iso8601_utc(Instant instant) {
    return format_with_suffix(split_seconds(instant.unix_seconds), "Z");
}

std::string format_iso8601_tokyo(Instant instant) {
    return format_with_suffix(to_tokyo(instant), "+09:00");
}

std::string format_wareki(const Date& date) {
    if (date < gregorian_adoption) return format_date(date);
    // Eras are listed newest first and 明治 starts before 1873, so one always matches.
    const auto& era = *std::find_if(std::begin(eras), std::end(eras),
                                    [&](const Era& candidate) { return candidate.start <= date; });
    const int era_year = date.year - era.start.year + 1;
    std::string out(era.name);
    out += era_year == 1 ? std::string("元") : std::to_string(era_year);
    out += "年" + std::to_string(date.month) + "月" + std::to_string(date.day) + "日";
    return out;
}

std::optional<Date> date_from_wareki(std::string_view era, int era_year, int month, int day) {
    const auto matches = [&](const Era& candidate) {
        if (era == candidate.name) return true;
        return era.size() == 1 && (era[0] == candidate.initial[0] || era[0] == candidate.initial[0] - 'A' + 'a');
    };
    const auto* found = std::find_if(std::begin(eras), std::end(eras), matches);
    if (found == std::end(eras) || era_year < 1 || era_year > 9999) return std::nullopt;
    const Date date{found->start.year + era_year - 1, month, day};
    if (!is_valid(date) || date < found->start || date < gregorian_adoption) return std::nullopt;
    // Eras run newest first: the one before in the list is the era that ended this one.
    if (found != std::begin(eras) && !(date < std::prev(found)->start)) return std::nullopt;
    return date;
}

}  // namespace madoguchi::calendar
