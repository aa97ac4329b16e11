#pragma once
// QR code asset labels (資産ラベル) as PDF, in the layout of label_layout.hpp: one A4 page per
// 24 labels, the QR modules as filled rectangles, the text in the given TrueType font, whose
// glyphs the PDF embeds (so printing needs no font on the desk's computer).
#include <filesystem>
#include <optional>
#include <span>
#include <string>

#include "inventory/label_layout.hpp"

namespace madoguchi::server::inventory {

inline constexpr const char* pdf_type = "application/pdf";

// The sheets; an empty optional when a tag cannot be encoded (asset tags always can) or cairo
// fails. Without a usable `font` (empty path, missing or not a font) the labels still carry
// the QR code and the tag, in cairo's built-in stroke font, but no model or location: that
// font has no Japanese.
std::optional<std::string> label_sheet_pdf(std::span<const LabelText> labels, const std::filesystem::path& font);

}  // namespace madoguchi::server::inventory
