#include "inventory/label_layout.hpp"

#include <algorithm>

#include "text/utf8.hpp"

namespace madoguchi::server::inventory::label_layout {
namespace {

constexpr double text_left = padding + code_side + 2.0;
constexpr std::size_t line_characters = 12;  // Japanese characters fitting beside the code
constexpr double line_spacing = 1.25;        // times the font size

// The text in lines of `line_characters`, at most `most` lines; a cut-off end shows "…".
std::vector<std::string> wrapped(std::string_view text, std::size_t most) {
    const auto code_points = madoguchi::text::decode_utf8(text).value_or(std::u32string());
    std::vector<std::string> lines;
    for (std::size_t start = 0; start < code_points.size() && lines.size() < most; start += line_characters) {
        auto line = code_points.substr(start, line_characters);
        const bool last = lines.size() + 1 == most && start + line_characters < code_points.size();
        if (last) line.back() = U'…';
        lines.push_back(madoguchi::text::encode_utf8(line));
    }
    return lines;
}

void add_lines(std::vector<TextLine>& out, double x, double y, double size, std::string_view text, std::size_t most) {
    for (auto& line : wrapped(text, most)) {
        out.push_back({x, y, size, std::move(line), false});
        y += size * line_spacing;
    }
}

}  // namespace

int page_count(std::size_t labels) {
    return std::max<int>(1, static_cast<int>((labels + labels_per_page - 1) / labels_per_page));
}

LabelPlace place_of(std::size_t index) {
    const auto page = static_cast<int>(index / labels_per_page);
    const auto slot = static_cast<int>(index % labels_per_page);
    return {page, (slot % columns) * label_width, top_margin + (slot / columns) * label_height};
}

std::vector<TextLine> text_lines(const LabelText& label, LabelPlace place) {
    const double x = place.x + text_left;
    std::vector<TextLine> lines{{x, place.y + padding + 5.0, 4.2, label.asset_tag, true}};
    add_lines(lines, x, place.y + padding + 11.0, 2.8, label.model, 2);
    add_lines(lines, x, place.y + padding + 19.0, 2.6, label.location, 3);
    return lines;
}

}  // namespace madoguchi::server::inventory::label_layout
