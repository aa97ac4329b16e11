#pragma once
// Integer division rounding toward negative infinity. C++ '/' truncates toward zero, which
// misplaces every date and instant before 1970; calendar arithmetic uses this instead.
#include <cstdint>

namespace madoguchi::calendar {

constexpr std::int64_t floor_div(std::int64_t numerator, std::int64_t denominator) {
    const auto quotient = numerator / denominator;
    const bool inexact = numerator % denominator != 0;
    return inexact && (numerator < 0) != (denominator < 0) ? quotient - 1 : quotient;
}

}  // namespace madoguchi::calendar
