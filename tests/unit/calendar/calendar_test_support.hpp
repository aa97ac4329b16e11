#pragma once
// Catch2 printing for calendar values, so a failed check shows "2026-05-06" rather than "{?}".
#define CATCH_CONFIG_ENABLE_OPTIONAL_STRINGMAKER
#include <catch2/catch.hpp>

#include "calendar/civil_date.hpp"
#include "calendar/tokyo_time.hpp"

namespace Catch {

template <>
struct StringMaker<madoguchi::calendar::Date> {
    static std::string convert(const madoguchi::calendar::Date& date) {
        return madoguchi::calendar::format_date(date);
    }
};

template <>
struct StringMaker<madoguchi::calendar::Instant> {
    static std::string convert(const madoguchi::calendar::Instant& instant) {
        return madoguchi::calendar::format_iso8601_tokyo(instant);
    }
};

}  // namespace Catch
