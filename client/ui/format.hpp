#pragma once
// Text formatting for views: durations, dates (ISO or 和暦) and catalog templates.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "calendar/civil_date.hpp"
#include "calendar/tokyo_time.hpp"
#include "i18n/catalog.hpp"

namespace madoguchi::client {

// A catalog text as ImGui takes it; the catalog keeps the string alive.
inline const char* t(std::string_view key, i18n::Language language) { return i18n::text(key, language).c_str(); }

// Replaces "{name}" placeholders of a catalog template.
std::string fill_template(std::string_view pattern,
                          std::initializer_list<std::pair<std::string_view, std::string>> values);

// "2時間15分" / "2 h 15 min"; whole minutes, rounded up so "opens in 0 min" never shows early.
std::string format_duration(std::int64_t seconds, i18n::Language language);

// "2026-11-25（水）" or "令和8年11月25日（水）"; English uses "Wed".
std::string format_display_date(const calendar::Date& date, i18n::Language language, bool wareki);

// "8:30" from minutes since midnight.
std::string format_clock(int minute_of_day);

// "2026-11-25（水） 10:05" in Tokyo time, or with the date in 和暦.
std::string format_display_time(calendar::Instant instant, i18n::Language language, bool wareki);

std::string_view weekday_name(const calendar::Date& date, i18n::Language language);

}  // namespace madoguchi::client
