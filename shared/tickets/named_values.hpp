#pragma once
// A constant table of an enum's stored names and catalog keys, in enum order, with the
// lookups each such table needs; the ticket engine has several (kinds, states, priorities).
#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace madoguchi::tickets {

template <typename Enum>
struct Named {
    Enum value;
    std::string_view name;       // stored and used in the API
    std::string_view label_key;  // catalog key
};

// named() indexes by the enum's value: each table is checked with a static_assert.
template <typename Enum, std::size_t N>
constexpr bool in_enum_order(const std::array<Named<Enum>, N>& table) {
    for (std::size_t i = 0; i < N; ++i) {
        if (static_cast<std::size_t>(table[i].value) != i) return false;
    }
    return true;
}

template <typename Enum, std::size_t N>
constexpr std::array<Enum, N> values_of(const std::array<Named<Enum>, N>& table) {
    std::array<Enum, N> values{};
    for (std::size_t i = 0; i < N; ++i) values[i] = table[i].value;
    return values;
}

template <typename Enum, std::size_t N>
constexpr const Named<Enum>& named(const std::array<Named<Enum>, N>& table, Enum value) {
    return table[static_cast<std::size_t>(value)];
}

template <typename Enum, std::size_t N>
std::optional<Enum> parse_named(const std::array<Named<Enum>, N>& table, std::string_view name) {
    const auto found = std::find_if(table.begin(), table.end(), [&](const Named<Enum>& n) { return n.name == name; });
    if (found == table.end()) return std::nullopt;
    return found->value;
}

}  // namespace madoguchi::tickets
