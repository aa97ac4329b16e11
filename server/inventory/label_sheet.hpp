#pragma once
// QR code asset labels (資産ラベル) as SVG, in the layout of label_layout.hpp. One SVG holds
// every page, one A4 height each, so the browser prints it page by page at 100 %.
#include <optional>
#include <span>
#include <string>

#include "inventory/label_layout.hpp"
#include "inventory/label_qr.hpp"

namespace madoguchi::server::inventory {

inline constexpr const char* svg_type = "image/svg+xml; charset=utf-8";

// The sheets; an empty optional when a tag cannot be encoded (asset tags always can).
std::optional<std::string> label_sheet_svg(std::span<const LabelText> labels);

}  // namespace madoguchi::server::inventory
