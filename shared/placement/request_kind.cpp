#include "placement/request_kind.hpp"

#include <array>

namespace madoguchi::placement {
namespace {

constexpr std::array<RequestKind, 3> kinds{RequestKind::install, RequestKind::move, RequestKind::remove};
constexpr std::array<std::string_view, 3> names{"install", "move", "remove"};
constexpr std::array<std::string_view, 3> label_keys{"placement.kind.install", "placement.kind.move",
                                                     "placement.kind.remove"};

}  // namespace

std::span<const RequestKind> request_kinds() { return kinds; }
std::string_view kind_name(RequestKind kind) { return names[static_cast<std::size_t>(kind)]; }
std::string_view kind_label_key(RequestKind kind) { return label_keys[static_cast<std::size_t>(kind)]; }

std::optional<RequestKind> parse_kind(std::string_view name) {
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == name) return kinds[i];
    }
    return std::nullopt;
}

}  // namespace madoguchi::placement
