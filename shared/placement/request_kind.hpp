#pragma once
// What a request asks for: 追加 (a new device installed), 移設 (an installed device moved),
// 撤去 (an installed device taken away).
#include <optional>
#include <span>
#include <string_view>

namespace madoguchi::placement {

enum class RequestKind { install, move, remove };

std::span<const RequestKind> request_kinds();
std::string_view kind_name(RequestKind kind);  // "install", "move", "remove"
std::optional<RequestKind> parse_kind(std::string_view name);
std::string_view kind_label_key(RequestKind kind);  // "placement.kind.<name>"

}  // namespace madoguchi::placement
