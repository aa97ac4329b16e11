#pragma once
// QR code asset labels (資産ラベル) for the counter scanners: A4 sheets of 3 × 8 labels of
// 70 × 36 mm (the common 24-up label paper), each with the QR code of the asset tag (error
// correction M, the tag alone as the payload, as the scanners type it), the tag in text, the
// model and the location. One SVG holds every page, one A4 height each, so the browser
// prints it page by page at 100 %.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace madoguchi::server::inventory {

struct LabelText {
    std::string asset_tag;
    std::string model;     // "リコー IM C3000", may be empty
    std::string location;  // its display name, may be empty
};

inline constexpr int labels_per_page = 24;
inline constexpr const char* svg_type = "image/svg+xml; charset=utf-8";

// The QR code's modules, row by row, dark = true; its side is `size` modules (no quiet zone).
struct QrMatrix {
    int size = 0;
    std::vector<bool> dark;
};
// nullopt when libqrencode cannot encode the payload.
std::optional<QrMatrix> qr_matrix(std::string_view payload);

// The sheets; an empty optional when a tag cannot be encoded (asset tags always can).
std::optional<std::string> label_sheet_svg(std::span<const LabelText> labels);

}  // namespace madoguchi::server::inventory
