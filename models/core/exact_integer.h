#pragma once

#include <cmath>

#include "core/json_qt.h"

namespace forkscope {

// Integers a double holds exactly: what a numeric series can store as an
// integer and give back unchanged.
inline constexpr double kMaxExactInteger = 9007199254740992.0; // 2^53

// A JSON integer that a double keeps exactly.
inline bool isExactInteger(const Json &value)
{
    if (value.is_number_unsigned())
        return value.get<std::uint64_t>() <= std::uint64_t(kMaxExactInteger);
    if (value.is_number_integer()) {
        // Compared as integers: 2^53 + 1 rounds to 2^53 as a double.
        const std::int64_t i = value.get<std::int64_t>();
        return i >= -std::int64_t(kMaxExactInteger) && i <= std::int64_t(kMaxExactInteger);
    }
    return false;
}

// A stored number as JSON: an integer when its series was logged as integers
// (and the value is one), else a double.
inline Json storedNumber(double value, bool integralSeries)
{
    if (integralSeries && std::abs(value) <= kMaxExactInteger && std::floor(value) == value)
        return Json(std::int64_t(value));
    return Json(value);
}

} // namespace forkscope
