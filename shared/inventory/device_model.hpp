#pragma once
// 機種 (device model): maker and model name within a device class, and the consumables it
// takes (toner types), which toner orders and stock read.
#include <cstdint>
#include <string>
#include <vector>

#include "validation/field_problem.hpp"

namespace madoguchi::inventory {

struct DeviceModel {
    std::int64_t id = 0;
    std::string maker;       // メーカー: 1–100
    std::string name;        // 機種名: 1–100, unique with the maker
    std::string class_code;  // a device_classes() code
    std::vector<std::string> consumables;  // "トナー（ブラック）", "IM C3000 シアン": each 1–100
    friend bool operator==(const DeviceModel&, const DeviceModel&) = default;
};

// Reason keys: field.required, field.too_long_100, field.control_character,
// field.invalid_utf8, field.unknown_class, field.invalid_consumable,
// field.consumable_separator.
std::vector<validation::FieldProblem> validate(const DeviceModel& model);

}  // namespace madoguchi::inventory
