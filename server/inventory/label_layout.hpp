#pragma once
// The one layout of a QR asset label sheet (資産ラベル), shared by the SVG and the PDF:
// A4 portrait, 3 × 8 labels of 70 × 36 mm (the common 24-up label paper), each with the QR
// code of the asset tag on the left and, beside it, the tag, the model and the location.
// Every length is in millimetres from a page's top-left corner; text positions are baselines.
#include <cstddef>
#include <string>
#include <vector>

namespace madoguchi::server::inventory {

struct LabelText {
    std::string asset_tag;
    std::string model;     // "リコー IM C3000", may be empty
    std::string location;  // its display name, may be empty
};

namespace label_layout {

inline constexpr double page_width = 210.0;
inline constexpr double page_height = 297.0;
inline constexpr int columns = 3;
inline constexpr int rows = 8;
inline constexpr int labels_per_page = columns * rows;
inline constexpr double label_width = 70.0;
inline constexpr double label_height = 36.0;
inline constexpr double top_margin = (page_height - rows * label_height) / 2;
inline constexpr double padding = 3.0;
inline constexpr double code_side = 30.0;  // the QR code with its quiet zone
inline constexpr int quiet_modules = 4;    // ISO/IEC 18004's quiet zone
inline constexpr double cut_line_width = 0.1;

// At least one page: a selection that finds nothing prints an empty sheet.
int page_count(std::size_t labels);

// Where the label number `index` (from 0) sits: its page and its top-left corner on that page.
struct LabelPlace {
    int page = 0;
    double x = 0;
    double y = 0;
};
LabelPlace place_of(std::size_t index);

// One line of text on a label; the tag is set apart (monospace and bold where a renderer can).
struct TextLine {
    double x = 0;
    double y = 0;  // baseline
    double size = 0;
    std::string text;
    bool tag = false;
};
// The tag, the model in at most 2 lines and the location in at most 3, wrapped to fit
// beside the code; a cut-off end shows "…".
std::vector<TextLine> text_lines(const LabelText& label, LabelPlace place);

}  // namespace label_layout
}  // namespace madoguchi::server::inventory
