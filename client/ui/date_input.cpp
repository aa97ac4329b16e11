#include "ui/date_input.hpp"

#include <array>
#include <utility>

#include "calendar/holidays.hpp"
#include "calendar/tokyo_time.hpp"

namespace madoguchi::client {
namespace {

using calendar::Date;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads a run of 1..max_width digits at `at`; -1 when there is none (or it is longer).
int read_number(std::string_view text, std::size_t& at, std::size_t max_width) {
    const auto start = at;
    int value = 0;
    while (at < text.size() && is_digit(text[at])) {
        value = value * 10 + (text[at] - '0');
        ++at;
        if (at - start > max_width) return -1;
    }
    return at == start ? -1 : value;
}

bool skip(std::string_view text, std::size_t& at, std::string_view token) {
    if (text.substr(at, token.size()) != token) return false;
    at += token.size();
    return true;
}

// Drops a trailing weekday in brackets, as the field shows it: （水） or (Wed).
std::string_view without_weekday(std::string_view text) {
    for (const auto& [open, close] : {std::pair<std::string_view, std::string_view>{"（", "）"}, {"(", ")"}}) {
        if (text.size() < close.size() || text.substr(text.size() - close.size()) != close) continue;
        const auto at = text.rfind(open);
        if (at == std::string_view::npos) continue;
        text = text.substr(0, at);
        while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
        return text;
    }
    return text;
}

struct Parts {
    int year = -1;
    int month = -1;
    int day = -1;
    std::string_view era;  // empty for the Gregorian year
    bool matched = false;
};

// The "11月25日" that ends both kanji forms, after the year has been read.
Parts read_kanji_month_day(std::string_view text, std::size_t at, Parts parts) {
    parts.month = read_number(text, at, 2);
    if (parts.month < 0 || !skip(text, at, "月")) return {};
    parts.day = read_number(text, at, 2);
    if (parts.day < 0 || !skip(text, at, "日") || at != text.size()) return {};
    parts.matched = true;
    return parts;
}

// 令和8年11月25日 / 令和元年5月1日
Parts read_kanji_era(std::string_view text) {
    static constexpr std::array<std::string_view, 5> names{"令和", "平成", "昭和", "大正", "明治"};
    Parts parts;
    for (const auto name : names) {
        if (text.substr(0, name.size()) != name) continue;
        std::size_t at = name.size();
        parts.era = name;
        parts.year = skip(text, at, "元") ? 1 : read_number(text, at, 4);
        if (parts.year < 0 || !skip(text, at, "年")) return {};
        return read_kanji_month_day(text, at, parts);
    }
    return {};
}

// 2026年11月25日
Parts read_kanji_gregorian(std::string_view text) {
    Parts parts;
    std::size_t at = 0;
    parts.year = read_number(text, at, 4);
    if (parts.year < 0 || !skip(text, at, "年")) return {};
    return read_kanji_month_day(text, at, parts);
}

// 2026-11-25, 2026/11/25, 2026.11.25, R8.11.25, R8/11/25, H31-4-30
Parts read_separated(std::string_view text) {
    Parts parts;
    std::size_t at = 0;
    if (!text.empty() && !is_digit(text[0])) {
        parts.era = text.substr(0, 1);
        at = 1;
    }
    parts.year = read_number(text, at, parts.era.empty() ? 4 : 2);
    if (parts.year < 0 || at >= text.size()) return {};
    const char separator = text[at];
    if (separator != '-' && separator != '/' && separator != '.') return {};
    ++at;
    parts.month = read_number(text, at, 2);
    if (parts.month < 0 || !skip(text, at, std::string_view(&separator, 1))) return {};
    parts.day = read_number(text, at, 2);
    if (parts.day < 0 || at != text.size()) return {};
    if (parts.era.empty() && text.find_first_not_of("0123456789") != 4) return {};  // a 4-digit year
    parts.matched = true;
    return parts;
}

// 20261125
Parts read_compact(std::string_view text) {
    if (text.size() != 8 || text.find_first_not_of("0123456789") != std::string_view::npos) return {};
    const auto number = [&](std::size_t at, std::size_t width) {
        int value = 0;
        for (std::size_t i = at; i < at + width; ++i) value = value * 10 + (text[i] - '0');
        return value;
    };
    return {number(0, 4), number(4, 2), number(6, 2), {}, true};
}

}  // namespace

std::string_view date_error_key(DateInputError error) {
    switch (error) {
        case DateInputError::none: return {};
        case DateInputError::malformed: return "date_input.error.malformed";
        case DateInputError::impossible: return "date_input.error.impossible";
        case DateInputError::unsupported: return "date_input.error.unsupported";
        case DateInputError::before_minimum: return "date_input.error.before_minimum";
        case DateInputError::after_maximum: return "date_input.error.after_maximum";
    }
    return {};
}

bool DateBounds::contains(const Date& date) const {
    return (!minimum || !(date < *minimum)) && (!maximum || !(*maximum < date));
}

Date DateBounds::clamp(const Date& date) const {
    if (minimum && date < *minimum) return *minimum;
    if (maximum && *maximum < date) return *maximum;
    return date;
}

std::string normalize_typed(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        // U+FF01..U+FF5E (full-width ASCII) is EF BC 81..BF and EF BD 80..9E in UTF-8.
        if (byte == 0xEF && i + 2 < text.size()) {
            const auto second = static_cast<unsigned char>(text[i + 1]);
            const auto third = static_cast<unsigned char>(text[i + 2]);
            const int code = (second == 0xBC && third >= 0x81 && third <= 0xBF)   ? third - 0x80 + 0x20
                             : (second == 0xBD && third >= 0x80 && third <= 0x9E) ? third - 0x80 + 0x60
                                                                                  : 0;
            if (code != 0) {
                out += static_cast<char>(code);
                i += 2;
                continue;
            }
        }
        // U+3000 (ideographic space) is E3 80 80.
        if (byte == 0xE3 && text.substr(i, 3) == "\xE3\x80\x80") {
            out += ' ';
            i += 2;
            continue;
        }
        out += text[i];
    }
    const auto first = out.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return out.substr(first, out.find_last_not_of(" \t") - first + 1);
}

DateInput parse_date_input(std::string_view raw, const DateBounds& bounds) {
    const auto normalized = normalize_typed(raw);
    const auto text = without_weekday(normalized);
    if (text.empty()) return {};
    Parts parts = read_kanji_era(text);
    if (!parts.matched) parts = read_kanji_gregorian(text);
    if (!parts.matched) parts = read_separated(text);
    if (!parts.matched) parts = read_compact(text);
    if (!parts.matched) return {std::nullopt, DateInputError::malformed};

    std::optional<Date> date;
    if (parts.era.empty()) {
        const Date candidate{parts.year, parts.month, parts.day};
        if (parts.year >= 1 && calendar::is_valid(candidate)) date = candidate;
    } else {
        date = calendar::date_from_wareki(parts.era, parts.year, parts.month, parts.day);
        if (!date && parts.era.size() == 1 && std::string_view("RHSTMrhstm").find(parts.era[0]) == std::string_view::npos) {
            return {std::nullopt, DateInputError::malformed};
        }
    }
    if (!date) return {std::nullopt, DateInputError::impossible};
    if (!calendar::is_supported(*date)) return {std::nullopt, DateInputError::unsupported};
    if (bounds.minimum && *date < *bounds.minimum) return {std::nullopt, DateInputError::before_minimum};
    if (bounds.maximum && *bounds.maximum < *date) return {std::nullopt, DateInputError::after_maximum};
    return {date, DateInputError::none};
}

std::optional<int> parse_time_input(std::string_view raw) {
    const auto text = normalize_typed(raw);
    // "1430": four digits are hours and minutes.
    if (text.size() == 4 && text.find_first_not_of("0123456789") == std::string::npos) {
        const int hour = (text[0] - '0') * 10 + (text[1] - '0');
        const int minute = (text[2] - '0') * 10 + (text[3] - '0');
        if (hour > 23 || minute > 59) return std::nullopt;
        return hour * 60 + minute;
    }
    std::size_t at = 0;
    const int hour = read_number(text, at, 2);
    if (hour < 0 || hour > 23) return std::nullopt;
    int minute = 0;
    if (skip(text, at, ":")) {
        const auto minute_start = at;
        minute = read_number(text, at, 2);
        if (at - minute_start != 2) return std::nullopt;  // 14:3 is a typo, not 14:03
    } else if (skip(text, at, "時")) {
        if (at < text.size()) {
            minute = read_number(text, at, 2);
            if (minute < 0 || !skip(text, at, "分")) return std::nullopt;
        }
    } else {
        return std::nullopt;
    }
    if (minute < 0 || minute > 59 || at != text.size()) return std::nullopt;
    return hour * 60 + minute;
}

std::string format_time(int minute_of_day) {
    std::string out;
    const int hour = minute_of_day / 60;
    const int minute = minute_of_day % 60;
    out += static_cast<char>('0' + hour / 10);
    out += static_cast<char>('0' + hour % 10);
    out += ':';
    out += static_cast<char>('0' + minute / 10);
    out += static_cast<char>('0' + minute % 10);
    return out;
}

}  // namespace madoguchi::client
