#pragma once
// 設置場所 (location): building → floor → room, e.g. 中央合同庁舎第3号館 / 10階 / 1001会議室.
// The ministry's annex, the Patent Office building and the regional bureaus are buildings.
#include <cstdint>
#include <string>
#include <vector>

#include "validation/field_problem.hpp"

namespace madoguchi::inventory {

struct Location {
    std::int64_t id = 0;
    std::string building;  // 建物: 1–100
    std::string floor;     // 階: optional, at most 20 ("10階", "B1")
    std::string room;      // 部屋: optional, at most 100; needs a floor
    friend bool operator==(const Location&, const Location&) = default;
};

// Reason keys: field.required, field.too_long_<n>, field.control_character,
// field.invalid_utf8, field.room_without_floor.
std::vector<validation::FieldProblem> validate(const Location& location);

// "中央合同庁舎第3号館 10階 1001会議室": the parts that are set, with a space between.
std::string display_name(const Location& location);

}  // namespace madoguchi::inventory
